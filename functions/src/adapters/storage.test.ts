import { MAX_ATTACHMENT_BYTES } from '@dml/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { storage, UPLOAD_URL_SECONDS } from './storage.ts';

type Policy = { expiration: string; conditions: unknown[] };

beforeAll(() => {
  // Signing is local computation: no network, any credentials.
  process.env.BUCKET_NAME = 'dml-attachments';
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'secret';
});

describe('the presigned POST policy a phone uploads with', () => {
  it('pins the exact key, the exact content type, the size range and a short expiry', async () => {
    const before = Date.now();
    const key =
      'pending/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/stock card.jpg';
    const { url, fields } = await storage.presignUpload({
      key,
      contentType: 'image/jpeg',
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    expect(url).toContain('dml-attachments');
    expect(fields.key).toBe(key);
    expect(fields['Content-Type']).toBe('image/jpeg');
    const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as Policy;
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'dml-attachments' },
        { key },
        ['content-length-range', 1, MAX_ATTACHMENT_BYTES],
        ['eq', '$Content-Type', 'image/jpeg'],
      ]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeLessThanOrEqual(UPLOAD_URL_SECONDS * 1000 + 1000);
    expect(expires - before).toBeGreaterThan(60_000);
    expect(UPLOAD_URL_SECONDS).toBeLessThanOrEqual(600);
    // The signature covers the policy, so none of it can be changed by the client.
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
  });
});

describe('downloads', () => {
  it('are presigned GETs that open with the original name, for a few minutes', async () => {
    const url = new URL(
      await storage.presignDownload(
        'attachments/a/b/Register page 3.pdf',
        'Register page 3.pdf',
        'application/pdf',
      ),
    );
    expect(url.searchParams.get('response-content-disposition')).toBe(
      "attachment; filename*=UTF-8''Register%20page%203.pdf",
    );
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
  });
});
