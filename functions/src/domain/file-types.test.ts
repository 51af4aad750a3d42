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
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\me\\stock card #3 (final).jpg', 'image/jpeg')).toBe(
      'stock card 3 (final).jpg',
    );
    expect(sanitizeFileName('..hidden.png', 'image/png')).toBe('hidden.png');
    expect(sanitizeFileName('"><script>.pdf', 'application/pdf')).toBe('script.pdf');
    expect(sanitizeFileName('   ', 'image/jpeg')).toBe('file.jpg');
  });

  it('drops direction controls and control characters, so the shown name is the real one', () => {
    expect(sanitizeFileName('invoice\u202Egpj.jpg', 'image/jpeg')).toBe('invoicegpj.jpg');
    expect(sanitizeFileName('a\u2066b\u200Fc\u061C\u0007\r\nd.pdf', 'application/pdf')).toBe('abc d.pdf');
    expect(sanitizeFileName('half\ud800.png', 'image/png')).toBe('half.png');
  });

  it('always ends in an extension of the declared type', () => {
    expect(sanitizeFileName('IMG_2024.05.06', 'image/jpeg')).toBe('IMG_2024.05.06.jpg');
    expect(sanitizeFileName('scan', 'application/pdf')).toBe('scan.pdf');
    expect(sanitizeFileName('Photo.JPEG', 'image/jpeg')).toBe('Photo.jpeg');
    expect(sanitizeFileName('report.html', 'image/jpeg')).toBe('report.html.jpg');
  });

  it('keeps the extension when shortening a long name', () => {
    const long = sanitizeFileName(
      `${'a'.repeat(300)}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(long).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
