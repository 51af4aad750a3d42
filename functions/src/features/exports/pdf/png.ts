import { inflateSync } from 'node:zlib';
import { tooManyPixels } from './limits.ts';

/**
 * A PNG decoded to what a PDF image takes: 8-bit grey or RGB samples, and 8-bit alpha when any pixel
 * is not opaque (it becomes the image's soft mask). PDF cannot take PNG's filtered rows with alpha
 * interleaved, so unlike JPEG a PNG is decoded here, with node:zlib only.
 *
 * Supported: non-interlaced, bit depth 8 for grey (0), RGB (2), grey+alpha (4) and RGBA (6), and
 * palette (3) at 1, 2, 4 or 8 bits, with tRNS transparency. Anything else throws: the app's own uploads
 * are resized in the browser to 8-bit PNG or JPEG, so the rest is not worth the code.
 */
export type DecodedPng = {
  width: number;
  height: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB';
  /** width × height × (1 or 3) bytes, row by row, top to bottom. */
  pixels: Uint8Array;
  /** width × height bytes, or undefined when every pixel is opaque. */
  alpha: Uint8Array | undefined;
};

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const fail = (why: string): never => {
  throw new Error(`Cannot embed this PNG: ${why}`);
};

type Header = { width: number; height: number; bitDepth: number; colorType: number; channels: number };

/** Walks the chunks (length, type, data, CRC), keeping the ones that matter for the picture. */
const readChunks = (bytes: Uint8Array) => {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) fail('not a PNG (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const data: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    const body = bytes.subarray(start, start + length);
    if (body.length !== length) fail(`truncated ${type} chunk`);
    at = start + length + 4;
    if (type === 'IHDR') {
      if (length < 13) fail('short IHDR chunk');
      const width = view.getUint32(start);
      const height = view.getUint32(start + 4);
      const [bitDepth = 0, colorType = 0, compression, filter, interlace] = body.subarray(8, 13);
      const channels = CHANNELS[colorType] ?? fail(`unknown colour type ${colorType}`);
      if (compression !== 0 || filter !== 0) fail('unknown compression or filter method');
      if (interlace !== 0) fail('interlaced PNGs are not supported');
      if (bitDepth === 16) fail('16-bit PNGs are not supported');
      if (bitDepth !== 8 && !(colorType === 3 && [1, 2, 4].includes(bitDepth)))
        fail(`bit depth ${bitDepth} is not supported for colour type ${colorType}`);
      if (width === 0 || height === 0) fail(`bad size ${width}×${height}`);
      // Checked from the header, before a byte is inflated.
      if (tooManyPixels(width, height)) fail(`too many pixels (${width}×${height})`);
      header = { width, height, bitDepth, colorType, channels };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
  }
  if (!header) return fail('no IHDR chunk');
  if (data.length === 0) fail('no IDAT chunk');
  return { header, palette, transparency, data: Buffer.concat(data) };
};

/**
 * Undoes the row filters (None, Sub, Up, Average, Paeth; PNG specification, section 9): each row starts with its filter
 * type, and a byte is predicted from the byte one pixel left (a), above (b) and above-left (c).
 * Returns the rows without their filter bytes.
 */
const unfilter = (raw: Uint8Array, height: number, rowBytes: number, bytesPerPixel: number) => {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)] ?? 0;
    if (filter > 4) fail(`unknown row filter ${filter}`);
    const src = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    const row = out.subarray(y * rowBytes, (y + 1) * rowBytes);
    const above = y > 0 ? out.subarray((y - 1) * rowBytes, y * rowBytes) : new Uint8Array(rowBytes);
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bytesPerPixel ? (row[x - bytesPerPixel] ?? 0) : 0;
      const b = above[x] ?? 0;
      const c = x >= bytesPerPixel ? (above[x - bytesPerPixel] ?? 0) : 0;
      const s = src[x] ?? 0;
      switch (filter) {
        case 0:
          row[x] = s;
          break;
        case 1:
          row[x] = s + a;
          break;
        case 2:
          row[x] = s + b;
          break;
        case 3:
          row[x] = s + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          row[x] = s + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
      }
    }
  }
  return out;
};

export const decodePng = (bytes: Uint8Array): DecodedPng => {
  const { header, palette, transparency, data } = readChunks(bytes);
  const { width, height, bitDepth, colorType, channels } = header;
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  const expected = height * (rowBytes + 1);
  let raw: Uint8Array;
  try {
    // The limit guards against a small file that inflates to gigabytes.
    raw = inflateSync(data, { maxOutputLength: expected });
  } catch (e) {
    return fail(`corrupt image data (${(e as Error).message})`);
  }
  if (raw.length < expected) fail('truncated image data');
  const rows = unfilter(raw, height, rowBytes, Math.max(1, (channels * bitDepth) >> 3));

  const count = width * height;
  const colour = colorType === 0 || colorType === 4 ? 1 : 3;
  const pixels = new Uint8Array(count * colour);
  const alpha = new Uint8Array(count).fill(255);
  if (colorType === 3) {
    if (!palette) return fail('palette image without a PLTE chunk');
    const paletteSize = Math.floor(palette.length / 3);
    // Indices below 8 bits are packed, leftmost pixel in the high bits; each row starts on a byte.
    const perByte = 8 / bitDepth;
    const mask = (1 << bitDepth) - 1;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const byte = rows[y * rowBytes + Math.floor(x / perByte)] ?? 0;
        const index = (byte >> ((perByte - 1 - (x % perByte)) * bitDepth)) & mask;
        if (index >= paletteSize) fail(`palette index ${index} out of range`);
        const i = y * width + x;
        pixels[i * 3] = palette[index * 3] ?? 0;
        pixels[i * 3 + 1] = palette[index * 3 + 1] ?? 0;
        pixels[i * 3 + 2] = palette[index * 3 + 2] ?? 0;
        alpha[i] = transparency?.[index] ?? 255;
      }
  } else {
    // Grey or RGB, with alpha as the last sample for colour types 4 and 6.
    const hasAlpha = colorType === 4 || colorType === 6;
    for (let i = 0; i < count; i++) {
      const at = i * channels;
      for (let c = 0; c < colour; c++) pixels[i * colour + c] = rows[at + c] ?? 0;
      if (hasAlpha) alpha[i] = rows[at + colour] ?? 255;
    }
    // tRNS on grey or RGB names one colour (16-bit samples, compared at 8 bits) as fully transparent.
    if (!hasAlpha && transparency && transparency.length >= colour * 2) {
      const key = Array.from({ length: colour }, (_, c) => transparency[c * 2 + 1]);
      for (let i = 0; i < count; i++) if (key.every((k, c) => pixels[i * colour + c] === k)) alpha[i] = 0;
    }
  }
  return {
    width,
    height,
    colorSpace: colour === 1 ? 'DeviceGray' : 'DeviceRGB',
    pixels,
    alpha: alpha.every((a) => a === 255) ? undefined : alpha,
  };
};
