import type * as S3Sdk from '@aws-sdk/client-s3';
import { env, optionalEnv } from '#env';

/** Presigned uploads live at most 10 minutes: long enough for a slow phone, short enough to leak little. */
export const UPLOAD_URL_SECONDS = 600;
export const DOWNLOAD_URL_SECONDS = 300;

type Loaded = {
  sdk: typeof S3Sdk;
  client: S3Sdk.S3Client;
  createPresignedPost: typeof import('@aws-sdk/s3-presigned-post').createPresignedPost;
  getSignedUrl: typeof import('@aws-sdk/s3-request-presigner').getSignedUrl;
};
let loaded: Promise<Loaded> | undefined;
/** The S3 SDK and presigners load on first use, keeping them out of the cold start's module load. */
const s3 = () => {
  loaded ??= Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-presigned-post'),
    import('@aws-sdk/s3-request-presigner'),
  ]).then(([sdk, post, presigner]) => ({
    sdk,
    client: new sdk.S3Client({
      forcePathStyle: optionalEnv('s3ForcePathStyle') === 'true',
      // s3rver does not speak the newer default checksums; real S3 accepts either.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    createPresignedPost: post.createPresignedPost,
    getSignedUrl: presigner.getSignedUrl,
  }));
  return loaded;
};

/**
 * The POST policy a phone uploads with: exactly the server's key, exactly the declared content type,
 * a size between 1 byte and the maximum, valid for a few minutes. Real S3 enforces every condition.
 */
export const uploadPolicy = (input: { key: string; contentType: string; maxBytes: number }) => ({
  Bucket: env('bucketName'),
  Key: input.key,
  Conditions: [
    ['content-length-range', 1, input.maxBytes] as ['content-length-range', number, number],
    ['eq', '$Content-Type', input.contentType] as ['eq', string, string],
  ],
  Fields: { 'Content-Type': input.contentType },
  Expires: UPLOAD_URL_SECONDS,
});

/** File bytes never pass through Lambda: uploads, checks and downloads are presigned or header-only. */
export const storage = {
  presignUpload: async (input: { key: string; contentType: string; maxBytes: number }) => {
    const { client, createPresignedPost } = await s3();
    const { url, fields } = await createPresignedPost(client, uploadPolicy(input));
    return { url, fields };
  },
  presignDownload: async (key: string, fileName: string, contentType: string) => {
    const { sdk, client, getSignedUrl } = await s3();
    return getSignedUrl(
      client,
      new sdk.GetObjectCommand({
        Bucket: env('bucketName'),
        Key: key,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        ResponseContentType: contentType,
      }),
      { expiresIn: DOWNLOAD_URL_SECONDS },
    );
  },
  /** Size of a stored object, or null when there is none (no ListBucket: a missing key may read as 403). */
  sizeOf: async (key: string): Promise<number | null> => {
    const { sdk, client } = await s3();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: env('bucketName'), Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || status === 403) return null;
      throw error;
    }
  },
  /** The first bytes of an object (a ranged read), to check its content against its type. */
  firstBytes: async (key: string, count: number): Promise<Uint8Array> => {
    const { sdk, client } = await s3();
    const object = await client.send(
      new sdk.GetObjectCommand({ Bucket: env('bucketName'), Key: key, Range: `bytes=0-${count - 1}` }),
    );
    return (await object.Body?.transformToByteArray())?.slice(0, count) ?? new Uint8Array();
  },
  /** Server-side copy: S3 moves the bytes, not us. */
  move: async (from: string, to: string) => {
    const { sdk, client } = await s3();
    const Bucket = env('bucketName');
    await client.send(
      new sdk.CopyObjectCommand({
        Bucket,
        Key: to,
        CopySource: `${Bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
    await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: from }));
  },
  remove: async (key: string) => {
    const { sdk, client } = await s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: env('bucketName'), Key: key }));
  },
};
export type Storage = typeof storage;
