import { badRequest } from '../http/errors.ts';

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

/** Checks a decoded start key against the attribute names and the fixed partition value it must have. */
export const checkStartKey = (
  value: unknown,
  attributes: readonly string[],
  fixed: Record<string, string>,
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
