import { tooManyPixels } from './limits.ts';

/**
 * What a PDF needs to know about a JPEG to embed it as is: PDF viewers decode baseline and progressive
 * JPEG themselves (DCTDecode), so the file is copied byte for byte and only its frame header is read.
 */
export type JpegInfo = {
  width: number;
  height: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK';
  /** Adobe (Photoshop) CMYK JPEGs store inverted ink values; the image must say /Decode [1 0 1 0 …]. */
  invertedCmyk: boolean;
};

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2]); // baseline, extended sequential, progressive (Huffman)
const OTHER_SOF_MARKERS = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const STANDALONE_MARKERS = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]); // TEM, RSTn
const SOS = 0xda;
const EOI = 0xd9;
const APP14 = 0xee;

const fail = (why: string): never => {
  throw new Error(`Cannot embed this JPEG: ${why}`);
};

/** Reads the frame header (SOF0/1/2) and the Adobe APP14 segment, walking markers up to the scan data. */
export const readJpegInfo = (bytes: Uint8Array): JpegInfo => {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) fail('not a JPEG (no SOI marker)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let frame: Omit<JpegInfo, 'invertedCmyk'> | undefined;
  let adobe = false;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) fail(`expected a marker at byte ${at}`);
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    at += 2;
    if (STANDALONE_MARKERS.has(marker)) continue;
    if (marker === SOS || marker === EOI) break;
    const length = view.getUint16(at);
    if (length < 2 || at + length > bytes.length) fail('truncated segment');
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) fail('truncated frame header');
      const precision = view.getUint8(at + 2);
      if (precision !== 8) fail(`${precision}-bit samples`);
      const height = view.getUint16(at + 3);
      const width = view.getUint16(at + 5);
      const components = view.getUint8(at + 7);
      const colorSpace =
        components === 1
          ? 'DeviceGray'
          : components === 3
            ? 'DeviceRGB'
            : components === 4
              ? 'DeviceCMYK'
              : fail(`${components} colour components`);
      if (width === 0 || height === 0) fail('no size in the frame header');
      if (tooManyPixels(width, height)) fail(`too many pixels (${width}×${height})`);
      frame = { width, height, colorSpace };
    } else if (OTHER_SOF_MARKERS.has(marker)) {
      fail(`unsupported coding (SOF marker 0x${marker.toString(16)})`);
    } else if (marker === APP14 && length >= 7) {
      adobe = String.fromCharCode(...bytes.subarray(at + 2, at + 7)) === 'Adobe';
    }
    at += length;
  }
  if (!frame) return fail('no frame header before the image data');
  return { ...frame, invertedCmyk: adobe && frame.colorSpace === 'DeviceCMYK' };
};
