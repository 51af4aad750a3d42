import { describe, expect, it } from 'vitest';
import { matchesType, sanitizeFileName } from './file-types.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts
      .flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p))
      .concat(Array(16).fill(0)),
  );

describe('file content matches its declared type', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBP')],
    ['image/heic', bytes([0, 0, 0, 24], 'ftyp', 'heic')],
    ['application/pdf', bytes('%PDF-1.7')],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes([0x50, 0x4b, 0x03, 0x04])],
  ] as const)('accepts a real %s', (type, content) => {
    expect(matchesType(content, type)).toBe(true);
  });

  it('refuses content of another kind', () => {
    expect(matchesType(bytes('%PDF-1.7'), 'image/jpeg')).toBe(false);
    expect(matchesType(bytes('MZ\x90\x00'), 'application/pdf')).toBe(false);
    expect(matchesType(bytes('hello, world'), 'image/png')).toBe(false);
    expect(matchesType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'image/webp')).toBe(false);
    expect(matchesType(bytes([0, 0, 0, 24], 'ftyp', 'isom'), 'image/heic')).toBe(false);
    expect(matchesType(new Uint8Array(), 'image/jpeg')).toBe(false);
  });
});

describe('file names', () => {
  it('drops paths, reserved characters and leading dots', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\me\\stock card #3 (final).jpg')).toBe('stock card 3 (final).jpg');
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('"><script>.pdf')).toBe('script.pdf');
    expect(sanitizeFileName('   ')).toBe('file');
  });

  it('keeps the extension when shortening a long name', () => {
    const long = `${'a'.repeat(300)}.xlsx`;
    expect(sanitizeFileName(long)).toHaveLength(120);
    expect(sanitizeFileName(long).endsWith('.xlsx')).toBe(true);
  });
});
