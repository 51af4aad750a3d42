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
 * DESIGN §9: zero file bytes through Lambda for attachments. Handlers may presign, HeadObject, read a
 * few bytes with a Range, and have S3 copy or delete objects — never upload, stream or download an
 * attachment themselves. The one exception is the exports adapter: it stores the reports Lambda
 * generates (under exports/ only) and reads the shrunk photos a PDF visit report embeds.
 */
describe('no Lambda code moves file bytes', () => {
  const sources = files(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));

  it('never uploads an object body (PutObject, multipart, lib-storage) but generated exports', () => {
    const offenders = sources.filter((f) =>
      /PutObjectCommand|UploadPartCommand|CreateMultipartUploadCommand|@aws-sdk\/lib-storage/.test(f.text),
    );
    expect(offenders.map((f) => f.path)).toEqual(['adapters/exports.ts']);
    expect(offenders[0]?.text).toContain('if (!key.startsWith(exportsPrefix))');
  });

  it('reads attachment bodies only as a ranged read of the first bytes, in the storage adapter', () => {
    const users = sources.filter((f) => f.text.includes('GetObjectCommand'));
    expect(users.map((f) => f.path).sort()).toEqual(['adapters/exports.ts', 'adapters/storage.ts']);
    const adapter = users.find((f) => f.path === 'adapters/storage.ts')?.text ?? '';
    // Presigning builds a GetObjectCommand too, but only the ranged read is ever sent.
    const sends = adapter.match(/send\(\s*new (?:sdk\.)?GetObjectCommand\(\{[\s\S]*?\}\)/g) ?? [];
    expect(sends).toHaveLength(1);
    expect(sends[0]).toContain('Range: `bytes=0-');
  });
});
