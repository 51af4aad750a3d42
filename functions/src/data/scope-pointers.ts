import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { keys, partitions } from './keys.ts';
import { scopePointerItem, toLog } from './logs.ts';
import { queryPage } from './query.ts';

const batchWrite = async (requests: Record<string, unknown>[]) => {
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

/**
 * Brings a user's scope pointers in line after they gain or lose a facility: one pointer per log of
 * that facility (read page by page from the facility's partition). Log writes keep pointers current
 * afterwards; the reconciliation job repairs any write that raced an assignment change.
 */
export const syncScopePointers = async (userId: string, facilityId: string, change: 'add' | 'remove') => {
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      index: 'gsi3',
      partition: partitions.logsByFacility(facilityId),
      limit: 100,
      cursor,
    });
    const logs = page.items.map(toLog);
    await batchWrite(
      logs.map((log) =>
        change === 'add'
          ? { PutRequest: { Item: scopePointerItem(userId, log) } }
          : { DeleteRequest: { Key: keys.scopePointer(userId, log.id) } },
      ),
    );
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
};
