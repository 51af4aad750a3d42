import type * as S3Sdk from '@aws-sdk/client-s3';
import { env, optionalEnv } from '#env';

/** Generated files live here briefly (a lifecycle rule removes them); people fetch them by a short-lived link. */
export const exportsPrefix = 'exports/';
export const EXPORT_URL_SECONDS = 300;

let loaded:
  | Promise<{
      sdk: typeof S3Sdk;
      client: S3Sdk.S3Client;
      getSignedUrl: typeof import('@aws-sdk/s3-request-presigner').getSignedUrl;
    }>
  | undefined;
const s3 = () => {
  loaded ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]).then(
    ([sdk, presigner]) => ({
      sdk,
      client: new sdk.S3Client({
        forcePathStyle: optionalEnv('s3ForcePathStyle') === 'true',
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      getSignedUrl: presigner.getSignedUrl,
    }),
  );
  return loaded;
};

/**
 * The one place Lambda code writes or reads file bodies: reports it generates itself (XLSX, PDF),
 * and the already-shrunk photos it embeds in a visit report. Uploads and downloads of attachments
 * never come through here — they go straight between the browser and S3.
 */
export const exportFiles = {
  save: async (key: string, body: Uint8Array, contentType: string, fileName: string) => {
    if (!key.startsWith(exportsPrefix)) throw new Error(`exports go under ${exportsPrefix}`);
    const { sdk, client, getSignedUrl } = await s3();
    await client.send(
      new sdk.PutObjectCommand({ Bucket: env('bucketName'), Key: key, Body: body, ContentType: contentType }),
    );
    const url = await getSignedUrl(
      client,
      new sdk.GetObjectCommand({
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
    const { sdk, client } = await s3();
    try {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: env('bucketName'), Key: key }));
      return (await object.Body?.transformToByteArray()) ?? null;
    } catch {
      return null;
    }
  },
};
export type ExportFiles = typeof exportFiles;
