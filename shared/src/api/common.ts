import * as z from '../zod.ts';
import { singleLineText } from './text.ts';

export const Id = z.uuid({ message: 'must be a UUID' });
/** Is this text an id? (For values from a URL, which are left out when they are not.) */
export const isId = (value: unknown): value is string => Id.safeParse(value).success;

/** Calendar date, `YYYY-MM-DD`, checked to be a real day. */
export const IsoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** Instant in UTC, ISO-8601. */
export const IsoDateTime = z.iso.datetime({ message: 'must be an ISO-8601 UTC time', offset: false });

export const Version = z.int().check(z.gte(1));

/** Trims, then requires at least one character. */
export const NonEmpty = (max: number) => singleLineText({ min: 1, max });
export const OptionalText = (max: number) => z.optional(singleLineText({ max }));

export const LIMIT_DEFAULT = 25;
export const LIMIT_MAX = 100;

export const PageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(LIMIT_MAX)), LIMIT_DEFAULT),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.nullable(z.string()) });

export type Page<T> = { items: T[]; next_cursor: string | null };

/** Query-string booleans arrive as text. */
export const QueryBoolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v) => v === 'true'),
);

export const IdPath = z.strictObject({ id: Id });

export const VersionBody = z.strictObject({ version: Version });

/** The version a DELETE carries in its query string (it has no body), as text to be read as a number. */
export const QueryVersion = z.coerce.number().check(z.int(), z.gte(1));
export const VersionQuery = z.strictObject({ version: QueryVersion });
