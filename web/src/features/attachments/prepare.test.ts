import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachmentTypeOf, browserCodec, fitWithin, JPEG_QUALITY, prepareFile } from './prepare.ts';

const bytes = (size: number) => new Uint8Array(size);

/** A picked file of `size` bytes (the content does not matter: decoding is mocked). */
const fileOf = (name: string, type: string, size = 1000) => new File([bytes(size)], name, { type });

type Drawn = { width: number; height: number; drawn: unknown[]; encoded: unknown[] };

/**
 * `createImageBitmap` answers with an image of the given size; `OffscreenCanvas` records what is drawn
 * and encodes to a blob of `encodedSize` bytes.
 */
const mockBrowser = ({
  width,
  height,
  encodedSize = 300_000,
  decodes = true,
}: {
  width: number;
  height: number;
  encodedSize?: number;
  decodes?: boolean;
}) => {
  const canvases: Drawn[] = [];
  const close = vi.fn();
  const createImageBitmap = vi.fn(async () => {
    if (!decodes) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
    return { width, height, close };
  });
  class FakeOffscreenCanvas {
    record: Drawn;
    constructor(w: number, h: number) {
      this.record = { width: w, height: h, drawn: [], encoded: [] };
      canvases.push(this.record);
    }
    getContext() {
      const record = this.record;
      return {
        fillStyle: '',
        fillRect: vi.fn(),
        imageSmoothingEnabled: false,
        imageSmoothingQuality: 'low',
        drawImage: (...args: unknown[]) => record.drawn.push(args),
      };
    }
    async convertToBlob(options: unknown) {
      this.record.encoded.push(options);
      return new Blob([bytes(encodedSize)], { type: 'image/jpeg' });
    }
  }
  vi.stubGlobal('createImageBitmap', createImageBitmap);
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  return { canvases, createImageBitmap, close };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('attachmentTypeOf', () => {
  it.each([
    ['photo.jpg', 'image/jpeg', 'image/jpeg'],
    ['photo.JPG', '', 'image/jpeg'],
    ['photo.jpg', 'image/jpg', 'image/jpeg'],
    ['IMG_0001.HEIC', '', 'image/heic'],
    ['IMG_0001.heic', 'image/heif', 'image/heic'],
    ['scan.pdf', 'application/pdf', 'application/pdf'],
    ['stock.xlsx', '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      'notes.docx',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('%s (%s) is %s', (name, type, expected) => {
    expect(attachmentTypeOf({ name, type })).toBe(expected);
  });

  it.each([
    ['setup.exe', 'application/x-msdownload'],
    ['notes.txt', 'text/plain'],
    ['clip.mp4', 'video/mp4'],
    ['noextension', ''],
  ])('refuses %s', (name, type) => {
    expect(attachmentTypeOf({ name, type })).toBeNull();
  });
});

describe('fitWithin', () => {
  it('keeps the proportions and puts the long side at 1600 px', () => {
    expect(fitWithin(4000, 3000)).toEqual([1600, 1200]);
    expect(fitWithin(3000, 4000)).toEqual([1200, 1600]);
    expect(fitWithin(1600, 900)).toEqual([1600, 900]);
    expect(fitWithin(800, 600)).toEqual([800, 600]);
  });
});

describe('prepareFile', () => {
  it('shrinks a 4000 × 3000 photo to 1600 × 1200 and re-encodes it as JPEG at quality 0.85', async () => {
    const { canvases, close } = mockBrowser({ width: 4000, height: 3000, encodedSize: 350_000 });

    const result = await prepareFile(fileOf('IMG_2041.png', 'image/png', 5_000_000));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toMatchObject({
      name: 'IMG_2041.jpg',
      type: 'image/jpeg',
      size: 350_000,
      originalSize: 5_000_000,
      resized: { from: [4000, 3000], to: [1600, 1200] },
    });
    expect(canvases).toHaveLength(1);
    expect(canvases[0]).toMatchObject({ width: 1600, height: 1200 });
    expect(canvases[0]?.drawn[0]).toEqual([expect.anything(), 0, 0, 1600, 1200]);
    expect(canvases[0]?.encoded).toEqual([{ type: 'image/jpeg', quality: JPEG_QUALITY }]);
    expect(close).toHaveBeenCalled();
  });

  it('decodes with the photo’s own orientation (EXIF), so portrait photos stay upright', async () => {
    const { createImageBitmap } = mockBrowser({ width: 3000, height: 4000 });

    const result = await prepareFile(fileOf('portrait.jpg', 'image/jpeg', 3_000_000));

    expect(createImageBitmap).toHaveBeenCalledWith(expect.any(File), { imageOrientation: 'from-image' });
    expect(result.ok && result.file.resized?.to).toEqual([1200, 1600]);
  });

  it('sends a photo that is already small as it is', async () => {
    const { canvases } = mockBrowser({ width: 1200, height: 900 });
    const file = fileOf('small.jpg', 'image/jpeg', 200_000);

    const result = await prepareFile(file);

    expect(result).toEqual({
      ok: true,
      file: {
        blob: file,
        name: 'small.jpg',
        type: 'image/jpeg',
        size: 200_000,
        originalSize: 200_000,
        resized: null,
      },
    });
    expect(canvases).toHaveLength(0);
  });

  it('sends a HEIC the browser cannot decode as it is', async () => {
    mockBrowser({ width: 0, height: 0, decodes: false });
    const file = fileOf('IMG_0001.HEIC', '', 2_500_000);

    const result = await prepareFile(file);

    expect(result.ok && result.file).toMatchObject({ blob: file, type: 'image/heic', name: 'IMG_0001.HEIC' });
  });

  it('turns a HEIC the browser can decode into a JPEG others can view, even when small', async () => {
    const { canvases } = mockBrowser({ width: 1000, height: 750, encodedSize: 120_000 });

    const result = await prepareFile(fileOf('IMG_0002.heic', 'image/heic', 900_000));

    expect(result.ok && result.file).toMatchObject({
      name: 'IMG_0002.jpg',
      type: 'image/jpeg',
      resized: null,
    });
    expect(canvases[0]).toMatchObject({ width: 1000, height: 750 });
  });

  it('never touches PDF, Word or Excel files', async () => {
    const { createImageBitmap } = mockBrowser({ width: 4000, height: 3000 });
    const pdf = fileOf('scan.pdf', 'application/pdf', 4_000_000);

    const result = await prepareFile(pdf);

    expect(result.ok && result.file.blob).toBe(pdf);
    expect(createImageBitmap).not.toHaveBeenCalled();
  });

  it('refuses files over 10 MB, photos after shrinking, with their size', async () => {
    mockBrowser({ width: 8000, height: 6000, encodedSize: 11 * 1024 * 1024 });

    expect(await prepareFile(fileOf('big.pdf', 'application/pdf', 12 * 1024 * 1024))).toEqual({
      ok: false,
      message: 'big.pdf is 12 MB; files can be at most 10 MB.',
    });
    expect(await prepareFile(fileOf('huge.jpg', 'image/jpeg', 30 * 1024 * 1024))).toEqual({
      ok: false,
      message: 'huge.jpg is 11 MB even after shrinking; files can be at most 10 MB.',
    });
  });

  it('refuses other types and empty files with a sentence saying what is allowed', async () => {
    expect(await prepareFile(fileOf('setup.exe', 'application/x-msdownload'))).toEqual({
      ok: false,
      message:
        "setup.exe can't be attached: add photos (JPEG, PNG, WebP, HEIC), PDF, Word (.docx) or Excel (.xlsx) files.",
    });
    expect(await prepareFile(fileOf('empty.pdf', 'application/pdf', 0))).toEqual({
      ok: false,
      message: 'empty.pdf is empty.',
    });
  });

  it('falls back to a canvas element where OffscreenCanvas is missing', async () => {
    const toBlob = vi.fn((done: BlobCallback, type?: string, quality?: unknown) => {
      expect([type, quality]).toEqual(['image/jpeg', JPEG_QUALITY]);
      done(new Blob([bytes(10)], { type: 'image/jpeg' }));
    });
    const drawImage = vi.fn();
    const createElement = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      const element = createElement(tag);
      if (tag === 'canvas') {
        Object.assign(element, {
          toBlob,
          getContext: () => ({ fillRect: vi.fn(), drawImage }),
        });
      }
      return element;
    });

    const blob = await browserCodec.encodeJpeg({ width: 4000, height: 3000 }, 1600, 1200, JPEG_QUALITY);

    expect(blob.size).toBe(10);
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 1600, 1200);
    vi.restoreAllMocks();
  });
});
