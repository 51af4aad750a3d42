/**
 * Attachments bucket rules shared by CDK and the local runtime (s3rver). Browsers upload with a
 * presigned POST and download with a presigned GET, so only the web origin needs CORS.
 */
export const attachmentsCors = {
  allowedMethods: ['GET', 'HEAD', 'POST', 'PUT'] as const,
  allowedHeaders: ['*'],
  exposedHeaders: ['ETag'],
  maxAgeSeconds: 3000,
};

/** Objects land here until confirmed; the lifecycle rule expires what never was. */
export { pendingUploadPrefix } from '@dml/functions/data/storage-keys';
export const pendingUploadExpiryDays = 1;
