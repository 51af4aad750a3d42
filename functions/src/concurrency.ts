/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order. Reads that
 * fan out over a caller's facilities use it so a thousand facilities mean a steady trickle of
 * queries, not a thousand at once (which DynamoDB throttles and Lambda's sockets queue anyway).
 */
export const mapBounded = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
};
