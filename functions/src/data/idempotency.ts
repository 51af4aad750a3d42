import { createHash } from 'node:crypto';
import { conflict } from '#domain/errors';
import { IdempotentReplay, readIdempotencyRecord } from './transact.ts';

export type IdempotencyClaim = { actorId: string; key: string; requestHash: string };

/** Key order must not change the hash of "the same request". */
const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};
export const requestHash = (request: unknown) => createHash('sha256').update(stable(request)).digest('hex');

/**
 * Runs a create at most once per (caller, Idempotency-Key): a retry gets the first response back and
 * creates nothing; the same key with a different request is a 409. `create` must pass the claim to
 * `commit` so the record is written in the same transaction as the object.
 */
export const idempotentCreate = async <T>(
  options: { actorId: string; key: string | undefined; request: unknown; now: Date },
  create: (claim: IdempotencyClaim | undefined) => Promise<T>,
): Promise<T> => {
  if (!options.key) return create(undefined);
  const claim = { actorId: options.actorId, key: options.key, requestHash: requestHash(options.request) };
  const existing = await readIdempotencyRecord(claim.actorId, claim.key, options.now);
  if (existing) {
    if (existing.requestHash !== claim.requestHash) {
      throw conflict('This Idempotency-Key was already used for a different request.', [
        { path: 'headers.idempotency-key', message: 'was used for a different request' },
      ]);
    }
    return existing.response.body as T;
  }
  try {
    return await create(claim);
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.response.body as T;
    throw error;
  }
};
