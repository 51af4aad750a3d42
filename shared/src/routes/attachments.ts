import {
  Attachment,
  AttachmentWithUrl,
  DeleteAttachmentQuery,
  RequestUploadBody,
  UploadGranted,
  UploadTarget,
} from '../api/attachments.ts';
import { IdPath } from '../api/common.ts';
import * as z from '../zod.ts';
import { defineRoutes, everyone } from './define.ts';

/** Photos and documents: straight from the phone to S3 with presigned requests; no file byte through Lambda. */
export const attachmentRoutes = defineRoutes({
  requestUpload: {
    method: 'POST',
    path: '/api/attachments/upload',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary:
      'Register a file for a log (owner while editable, or admin) and get a presigned POST to upload it to S3.',
    body: RequestUploadBody,
    response: UploadGranted,
    status: 201,
    idempotent: true,
  },
  renewUpload: {
    method: 'POST',
    path: '/api/attachments/{id}/upload-url',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary: 'A fresh presigned POST for a pending file (retry a failed upload without a new record).',
    params: IdPath,
    response: z.object({ attachment: Attachment, upload: UploadTarget }),
  },
  confirmUpload: {
    method: 'POST',
    path: '/api/attachments/{id}/confirm',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary:
      'Check the uploaded file (size, and content matching its type) and make it available; 422 and removed if not.',
    params: IdPath,
    response: AttachmentWithUrl,
  },
  getAttachment: {
    method: 'GET',
    path: '/api/attachments/{id}',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary: 'A file with a short-lived download link (opens with its original name).',
    params: IdPath,
    response: AttachmentWithUrl,
  },
  deleteAttachment: {
    method: 'DELETE',
    path: '/api/attachments/{id}',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary: "Remove a file (the log's owner while the log is editable, or an admin).",
    params: IdPath,
    query: DeleteAttachmentQuery,
    response: z.object({ id: z.uuid(), deleted: z.literal(true) }),
  },
  listLogAttachments: {
    method: 'GET',
    path: '/api/mentorship-logs/{id}/attachments',
    fn: 'attachments',
    auth: everyone,
    tag: 'attachments',
    summary: 'The files of a log, each with a short-lived download link.',
    params: IdPath,
    response: z.object({ items: z.array(AttachmentWithUrl) }),
  },
});
