import { randomUUID } from 'node:crypto';
import { domainEvent } from '@dml/events';
import {
  type AttachmentType,
  type AttachmentWithUrl,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_LOG,
  type MentorshipLog,
  type RequestUploadBody,
  type UploadGranted,
} from '@dml/shared';
import type * as z from '@dml/shared/zod';
import type { Storage } from '#adapters/storage';
import { UPLOAD_URL_SECONDS } from '#adapters/storage';
import {
  attachmentItem,
  attachmentsOfLog,
  getAttachment,
  PENDING_TTL_SECONDS,
  type StoredAttachment,
  toAttachment,
} from '#data/attachments';
import { idempotentCreate } from '#data/idempotency';
import { keys } from '#data/keys';
import { getLog } from '#data/logs';
import { enforceRateLimit } from '#data/rate-limit';
import { storageKeys } from '#data/storage-keys';
import { commit, tableItem } from '#data/transact';
import { ifVersion } from '#data/versioned';
import { diffChanges } from '#domain/diff';
import { conflict, forbidden, notFound, unprocessable, versionConflict } from '#domain/errors';
import { matchesType, SNIFF_BYTES, sanitizeFileName } from '#domain/file-types';
import { canRead, loadVisibleLog, relationTo } from '#features/logs/access';
import type { Actor } from '#http/actor';

type Request = z.output<typeof RequestUploadBody>;
const editable = (log: MentorshipLog) =>
  !log.deleted_at && ['draft', 'returned', 'approved'].includes(log.status);

/** Owners add and remove files while the log is editable; admins always. */
const assertMayChangeFiles = async (actor: Actor, log: MentorshipLog) => {
  const relation = await relationTo(actor, log);
  if (!canRead(log, relation)) throw notFound('Mentorship log');
  if (relation.role === 'admin') return;
  if (!relation.isOwner) throw forbidden("Only the log's owner or an admin can add or remove files.");
  if (!editable(log))
    throw conflict(
      `Files can be added or removed while the log is a draft, returned or approved; it is ${log.status}.`,
    );
};

const withUrl = async (a: StoredAttachment, storage: Storage): Promise<AttachmentWithUrl> => ({
  ...toAttachment(a),
  download_url:
    a.status === 'available' ? await storage.presignDownload(a.storage_key, a.file_name, a.file_type) : null,
});

/** The attachment as it is now (what a lost race answers with); gone or expired is not found. */
const currentAttachment = async (id: string, now: Date) => {
  const attachment = await getAttachment(id, now, true);
  if (!attachment) throw notFound('Attachment');
  return attachment;
};

const presign = async (a: StoredAttachment, storage: Storage, now: Date) => ({
  ...(await storage.presignUpload({
    key: a.storage_key,
    contentType: a.file_type,
    maxBytes: MAX_ATTACHMENT_BYTES,
  })),
  expires_at: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
});

const auditOf = (
  actor: { id: string; email: string | null },
  a: StoredAttachment,
  action: string,
  before: StoredAttachment | null,
  after: StoredAttachment | null,
  at: Date,
) => ({
  actor,
  entityType: 'attachment' as const,
  entityId: a.id,
  action,
  changes: diffChanges(before && toAttachment(before), after && toAttachment(after)),
  at,
});

/**
 * Registers a file and returns a presigned POST for it: the record is `pending` (expiring in a day)
 * until the upload is confirmed. Limits: 50 files a log, 30 upload requests per user per 10 minutes.
 */
