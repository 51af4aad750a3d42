import { type AttachmentType, attachmentTypes, fileExtensionOf, toSingleLine } from '@dml/shared';

/** How many leading bytes the check needs (HEIC's brand sits at bytes 8–11). */
export const SNIFF_BYTES = 16;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const heicBrands = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/**
 * Does the file start the way its declared type says it must? JPEG, PNG, WebP (RIFF…WEBP), HEIC
 * (ISO-BMFF `ftyp` with a HEIF brand), PDF, and DOCX/XLSX (ZIP containers). A renamed executable or
 * a text file sent as a photo fails.
 */
export const matchesType = (bytes: Uint8Array, type: AttachmentType): boolean => {
  switch (type) {
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      return startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8);
    case 'image/heic':
      return (
        startsWith(bytes, ascii('ftyp'), 4) && heicBrands.some((brand) => startsWith(bytes, ascii(brand), 8))
      );
    case 'application/pdf':
      return startsWith(bytes, ascii('%PDF-'));
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
    default:
      return false;
  }
};

const MAX_NAME = 120;

/**
 * A file name safe for a storage key and a download header: no path, no control, direction or
 * reserved characters (so "invoice\u202Egpj.html" cannot pose as a JPEG), spaces collapsed, at most
 * 120 characters, and ending in an extension of its declared type (the request schema refuses a
 * name whose extension belongs to another type; a name without one gets the type's).
 */
export const sanitizeFileName = (name: string, type: AttachmentType): string => {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = toSingleLine(base.normalize('NFKC'))
    .replace(/["*:<>?|#%{}^~[\]`'&$@=;+,]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extensions: readonly string[] = attachmentTypes[type];
  const present = fileExtensionOf(cleaned);
  const extension = extensions.includes(present) ? present : (extensions[0] ?? '');
  const stem = (extensions.includes(present) ? cleaned.slice(0, -present.length) : cleaned).replace(
    /[. ]+$/,
    '',
  );
  return `${(stem || 'file').slice(0, MAX_NAME - extension.length)}${extension}`;
};
