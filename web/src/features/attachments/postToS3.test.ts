import { afterEach, describe, expect, it, vi } from 'vitest';
import { postToS3, UploadFailed } from './postToS3.ts';

/** A stand-in XMLHttpRequest: records what is sent; the test drives progress and the answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  body: FormData | null = null;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, text = '') {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const target = {
  url: 'https://bucket.s3.test/',
  fields: {
    key: 'pending/log/att/photo.jpg',
    'Content-Type': 'image/jpeg',
    Policy: 'abc',
    'X-Amz-Signature': 'sig',
  },
};
const photo = new Blob([new Uint8Array(2048)], { type: 'image/jpeg' });

const current = () => {
  const xhr = FakeXhr.last;
  if (!xhr) throw new Error('no request sent');
  return xhr;
};

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.last = null;
});

describe('postToS3', () => {
  it('POSTs every policy field first and the file last, as "file", reporting progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: number[] = [];

    const done = postToS3(target, photo, 'photo.jpg', { onProgress: (f) => progress.push(f) });
    const xhr = current();
    xhr.progress(512, 2048);
    xhr.progress(2048, 2048);
    xhr.answer(204);
    await done;

    expect([xhr.method, xhr.url]).toEqual(['POST', 'https://bucket.s3.test/']);
    const entries = [...(xhr.body?.entries() ?? [])];
    expect(entries.map(([name]) => name)).toEqual([...Object.keys(target.fields), 'file']);
    const file = entries.at(-1)?.[1] as File;
    expect([file.name, file.size]).toEqual(['photo.jpg', 2048]);
    expect(progress).toEqual([0.25, 1, 1]);
  });

  it('explains an expired or refused link (S3 answers 403 with an XML error)', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);

    const done = postToS3(target, photo, 'photo.jpg');
    current().answer(403, '<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>');

    await expect(done).rejects.toEqual(new UploadFailed('The upload link was refused or has expired.', 403));
  });

  it('fails with a connection message when the network drops', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);

    const done = postToS3(target, photo, 'photo.jpg');
    current().onerror?.();

    await expect(done).rejects.toThrow('The connection dropped during the upload.');
  });

  it('stops the transfer when cancelled', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const controller = new AbortController();

    const done = postToS3(target, photo, 'photo.jpg', { signal: controller.signal });
    controller.abort();

    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(current().aborted).toBe(true);
  });
});