export const requestUpload = (
  actor: Actor,
  body: Request,
  idempotencyKey: string | undefined,
  now: Date,
  storage: Storage,
) =>
  idempotentCreate(
    { actorId: actor.id, key: idempotencyKey, request: body, now },
    async (claim): Promise<UploadGranted> => {
      const log = await getLog(body.mentorship_log_id);
      if (!log) throw notFound('Mentorship log');
      await assertMayChangeFiles(actor, log);
      if ((await attachmentsOfLog(log.id, now)).length >= MAX_ATTACHMENTS_PER_LOG) {
        throw conflict(`A log holds at most ${MAX_ATTACHMENTS_PER_LOG} files; remove one first.`);
      }
      await enforceRateLimit('uploads', actor.id, now);
      const id = randomUUID();
      const fileName = sanitizeFileName(body.file_name, body.file_type);
      const at = now.toISOString();
      const record: StoredAttachment = {
        id,
        mentorship_log_id: log.id,
        file_name: fileName,
        file_type: body.file_type,
        file_size: body.file_size,
        status: 'pending',
        uploaded_by: actor.id,
        created_at: at,
        updated_at: at,
        confirmed_at: null,
        version: 1,
        storage_key: storageKeys.pending(log.id, id, fileName),
        expires_at: Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS,
      };
      const granted = { attachment: toAttachment(record), upload: await presign(record, storage, now) };
      await commit({
        writes: [
          {
            item: tableItem('Put', {
              Item: attachmentItem(record),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          },
        ],
        audit: auditOf({ id: actor.id, email: actor.email }, record, 'request_upload', null, record, now),
        idempotency: claim && { ...claim, response: { status: 201, body: granted } },
      });
      return granted;
    },
  );

const loadPending = async (actor: Actor, id: string, now: Date) => {
  const attachment = await getAttachment(id, now, true);
  if (!attachment) throw notFound('Attachment');
  const log = await getLog(attachment.mentorship_log_id);
  if (!log) throw notFound('Attachment');
  const relation = await relationTo(actor, log);
  if (!canRead(log, relation)) throw notFound('Attachment');
  if (!(relation.isOwner || relation.role === 'admin'))
    throw forbidden("Only the log's owner or an admin can upload files to it.");
  return { attachment, log };
};

/** A fresh presigned POST for a pending file, so a failed upload is retried without a new record. */
export const renewUpload = async (actor: Actor, id: string, now: Date, storage: Storage) => {
  const { attachment } = await loadPending(actor, id, now);
  if (attachment.status !== 'pending') throw conflict('This file is already uploaded.');
  return { attachment: toAttachment(attachment), upload: await presign(attachment, storage, now) };
};

/**
 * Checks what arrived and makes it available: present, within the maximum, exactly the declared size,
 * and starting with the bytes its type must start with. A bad file is deleted and the answer is 422
 * (the record stays pending so the user can upload again). Only a HeadObject and a 16-byte ranged
 * read touch the object; S3 copies it into place. Used by the confirm route and, in AWS, by the
 * S3-event check for clients that never confirmed.
 */
export const verifyAndPublish = async (
  attachment: StoredAttachment,
  log: MentorshipLog,
  by: { id: string; email: string | null },
  now: Date,
  storage: Storage,
) => {
  const finalKey = storageKeys.confirmed(log.id, attachment.id, attachment.file_name);
  let size = await storage.sizeOf(attachment.storage_key);
  let alreadyMoved = false;
  if (size === null) {
    // A confirm that moved the file but failed to record it is finished here.
    size = await storage.sizeOf(finalKey);
    alreadyMoved = size !== null;
  }
  if (size === null)
    throw unprocessable('The file has not arrived yet. Upload it, then confirm.', [
      { path: 'file', message: 'was not uploaded' },
    ]);
  if (!alreadyMoved) {
    const reject = async (message: string) => {
      await storage.remove(attachment.storage_key);
      return unprocessable(message, [{ path: 'file', message }]);
    };
    if (size > MAX_ATTACHMENT_BYTES)
      throw await reject(`The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
    if (size !== attachment.file_size)
      throw await reject(`The file is ${size} bytes, not the ${attachment.file_size} declared.`);
    const head = await storage.firstBytes(attachment.storage_key, SNIFF_BYTES);
    if (!matchesType(head, attachment.file_type as AttachmentType))
      throw await reject(`The file's content is not a ${attachment.file_type} file.`);
    await storage.move(attachment.storage_key, finalKey);
  }
  const at = now.toISOString();
  const { expires_at: _pendingExpiry, ...rest } = attachment;
  const available: StoredAttachment = {
    ...rest,
    status: 'available',
    storage_key: finalKey,
    confirmed_at: at,
    updated_at: at,
    version: attachment.version + 1,
  };
  await commit({
    writes: [
      // The confirm route's shape: someone confirmed first, and this is the file they made available.
      ifVersion.put(attachmentItem(available), attachment.version, async () =>
        withUrl(await currentAttachment(attachment.id, now), storage),
      ),
    ],
    audit: auditOf(by, attachment, 'confirm_upload', attachment, available, now),
    events: [
      domainEvent('attachment.uploaded', {
        attachment_id: attachment.id,
        log_id: log.id,
        facility_id: log.facility_id,
        file_name: attachment.file_name,
        file_type: attachment.file_type,
        file_size: attachment.file_size,
        by: by.id,
        at,
      }),
    ],
  });
  return available;
};

export const confirmUpload = async (
  actor: Actor,
  id: string,
  now: Date,
  storage: Storage,
): Promise<AttachmentWithUrl> => {
  const { attachment, log } = await loadPending(actor, id, now);
  if (attachment.status === 'available') return withUrl(attachment, storage);
  return withUrl(
    await verifyAndPublish(attachment, log, { id: actor.id, email: actor.email }, now, storage),
    storage,
  );
};

export const readAttachment = async (actor: Actor, id: string, now: Date, storage: Storage) => {
  const attachment = await getAttachment(id, now);
  if (!attachment) throw notFound('Attachment');
  await loadVisibleLog(actor, attachment.mentorship_log_id).catch(() => {
    throw notFound('Attachment');
  });
  return withUrl(attachment, storage);
};

export const listLogAttachments = async (actor: Actor, logId: string, now: Date, storage: Storage) => {
  await loadVisibleLog(actor, logId);
  const items = await attachmentsOfLog(logId, now);
  return { items: await Promise.all(items.map((a) => withUrl(a, storage))) };
};

export const deleteAttachment = async (
  actor: Actor,
  id: string,
  version: number,
  now: Date,
  storage: Storage,
) => {
  const attachment = await getAttachment(id, now, true);
  if (!attachment) throw notFound('Attachment');
  const log = await getLog(attachment.mentorship_log_id);
  if (!log) throw notFound('Attachment');
  await assertMayChangeFiles(actor, log);
  // A 409 shows the file as reading it does (with its link), like every other version conflict.
  if (attachment.version !== version) throw versionConflict(await withUrl(attachment, storage));
  await commit({
    writes: [
      ifVersion.delete(keys.attachment(id), version, async () =>
        withUrl(await currentAttachment(id, now), storage),
      ),
    ],
    audit: auditOf({ id: actor.id, email: actor.email }, attachment, 'delete', attachment, null, now),
  });
  // The record is gone first, so nobody can get a link to an object that is being removed.
  await storage.remove(attachment.storage_key);
  return { id, deleted: true as const };
};
