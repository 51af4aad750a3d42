import { badRequest } from '#domain/errors';

/**
 * Opaque list cursors: the last returned item's key, base64url JSON. Decoding checks the key has
 * exactly the attributes of the index it came from and the partition of the current query, so a
 * forged or foreign cursor is a 400 — and a well-formed one can only move within what the caller
 * was already allowed to list.
 */
export type StartKey = Record<string, string>;

const invalidCursor = () =>
  badRequest('The cursor is not valid for this list.', [
    { path: 'cursor', message: 'is not valid for this list' },
  ]);

export const encodeCursor = (payload: unknown): string =>
  Buffer.from(JSON.stringify(payload)).toString('base64url');

export const decodeCursorPayload = (cursor: string): unknown => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
};

/** A Query's sort-key condition, as the query helper takes it. */
export type SortRange =
  | { between: [string, string] }
  | { beginsWith: string }
  | { gte: string }
  | { lte: string };

/** DynamoDB orders string keys by their UTF-8 bytes, which differs from JS's UTF-16 order above U+FFFF. */
const compareKeys = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Does a sort-key value satisfy the condition? DynamoDB refuses (a 500 here) a start key that does not. */
export const inSortRange = (value: string, range: SortRange) => {
  if ('between' in range)
    return compareKeys(value, range.between[0]) >= 0 && compareKeys(value, range.between[1]) <= 0;
  if ('beginsWith' in range) return value.startsWith(range.beginsWith);
  if ('gte' in range) return compareKeys(value, range.gte) >= 0;
  return compareKeys(value, range.lte) <= 0;
};

/**
 * Checks a decoded start key against the attribute names, the fixed partition value it must have,
 * and (when the query bounds its sort key) that its sort key lies inside that bound.
 */
export const checkStartKey = (
  value: unknown,
  attributes: readonly string[],
  fixed: Record<string, string>,
  sortKey?: { name: string; range: SortRange },
): StartKey => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidCursor();
  const entries = Object.entries(value);
  if (entries.length !== attributes.length) throw invalidCursor();
  for (const [name, v] of entries) {
    if (!attributes.includes(name) || typeof v !== 'string' || v.length === 0 || v.length > 1024)
      throw invalidCursor();
  }
  for (const [name, v] of Object.entries(fixed)) {
    if ((value as StartKey)[name] !== v) throw invalidCursor();
  }
  const sort = sortKey && (value as StartKey)[sortKey.name];
  if (sortKey && (sort === undefined || !inSortRange(sort, sortKey.range))) throw invalidCursor();
  return value as StartKey;
};

export { invalidCursor };

/**
 * Cursors for lists assembled in memory from a bounded set (e.g. a supervisor's scope): an offset
 * plus a fingerprint of the filters, so a cursor only works for the list it came from.
 */
export const encodeOffsetCursor = (offset: number, fingerprint: string) =>
  encodeCursor({ o: offset, f: fingerprint });

export const decodeOffsetCursor = (cursor: string | undefined, fingerprint: string): number => {
  if (!cursor) return 0;
  const value = decodeCursorPayload(cursor) as { o?: unknown; f?: unknown } | null;
  if (!value || typeof value !== 'object' || value.f !== fingerprint) throw invalidCursor();
  const offset = value.o;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 1_000_000)
    throw invalidCursor();
  return offset;
};

/** Pages an already-sorted in-memory list with offset cursors. */
export const pageOf = <T>(
  all: readonly T[],
  limit: number,
  cursor: string | undefined,
  fingerprint: string,
) => {
  const offset = decodeOffsetCursor(cursor, fingerprint);
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encodeOffsetCursor(offset + limit, fingerprint) : null;
  return { items, next_cursor: next };
};
