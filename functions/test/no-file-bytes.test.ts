import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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
 * DESIGN §9: zero file bytes through Lambda. Handlers may presign, HeadObject, read a few bytes with a
 * Range, and have S3 copy or delete objects — never upload, stream or download a body themselves.
 */
describe('no Lambda code moves file bytes', () => {
  const sources = files(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));

  it('never uploads an object body (PutObject, multipart, lib-storage)', () => {
    const offenders = sources.filter((f) =>
      /PutObjectCommand|UploadPartCommand|CreateMultipartUploadCommand|@aws-sdk\/lib-storage/.test(f.text),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('reads object bodies only as a ranged read of the first bytes, in the storage adapter', () => {
    const users = sources.filter((f) => f.text.includes('GetObjectCommand'));
    expect(users.map((f) => f.path)).toEqual(['adapters/storage.ts']);
    const adapter = users[0]?.text ?? '';
    // Presigning builds a GetObjectCommand too, but only the ranged read is ever sent.
    const sends = adapter.split('\n').filter((line) => line.includes('send(new GetObjectCommand'));
    expect(sends).toHaveLength(1);
    expect(sends[0]).toContain('Range: `bytes=0-');
  });
});
