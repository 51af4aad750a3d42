import {
  type AttachmentType,
  attachmentTypes,
  isImageType,
  MAX_ATTACHMENT_BYTES,
  MAX_IMAGE_EDGE_PX,
} from '@dml/shared/api/attachments';
import { formatBytes } from '../../lib/format.ts';

/** What the file pickers offer (phones show photos and documents; the server accepts exactly these). */
export const ACCEPT_FILES = 'image/*,.pdf,.docx,.xlsx,.heic';
export const ACCEPT_CAMERA = 'image/*';
export const JPEG_QUALITY = 0.85;

const byExtension = new Map<string, AttachmentType>(
  Object.entries(attachmentTypes).flatMap(([type, extensions]) =>
    extensions.map((extension) => [extension, type as AttachmentType] as const),
  ),
);
/** Types some phones and browsers report under another name. */
const aliases: Record<string, AttachmentType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/heif': 'image/heic',
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heic',
};

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** The attachment type of a picked file: its reported type, else its extension; null when not allowed. */
export const attachmentTypeOf = (file: { name: string; type: string }): AttachmentType | null => {
  const reported = file.type.toLowerCase();
  if (reported in attachmentTypes) return reported as AttachmentType;
  if (reported in aliases) return aliases[reported] ?? null;
  return byExtension.get(extensionOf(file.name)) ?? null;
};

export const ALLOWED_TEXT = 'photos (JPEG, PNG, WebP, HEIC), PDF, Word (.docx) or Excel (.xlsx) files';

/** A file ready to upload: maybe shrunk and re-encoded, with what happened to it. */
export type PreparedFile = {
  blob: Blob;
  name: string;
  type: AttachmentType;
  size: number;
  originalSize: number;
  /** Set when the photo was shrunk: its size before and after, in pixels. */
  resized: { from: [number, number]; to: [number, number] } | null;
};

export type Prepared = { ok: true; file: PreparedFile } | { ok: false; message: string };

/** A decoded image (an `ImageBitmap` in browsers). */
export type Decoded = { width: number; height: number; close?: () => void };

/** Decoding and encoding, swappable in tests (jsdom has neither `createImageBitmap` nor a canvas). */
export type ImageCodec = {
  decode: (blob: Blob) => Promise<Decoded>;
  encodeJpeg: (image: Decoded, width: number, height: number, quality: number) => Promise<Blob>;
};

const draw = (
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null,
  image: Decoded,
  width: number,
  height: number,
) => {
  if (!context) throw new Error('No 2D canvas');
  // Transparent PNGs become JPEGs on white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image as CanvasImageSource, 0, 0, width, height);
};

/** The browser's own codecs: decoding happens off the main thread, encoding is asynchronous. */
export const browserCodec: ImageCodec = {
  decode: (blob) => createImageBitmap(blob, { imageOrientation: 'from-image' }),
  encodeJpeg: async (image, width, height, quality) => {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      draw(canvas.getContext('2d'), image, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext('2d'), image, width, height);
    return new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))),
        'image/jpeg',
        quality,
      ),
    );
  },
};

/** The size that fits `maxEdge` on the long side, keeping the proportions. */
export const fitWithin = (width: number, height: number, maxEdge = MAX_IMAGE_EDGE_PX): [number, number] => {
  const long = Math.max(width, height);
  if (long <= maxEdge) return [width, height];
  const scale = maxEdge / long;
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
};

const asJpegName = (name: string) => {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
};

const tooLarge = (name: string, size: number, shrunk: boolean) =>
  `${name} is ${formatBytes(size)}${shrunk ? ' even after shrinking' : ''}; files can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`;

/**
 * Checks a picked file and gets it ready: photos larger than 1600 px on their long side are shrunk and
 * re-encoded as JPEG (so a 4 MB phone photo travels as a few hundred KB on 2G); small photos go as
 * they are; a HEIC the browser can decode becomes a JPEG (others can view it), one it cannot goes as
 * it is; PDF, Word and Excel files are never touched. Refusals come with a sentence to show.
 */
export const prepareFile = async (file: File, codec: ImageCodec = browserCodec): Promise<Prepared> => {
  const type = attachmentTypeOf(file);
  if (!type) return { ok: false, message: `${file.name} can't be attached: add ${ALLOWED_TEXT}.` };
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  const asIs: PreparedFile = {
    blob: file,
    name: file.name,
    type,
    size: file.size,
    originalSize: file.size,
    resized: null,
  };
  if (!isImageType(type)) {
    return file.size > MAX_ATTACHMENT_BYTES
      ? { ok: false, message: tooLarge(file.name, file.size, false) }
      : { ok: true, file: asIs };
  }

  let image: Decoded | null = null;
  try {
    image = await codec.decode(file);
  } catch {
    // Not decodable here (e.g. HEIC outside Safari): upload the original; the server checks its content.
  }
  if (!image) {
    return file.size > MAX_ATTACHMENT_BYTES
      ? { ok: false, message: tooLarge(file.name, file.size, false) }
      : { ok: true, file: asIs };
  }
  try {
    const { width, height } = image;
    const [toWidth, toHeight] = fitWithin(width, height);
    const shrink = toWidth !== width || toHeight !== height;
    if (!shrink && type !== 'image/heic') {
      return file.size > MAX_ATTACHMENT_BYTES
        ? { ok: false, message: tooLarge(file.name, file.size, false) }
        : { ok: true, file: asIs };
    }
    const blob = await codec.encodeJpeg(image, toWidth, toHeight, JPEG_QUALITY);
    if (blob.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: tooLarge(file.name, blob.size, true) };
    return {
      ok: true,
      file: {
        blob,
        name: asJpegName(file.name),
        type: 'image/jpeg',
        size: blob.size,
        originalSize: file.size,
        resized: shrink ? { from: [width, height], to: [toWidth, toHeight] } : null,
      },
    };
  } catch {
    // Encoding failed (out of memory on an old phone): the original still goes if it is small enough.
    return file.size > MAX_ATTACHMENT_BYTES
      ? { ok: false, message: `${file.name} could not be shrunk and is larger than 10 MB.` }
      : { ok: true, file: asIs };
  } finally {
    image.close?.();
  }
};
