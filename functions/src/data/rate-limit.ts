import { rateLimited } from '#domain/errors';
import { type RateLimitName, rateLimitMessage, rateLimits, secondsLeftInWindow } from '#domain/rate-limits';
import { updateIf } from './claims.ts';
import { keys } from './keys.ts';
import { tableItem, type Write } from './transact.ts';

/**
 * A fixed-window counter per user and purpose: one atomic conditional increment, so concurrent
 * requests cannot slip past the limit. The window's item expires by TTL. True when allowed.
 */
export const consumeRateLimit = async (
  userId: string,
  bucket: string,
  limit: number,
  windowSeconds: number,
  now: Date,
) => {
  const window = Math.floor(now.getTime() / 1000 / windowSeconds);
  return updateIf(keys.rateWindow(userId, bucket, String(window)), windowCount(limit, window, windowSeconds));
};

/** One more use in the window, while the window has fewer than `limit`; the item expires after it. */
const windowCount = (limit: number, window: number, windowSeconds: number) => ({
  UpdateExpression:
    'ADD #count :one SET expires_at = if_not_exists(expires_at, :expires), entity = if_not_exists(entity, :entity)',
  ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
  ExpressionAttributeNames: { '#count': 'count' },
  ExpressionAttributeValues: {
    ':one': 1,
    ':limit': limit,
    ':expires': (window + 2) * windowSeconds,
    ':entity': 'rate_window',
  },
});

/**
 * Counts one use of a limited action by `key` (a person's id) and refuses with a 429 — its message
 * and Retry-After saying when the window ends — once the window's allowance is spent.
 */
export const enforceRateLimit = async (name: RateLimitName, key: string, now: Date) => {
  const limit = rateLimits[name];
  if (await consumeRateLimit(key, name, limit.limit, limit.windowSeconds, now)) return;
  const retryAfter = secondsLeftInWindow(limit.windowSeconds, now);
  throw rateLimited(rateLimitMessage(limit, retryAfter), retryAfter);
};

/**
 * The same count as `enforceRateLimit`, as one write of a mutation's transaction: it counts only
 * when the mutation commits, so a request that loses a version race (or fails any other condition)
 * spends nothing. Place it after the mutation's own guarded writes, whose refusal then comes first.
 */
export const rateLimitWrite = (name: RateLimitName, key: string, now: Date): Write => {
  const limit = rateLimits[name];
  const window = Math.floor(now.getTime() / 1000 / limit.windowSeconds);
  return {
    item: tableItem('Update', {
      Key: keys.rateWindow(key, name, String(window)),
      ...windowCount(limit.limit, window, limit.windowSeconds),
    }),
    onConditionFailed: () => {
      const retryAfter = secondsLeftInWindow(limit.windowSeconds, now);
      return rateLimited(rateLimitMessage(limit, retryAfter), retryAfter);
    },
  };
};
