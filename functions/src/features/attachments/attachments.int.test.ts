import { invoke } from '@dml/infra/local/functions';
import { createBucketProbe } from '@dml/infra/local/testing/bucket';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { type AttachmentWithUrl, ErrorBody, MAX_ATTACHMENT_BYTES, type UploadGranted } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const jpeg = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
  for (let i = 10; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

const request = (
  logId: string,
  name: string,
  size: number,
  type = 'image/jpeg',
  token = world.tokens.ownerMentor,
) =>
  stack.api.post<UploadGranted>(
    '/api/attachments/upload',
    { mentorship_log_id: logId, file_name: name, file_type: type, file_size: size },
    token,
  );

/** What a phone does: a multipart POST of the signed fields and the file, with plain fetch. */
const upload = async (granted: UploadGranted, bytes: Uint8Array, type: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(granted.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type }));
  const response = await fetch(granted.upload.url, { method: 'POST', body: form });
  expect(response.status).toBeLessThan(300);
};

const exists = (key: string) => createBucketProbe(stack.outputs).exists(key);

describe('attachments, straight from the phone to S3', () => {
  it('presign → upload with fetch → confirm → download returns the same bytes', async () => {
    const log = await world.logs.inStatus('draft');
    const bytes = jpeg(48_000);
    const granted = await request(log.id, '../Stock card: page 1.jpg', bytes.length);
    expect(granted.status).toBe(201);
    expect(granted.body.attachment).toMatchObject({ status: 'pending', file_name: 'Stock card page 1.jpg' });
    await upload(granted.body, bytes, 'image/jpeg');
    const confirmed = await stack.api.post<AttachmentWithUrl>(
      `/api/attachments/${granted.body.attachment.id}/confirm`,
      undefined,
      world.tokens.ownerMentor,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('available');

    // A supervisor in scope downloads it through the presigned GET.
    const read = await stack.api.get<AttachmentWithUrl>(
      `/api/attachments/${granted.body.attachment.id}`,
      world.tokens.supervisorInScope,
    );
    const download = await fetch(read.body.download_url ?? '');
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const listed = await stack.api.get<{ items: AttachmentWithUrl[] }>(
      `/api/mentorship-logs/${log.id}/attachments`,
      world.tokens.ownerMentor,
    );
    expect(listed.body.items.map((a) => a.id)).toEqual([granted.body.attachment.id]);
  });

  it('rejects a file whose bytes are not the declared type, and removes it from the bucket', async () => {
    const log = await world.logs.inStatus('draft');
    const fake = new TextEncoder().encode('MZ this is not a photo at all, it is a program');
    const granted = await request(log.id, 'photo.jpg', fake.length);
    await upload(granted.body, fake, 'image/jpeg');
    const key = `pending/${log.id}/${granted.body.attachment.id}/photo.jpg`;
    expect(await exists(key)).toBe(true);
    const confirm = await stack.api.post(
      `/api/attachments/${granted.body.attachment.id}/confirm`,
      undefined,
      world.tokens.ownerMentor,
    );
    expect(confirm.status).toBe(422);
    expect(ErrorBody.parse(confirm.body).error.message).toContain('not a image/jpeg');
    expect(await exists(key)).toBe(false);

    // The same record can be retried with a fresh upload URL.
    const renewed = await stack.api.post<UploadGranted>(
      `/api/attachments/${granted.body.attachment.id}/upload-url`,
      undefined,
      world.tokens.ownerMentor,
    );
    const real = jpeg(2_000);
    await upload({ ...renewed.body }, real, 'image/jpeg');
    expect(
      (
        await stack.api.post(
          `/api/attachments/${granted.body.attachment.id}/confirm`,
          undefined,
          world.tokens.ownerMentor,
        )
      ).status,
    ).toBe(422);
  });

  it('rejects an over-size file at confirm (s3rver does not enforce the policy; the check does)', async () => {
    const log = await world.logs.inStatus('draft');
    const granted = await request(log.id, 'big.jpg', 1_000);
    await upload(granted.body, jpeg(MAX_ATTACHMENT_BYTES + 1), 'image/jpeg');
    const confirm = await stack.api.post(
      `/api/attachments/${granted.body.attachment.id}/confirm`,
      undefined,
      world.tokens.ownerMentor,
    );
    expect(confirm.status).toBe(422);
    expect(ErrorBody.parse(confirm.body).error.message).toMatch(/larger than 10 MB/);
  });

  it('refuses a declared size over 10 MB or a type not allowed before signing anything', async () => {
    const log = await world.logs.inStatus('draft');
    expect((await request(log.id, 'huge.jpg', MAX_ATTACHMENT_BYTES + 1)).status).toBe(400);
    expect((await request(log.id, 'virus.exe', 100, 'application/x-msdownload')).status).toBe(400);
  });

  it('refuses a name whose extension is not of the declared type, or with a broken character', async () => {
    const log = await world.logs.inStatus('draft');
    const html = await request(log.id, 'report.html', 100, 'image/jpeg');
    expect(html.status).toBe(400);
    const error = ErrorBody.parse(html.body).error;
    expect(error.details).toEqual([
      {
        path: 'file_name',
        message: expect.stringMatching(/^ends in \.html, .* must end in \.jpg or \.jpeg$/),
      },
    ]);
    expect((await request(log.id, 'photo\ud800.jpg', 100)).status).toBe(400);
  });

  it('stores and serves a name without direction controls, ending in its type’s extension', async () => {
    const log = await world.logs.inStatus('draft');
    const bytes = jpeg(1_000);
    const spoofed = await request(log.id, 'invoice\u202Egpj\u200F.jpg', bytes.length);
    expect(spoofed.status).toBe(201);
    expect(spoofed.body.attachment.file_name).toBe('invoicegpj.jpg');
    const bare = await request(log.id, 'IMG_0042', bytes.length);
    expect(bare.body.attachment.file_name).toBe('IMG_0042.jpg');
    await upload(bare.body, bytes, 'image/jpeg');
    const confirmed = await stack.api.post<AttachmentWithUrl>(
      `/api/attachments/${bare.body.attachment.id}/confirm`,
      undefined,
      world.tokens.ownerMentor,
    );
    expect(confirmed.status).toBe(200);
    const download = await fetch(confirmed.body.download_url ?? '');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''IMG_0042.jpg");
  });

  it('hides an attachment from another mentor (404) and lets only the owner upload while the log is editable', async () => {
    const log = await world.logs.inStatus('draft');
    const granted = await request(log.id, 'x.jpg', 100);
    expect(
      (await stack.api.get(`/api/attachments/${granted.body.attachment.id}`, world.tokens.otherMentor))
        .status,
    ).toBe(404);
    expect(
      (
        await stack.api.get(
          `/api/attachments/${granted.body.attachment.id}`,
          world.tokens.supervisorOutOfScope,
        )
      ).status,
    ).toBe(404);
    expect((await request(log.id, 'y.jpg', 100, 'image/jpeg', world.tokens.supervisorInScope)).status).toBe(
      403,
    );
    const submitted = await world.logs.inStatus('submitted');
    expect((await request(submitted.id, 'late.jpg', 100)).status).toBe(409);
  });

  it('checks an upload nobody confirmed when S3 reports it (the EventBridge rule in AWS)', async () => {
    const log = await world.logs.inStatus('draft');
    const bytes = jpeg(900);
    const granted = await request(log.id, 'forgotten.jpg', bytes.length);
    await upload(granted.body, bytes, 'image/jpeg');
    // What S3 puts on the default bus for the new object; the rule hands it to the check function.
    const s3Event = {
      version: '0',
      id: crypto.randomUUID(),
      source: 'aws.s3',
      'detail-type': 'Object Created',
      time: new Date().toISOString(),
      detail: {
        bucket: { name: stack.outputs.bucketName },
        object: { key: `pending/${log.id}/${granted.body.attachment.id}/forgotten.jpg`, size: bytes.length },
      },
    };
    expect(await invoke('attachment-check', s3Event)).toEqual({ outcome: 'available' });
    const read = await stack.api.get<AttachmentWithUrl>(
      `/api/attachments/${granted.body.attachment.id}`,
      world.tokens.ownerMentor,
    );
    expect(read.body.status).toBe('available');
    // A second delivery of the same event changes nothing.
    expect(await invoke('attachment-check', s3Event)).toEqual({ outcome: 'nothing to check' });
  });

  it('deletes the record and the object', async () => {
    const log = await world.logs.inStatus('draft');
    const bytes = jpeg(500);
    const granted = await request(log.id, 'gone.jpg', bytes.length);
    await upload(granted.body, bytes, 'image/jpeg');
    const confirmed = await stack.api.post<AttachmentWithUrl>(
      `/api/attachments/${granted.body.attachment.id}/confirm`,
      undefined,
      world.tokens.ownerMentor,
    );
    const deleted = await stack.api.delete(
      `/api/attachments/${granted.body.attachment.id}?version=${confirmed.body.version}`,
      world.tokens.ownerMentor,
    );
    expect(deleted.status).toBe(200);
    expect(await exists(`attachments/${log.id}/${granted.body.attachment.id}/gone.jpg`)).toBe(false);
    expect(
      (await stack.api.get(`/api/attachments/${granted.body.attachment.id}`, world.tokens.ownerMentor))
        .status,
    ).toBe(404);
  });
});
