import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );

/**
 * Zero file bytes through Lambda for attachments. Handlers may presign, HeadObject, read a
 * few bytes with a Range, and have S3 copy or delete objects — never upload, stream or download an
 * attachment themselves. The one exception is the exports adapter: it stores the reports Lambda
 * generates (under exports/ only) and reads the shrunk photos a PDF visit report embeds.
 */
describe('no Lambda code moves file bytes', () => {
  const sources = files(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));

  it('builds body-carrying and body-reading S3 requests only in the two adapters', () => {
    const uploads = sources.filter((f) =>
      /PutObjectCommand|UploadPartCommand|CreateMultipartUploadCommand|@aws-sdk\/lib-storage/.test(f.text),
    );
    expect(uploads.map((f) => f.path)).toEqual(['adapters/exports.ts']);
    const reads = sources.filter((f) => f.text.includes('GetObjectCommand'));
    expect(reads.map((f) => f.path).sort()).toEqual(['adapters/exports.ts', 'adapters/storage.ts']);
  });
});

/** A stand-in S3 endpoint that records what each request carried and asked for. */
type Seen = { method: string; path: string; range?: string; copySource?: string; bodyBytes: number };
const OBJECT_BYTES = 5_000;
const fakeS3 = () => {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const range = req.headers.range;
      const copySource = req.headers['x-amz-copy-source'] as string | undefined;
      seen.push({
        method: req.method ?? '',
        path: decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname),
        range,
        copySource,
        bodyBytes: Buffer.concat(chunks).length,
      });
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-length': OBJECT_BYTES }).end();
      } else if (req.method === 'GET') {
        const end = Math.min(
          Number(/^bytes=0-(\d+)$/.exec(range ?? '')?.[1] ?? OBJECT_BYTES - 1),
          OBJECT_BYTES - 1,
        );
        const status = range ? 206 : 200;
        res
          .writeHead(status, { 'content-range': `bytes 0-${end}/${OBJECT_BYTES}` })
          .end(Buffer.alloc(end + 1, 7));
      } else if (req.method === 'PUT' && copySource) {
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            '<CopyObjectResult><ETag>"e"</ETag><LastModified>2026-01-01T00:00:00.000Z</LastModified></CopyObjectResult>',
          );
      } else if (req.method === 'PUT') {
        res.writeHead(200, { etag: '"e"' }).end();
      } else {
        res.writeHead(204).end();
      }
    });
  });
  return { server, seen };
};

describe('what the S3 adapters send and receive', () => {
  const s3 = fakeS3();
  const saved = { ...process.env };
  let storage: typeof import('#adapters/storage').storage;
  let exportFiles: typeof import('#adapters/exports').exportFiles;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
    const { port } = s3.server.address() as AddressInfo;
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
      S3_FORCE_PATH_STYLE: 'true',
      BUCKET_NAME: 'dml-attachments',
    });
    ({ storage } = await import('#adapters/storage'));
    ({ exportFiles } = await import('#adapters/exports'));
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => s3.server.close(resolve));
  });

  it('the attachment storage adapter never sends a body nor reads more than the first bytes asked for', async () => {
    const key = 'pending/u/a/photo.jpg';
    const exercised = {
      presignUpload: () => storage.presignUpload({ key, contentType: 'image/jpeg', maxBytes: 10_000_000 }),
      presignDownload: () => storage.presignDownload(key, 'photo.jpg', 'image/jpeg'),
      sizeOf: () => storage.sizeOf(key),
      firstBytes: async () => expect((await storage.firstBytes(key, 16)).length).toBe(16),
      move: () => storage.move(key, 'attachments/u/a/photo.jpg'),
      remove: () => storage.remove(key),
    };
    // A new adapter function must be exercised here too.
    expect(Object.keys(storage).sort()).toEqual(Object.keys(exercised).sort());
    s3.seen.length = 0;
    for (const run of Object.values(exercised)) await run();

    expect(s3.seen.map((r) => r.method).sort()).toEqual(['DELETE', 'DELETE', 'GET', 'HEAD', 'PUT']);
    expect(s3.seen.filter((r) => r.bodyBytes > 0)).toEqual([]);
    expect(s3.seen.filter((r) => r.method === 'GET').map((r) => r.range)).toEqual(['bytes=0-15']);
    // The one PUT is a server-side copy: S3 moves the bytes.
    expect(s3.seen.find((r) => r.method === 'PUT')?.copySource).toBe('dml-attachments/pending/u/a/photo.jpg');
  });

  it('the exports adapter writes only generated files under exports/', async () => {
    s3.seen.length = 0;
    const body = new Uint8Array([1, 2, 3]);
    await expect(
      exportFiles.save('attachments/u/a/photo.jpg', body, 'image/jpeg', 'photo.jpg'),
    ).rejects.toThrow(/exports\//);
    expect(s3.seen).toEqual([]);

    const url = await exportFiles.save('exports/u/logs.xlsx', body, 'application/octet-stream', 'logs.xlsx');
    expect(s3.seen).toEqual([{ method: 'PUT', path: '/dml-attachments/exports/u/logs.xlsx', bodyBytes: 3 }]);
    expect(new URL(url).pathname).toBe('/dml-attachments/exports/u/logs.xlsx');
  });
});
