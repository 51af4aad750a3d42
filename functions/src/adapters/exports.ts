import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { env, optionalEnv } from '../env.ts';

/** Generated files live here briefly (a lifecycle rule removes them); people fetch them by a short-lived link. */
export const exportsPrefix = 'exports/';
export const EXPORT_URL_SECONDS = 300;

let client: S3Client | undefined;
const s3 = () => {
  client ??= new S3Client({
    forcePathStyle: optionalEnv('s3ForcePathStyle') === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
};

/**
 * The one place Lambda code writes or reads file bodies: reports it generates itself (XLSX, PDF),
 * and the already-shrunk photos it embeds in a visit report. Uploads and downloads of attachments
 * never come through here — they go straight between the browser and S3.
 */
export const exportFiles = {
  save: async (key: string, body: Uint8Array, contentType: string, fileName: string) => {
    if (!key.startsWith(exportsPrefix)) throw new Error(`exports go under ${exportsPrefix}`);
    await s3().send(
      new PutObjectCommand({ Bucket: env('bucketName'), Key: key, Body: body, ContentType: contentType }),
    );
    const url = await getSignedUrl(
      s3(),
      new GetObjectCommand({
        Bucket: env('bucketName'),
        Key: key,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        ResponseContentType: contentType,
      }),
      { expiresIn: EXPORT_URL_SECONDS },
    );
    return url;
  },
  /** A photo to embed as a thumbnail (≤ 1600 px already, so small). */
  readPhoto: async (key: string): Promise<Uint8Array | null> => {
    try {
      const object = await s3().send(new GetObjectCommand({ Bucket: env('bucketName'), Key: key }));
      return (await object.Body?.transformToByteArray()) ?? null;
    } catch {
      return null;
    }
  },
};
export type ExportFiles = typeof exportFiles;
