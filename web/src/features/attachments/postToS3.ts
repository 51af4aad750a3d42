import type { UploadTarget } from '@dml/shared/api/attachments';

/** An upload to S3 that did not go through (no network, an expired link, a refusal). */
export class UploadFailed extends Error {
  override readonly name = 'UploadFailed';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export type PostOptions = {
  /** Called with the fraction sent so far (0–1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

const S3_ERROR = /<Code>([^<]+)<\/Code>/;

/**
 * Sends a file to S3 with a presigned POST: every policy field first, the file last as `file` (S3
 * ignores fields after the file). XMLHttpRequest rather than fetch, for upload progress events.
 */
export const postToS3 = (
  target: Pick<UploadTarget, 'url' | 'fields'>,
  file: Blob,
  fileName: string,
  { onProgress, signal }: PostOptions = {},
) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append('file', file, fileName);

    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', abort);
    xhr.open('POST', target.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve();
        return;
      }
      const code = S3_ERROR.exec(String(xhr.responseText ?? ''))?.[1];
      const message =
        code === 'AccessDenied' || code === 'ExpiredToken' || xhr.status === 403
          ? 'The upload link was refused or has expired.'
          : code === 'EntityTooLarge'
            ? 'The file is larger than the upload allows.'
            : `The upload failed (${code ?? `HTTP ${xhr.status}`}).`;
      reject(new UploadFailed(message, xhr.status));
    };
    xhr.onerror = () => {
      settle();
      reject(new UploadFailed('The connection dropped during the upload.', 0));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      settle();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    xhr.send(form);
  });
