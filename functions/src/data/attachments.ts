import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Attachment } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { attachmentIndexes, indexKey, keys, partitions } from './keys.ts';
import { type Item, queryAll } from './query.ts';

/** A pending upload that is never confirmed disappears after a day (TTL; readers also filter on it). */
export const PENDING_TTL_SECONDS = 24 * 60 * 60;

export type StoredAttachment = Attachment & { storage_key: string; expires_at?: number };

/** An attachment: by id, and by log (in upload order). */
export const attachmentItem = (a: StoredAttachment) => ({
  ...keys.attachment(a.id),
  entity: 'attachment',
  ...indexKey(
    attachmentIndexes.byLog,
    partitions.attachmentsByLog(a.mentorship_log_id),
    `${a.created_at}#${a.id}`,
  ),
  ...a,
});

const alive = (item: Item | undefined, now: Date) =>
  item !== undefined &&
  !(typeof item.expires_at === 'number' && item.expires_at <= Math.floor(now.getTime() / 1000));

export const toStored = (item: Item) => stripStorage<StoredAttachment>(item);
export const toAttachment = ({
  storage_key: _key,
  expires_at: _expires,
  ...rest
}: StoredAttachment): Attachment => rest;

export const getAttachment = async (
  id: string,
  now: Date,
  consistent = false,
): Promise<StoredAttachment | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.attachment(id), ConsistentRead: consistent }),
  );
  return Item && alive(Item, now) ? toStored(Item) : null;
};

/** All attachments of a log (bounded: a log holds at most 50), expired pending ones left out. */
export const attachmentsOfLog = async (logId: string, now: Date): Promise<StoredAttachment[]> => {
  const { items } = await queryAll({
    index: attachmentIndexes.byLog,
    partition: partitions.attachmentsByLog(logId),
  });
  return items.filter((i) => alive(i, now)).map(toStored);
};
