import { batchWrite } from './batch.ts';
import { followUpScopePointerItem, toFollowUp } from './follow-ups.ts';
import { followUpIndexes, keys, logIndexes, partitions } from './keys.ts';
import { scopePointerItem, toLog } from './logs.ts';
import { type Item, type ListQuery, queryPage } from './query.ts';

/** Calls `visit` with each page of a key-bounded Query until the partition is exhausted. */
const eachPage = async (
  query: Omit<ListQuery, 'limit' | 'cursor'>,
  visit: (items: Item[]) => Promise<void>,
) => {
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...query, limit: 100, cursor });
    await visit(page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
};

/**
 * Brings a user's scope pointers in line after they gain or lose a facility: one pointer per log and
 * per follow-up of that facility (read page by page from the facility's partitions). Log and
 * follow-up writes keep pointers current afterwards.
 */
export const syncScopePointers = async (userId: string, facilityId: string, change: 'add' | 'remove') => {
  await eachPage(
    { index: logIndexes.byFacility, partition: partitions.logsByFacility(facilityId) },
    (items) =>
      batchWrite(
        items
          .map(toLog)
          .map((log) =>
            change === 'add'
              ? { PutRequest: { Item: scopePointerItem(userId, log) } }
              : { DeleteRequest: { Key: keys.scopePointer(userId, log.id) } },
          ),
      ),
  );
  await eachPage(
    { index: followUpIndexes.byFacility, partition: partitions.followUpsByFacility(facilityId) },
    (items) =>
      batchWrite(
        items
          .map(toFollowUp)
          .map((f) =>
            change === 'add'
              ? { PutRequest: { Item: followUpScopePointerItem(userId, f) } }
              : { DeleteRequest: { Key: keys.followUpScopePointer(userId, f.id) } },
          ),
      ),
  );
};
