import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { keys } from './keys.ts';

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
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.rateWindow(userId, bucket, String(window)),
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
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};
