import * as z from '../zod.ts';
import { Id, IsoDateTime, Version, VersionQuery } from './common.ts';
import { wellFormedText } from './text.ts';

/** What may be attached (photos and office documents), with the extensions browsers show in pickers. */
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

/**
 * The extension a file name ends with, lower-cased: a dot, then a letter and up to seven letters or
 * digits (".jpg", ".docx"); "IMG_2024.05.06" has none. Empty when there is none.
 */
export const fileExtensionOf = (name: string) =>
  /\.[a-z][a-z0-9]{0,7}$/i.exec(name.trim())?.[0].toLowerCase() ?? '';

/**
 * A file is opened by its name's extension, whatever type it was declared as: "report.html" declared
 * as a JPEG would run as a web page. So a name's extension must be one of its type's; a name with
 * none gets the type's own when stored.
 */
export const extensionMatchesType = (name: string, type: AttachmentType) => {
  const extension = fileExtensionOf(name);
  return extension === '' || (attachmentTypes[type] as readonly string[]).includes(extension);
};

export const Attachment = z.object({
  id: Id,
  mentorship_log_id: Id,
  file_name: z.string(),
  file_type: z.string(),
  file_size: z.int(),
  status: z.enum(attachmentStatuses),
  uploaded_by: Id,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  confirmed_at: z.nullable(IsoDateTime),
  version: Version,
});
export type Attachment = z.infer<typeof Attachment>;

/** With a short-lived link to the file (presigned GET), for the people who may read it. */
export const AttachmentWithUrl = z.extend(Attachment, { download_url: z.nullable(z.string()) });
export type AttachmentWithUrl = z.infer<typeof AttachmentWithUrl>;

/** A presigned POST: the browser sends `fields` plus the file (last) as multipart form data to `url`. */
export const UploadTarget = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expires_at: IsoDateTime,
});
export type UploadTarget = z.infer<typeof UploadTarget>;

export const RequestUploadBody = z
  .strictObject({
    mentorship_log_id: Id,
    file_name: wellFormedText().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(255)),
    file_type: z.enum(attachmentTypeNames, { message: `must be one of: ${attachmentTypeNames.join(', ')}` }),
    file_size: z
      .int()
      .check(
        z.gte(1, 'must not be empty'),
        z.lte(MAX_ATTACHMENT_BYTES, `must be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
      ),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (extensionMatchesType(body.file_name, body.file_type)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['file_name'],
        message: `ends in ${fileExtensionOf(body.file_name)}, but the file is declared as ${body.file_type}: its name must end in ${attachmentTypes[body.file_type].join(' or ')}`,
      });
    }),
  );
export type RequestUploadBody = z.input<typeof RequestUploadBody>;

export const UploadGranted = z.object({ attachment: Attachment, upload: UploadTarget });
export type UploadGranted = z.infer<typeof UploadGranted>;

export const DeleteAttachmentQuery = VersionQuery;
