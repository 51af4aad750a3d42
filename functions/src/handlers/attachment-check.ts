import * as z from '@dml/shared/zod';
import middy from '@middy/core';
import { storage } from '#adapters/storage';
import { getAttachment } from '#data/attachments';
import { getLog } from '#data/logs';
import { isDomainError } from '#domain/errors';
import { verifyAndPublish } from '#features/attachments/service';
import { logger } from '#logger';

/** S3's "Object Created" event on the default bus, for keys under pending/<log>/<attachment>/<name>. */
const ObjectCreated = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.string(),
  detail: z.object({ object: z.object({ key: z.string() }) }),
});

/**
 * Runs the confirm checks for an upload whose client never confirmed it (closed the app, lost the
 * network). A file that fails them is removed, as at confirm; a file already confirmed is left alone.
 */
export const handler = middy<unknown, { outcome: string }>().handler(async (raw) => {
  const event = ObjectCreated.parse(raw);
  const key = decodeURIComponent(event.detail.object.key.replace(/\+/g, ' '));
  const [, , attachmentId] = key.split('/');
  const now = new Date();
  const attachment = attachmentId ? await getAttachment(attachmentId, now, true) : null;
  if (attachment?.status !== 'pending' || attachment.storage_key !== key)
    return { outcome: 'nothing to check' };
  const log = await getLog(attachment.mentorship_log_id);
  if (!log) return { outcome: 'log gone' };
  try {
    await verifyAndPublish(attachment, log, { id: attachment.uploaded_by, email: null }, now, storage);
    return { outcome: 'available' };
  } catch (error) {
    // Unprocessable: the file failed its checks and was removed; a version conflict: the client
    // confirmed meanwhile.
    if (isDomainError(error, 'unprocessable', 'version_conflict')) {
      logger.info('upload not accepted', { attachmentId, reason: error.message });
      return { outcome: error.code === 'unprocessable' ? 'rejected' : 'already confirmed' };
    }
    throw error;
  }
});
