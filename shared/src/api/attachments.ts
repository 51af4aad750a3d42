import * as z from 'zod';
import { Id, IsoDateTime, Version } from './common.ts';

/** What may be attached (seeds/000, issue "attachments"), with the extensions browsers show in pickers. */
export const attachmentTypes = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
} as const;
export type AttachmentType = keyof typeof attachmentTypes;
export const attachmentTypeNames = Object.keys(attachmentTypes) as AttachmentType[];
export const isImageType = (type: string) => type.startsWith('image/');

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_LOG = 50;
/** Phones shrink photos to this many pixels on the long side before upload. */
export const MAX_IMAGE_EDGE_PX = 1600;

export const attachmentStatuses = ['pending', 'available'] as const;

export const Attachment = z.object({
  id: Id,
  mentorship_log_id: Id,
  file_name: z.string(),
  file_type: z.string(),
  file_size: z.number().int(),
  status: z.enum(attachmentStatuses),
  uploaded_by: Id,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  confirmed_at: IsoDateTime.nullable(),
  version: Version,
});
export type Attachment = z.infer<typeof Attachment>;

/** With a short-lived link to the file (presigned GET), for the people who may read it. */
export const AttachmentWithUrl = Attachment.extend({ download_url: z.string().nullable() });
export type AttachmentWithUrl = z.infer<typeof AttachmentWithUrl>;

/** A presigned POST: the browser sends `fields` plus the file (last) as multipart form data to `url`. */
export const UploadTarget = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expires_at: IsoDateTime,
});
export type UploadTarget = z.infer<typeof UploadTarget>;

export const RequestUploadBody = z.strictObject({
  mentorship_log_id: Id,
  file_name: z.string().trim().min(1, 'is required').max(255),
  file_type: z.enum(attachmentTypeNames, { message: `must be one of: ${attachmentTypeNames.join(', ')}` }),
  file_size: z
    .number()
    .int()
    .min(1, 'must not be empty')
    .max(MAX_ATTACHMENT_BYTES, `must be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
});
export type RequestUploadBody = z.input<typeof RequestUploadBody>;

export const UploadGranted = z.object({ attachment: Attachment, upload: UploadTarget });
export type UploadGranted = z.infer<typeof UploadGranted>;

export const DeleteAttachmentQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
