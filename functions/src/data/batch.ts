import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';

/** Put and delete requests, 25 per BatchWrite; what DynamoDB leaves unprocessed is retried with backoff. */
export const batchWrite = async (requests: Record<string, unknown>[]) => {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, Record<string, unknown>[]> | undefined = {
      [tableName()]: requests.slice(i, i + 25),
    };
    for (let attempt = 0; pending && Object.keys(pending).length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const result = await ddb().send(new BatchWriteCommand({ RequestItems: pending }));
      pending = result.UnprocessedItems as typeof pending;
    }
  }
};
