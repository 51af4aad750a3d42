/**
 * Object keys in the attachments bucket. Uploads land under `pending/` (a lifecycle rule expires what
 * is never confirmed) and move under `attachments/` once checked. Both embed the log and attachment
 * ids, so a presigned POST can only ever write the one key the server chose.
 */
export const pendingUploadPrefix = 'pending/';
export const confirmedPrefix = 'attachments/';

export const storageKeys = {
  pending: (logId: string, attachmentId: string, fileName: string) =>
    `${pendingUploadPrefix}${logId}/${attachmentId}/${fileName}`,
  confirmed: (logId: string, attachmentId: string, fileName: string) =>
    `${confirmedPrefix}${logId}/${attachmentId}/${fileName}`,
};
