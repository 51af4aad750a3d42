import type { RouteDef } from '@dml/shared';
import type * as z from '@dml/shared/zod';
import type { Actor } from './actor.ts';

type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

/** What a route implementation receives: already authenticated, authorized by role and validated. */
export type RouteInput<R extends RouteDef> = {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  actor: R['auth'] extends 'public' ? Actor | null : Actor;
  requestId: string;
  /** `Idempotency-Key` header of a creating POST, validated. */
  idempotencyKey: string | undefined;
  now: Date;
};

export type RouteImpl<R extends RouteDef> = (
  input: RouteInput<R>,
) => Promise<z.input<R['response']> | WithStatus<z.input<R['response']>>>;

/** Pairs a route-table row with its implementation; the pairing is what makes input types exact. */
export const implement = <R extends RouteDef>(route: R, impl: RouteImpl<R>) => ({ route, impl });
export type Implemented = { route: RouteDef; impl: RouteImpl<RouteDef> };

/** For the rare route whose success status depends on the outcome (e.g. /health → 503). */
export class WithStatus<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
