import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Outputs } from '#local/app';

/**
 * What tests check in the attachments bucket directly (is the object there, what bytes did it get),
 * behind the same local S3 settings the product uses, so tests hold no SDK code of their own.
 */
export const createBucketProbe = (outputs: Pick<Outputs, 's3Endpoint' | 'region' | 'bucketName'>) => {
  const client = new S3Client({
    endpoint: outputs.s3Endpoint,
    region: outputs.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = outputs.bucketName;
  return {
    exists: async (key: string) => {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    /** The objects under a prefix, with their keys and sizes. */
    list: async (prefix: string) =>
      ((await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix }))).Contents ?? []).map((o) => ({
        key: o.Key ?? '',
        size: o.Size ?? 0,
      })),
    bytes: async (key: string) => {
      const body = (await client.send(new GetObjectCommand({ Bucket, Key: key }))).Body;
      if (!body) throw new Error(`object ${key} has no body`);
      return body.transformToByteArray();
    },
    destroy: () => client.destroy(),
  };
};
export type BucketProbe = ReturnType<typeof createBucketProbe>;
