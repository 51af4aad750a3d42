/** The audit trail's "JSON diff of changed fields": each changed field, what it was and what it became. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Bookkeeping fields change on every write; recording them would say nothing. */
const bookkeeping = new Set(['version', 'updated_at', 'created_at']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const diffChanges = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = [],
): Changes => {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const field of [...fields].sort()) {
    if (bookkeeping.has(field) || ignore.includes(field)) continue;
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
};
