import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from './limits.ts';
import { decodePng } from './png.ts';
import { makePng, rgbaPng } from './test-fixtures.ts';

/** A 7×5 RGB picture with enough variation that every filter predicts something different. */
const W = 7;
const H = 5;
const rgbAt = (x: number, y: number) => [
  (x * 37 + y * 11) & 0xff,
  (x * x * 5 + y * 90) & 0xff,
  (255 - x * y * 7) & 0xff,
];
const rgbRows = Array.from({ length: H }, (_, y) => Array.from({ length: W }, (_, x) => rgbAt(x, y)).flat());
const expectedRgb = Uint8Array.from(rgbRows.flat());

describe('PNG decoding', () => {
  it.each([
    [0, 'None'],
    [1, 'Sub'],
    [2, 'Up'],
    [3, 'Average'],
    [4, 'Paeth'],
  ])('undoes filter %i (%s) on every row', (filter) => {
    const png = decodePng(makePng({ width: W, height: H, colorType: 2, rows: rgbRows, filters: [filter] }));
    expect(png).toMatchObject({ width: W, height: H, colorSpace: 'DeviceRGB', alpha: undefined });
    expect(png.pixels).toEqual(expectedRgb);
  });

  it('undoes a different filter on each row, with the data split over several IDAT chunks', () => {
    const bytes = makePng({
      width: W,
      height: H,
      colorType: 2,
      rows: rgbRows,
      filters: [4, 3, 2, 1, 0],
      idatChunks: 3,
    });
    expect(decodePng(bytes).pixels).toEqual(expectedRgb);
  });

  it('splits RGBA into colour and a soft mask', () => {
    const png = decodePng(rgbaPng(W, H, (x, y) => [...rgbAt(x, y), (x * 40) & 0xff]));
    expect(png.colorSpace).toBe('DeviceRGB');
    expect(png.pixels).toEqual(expectedRgb);
    expect(png.alpha).toEqual(Uint8Array.from({ length: W * H }, (_, i) => ((i % W) * 40) & 0xff));
  });

  it('drops the soft mask when every pixel is opaque', () => {
    expect(decodePng(rgbaPng(W, H, (x, y) => [...rgbAt(x, y), 255])).alpha).toBeUndefined();
  });

  it('decodes grey and grey with alpha', () => {
    const grey = decodePng(
      makePng({
        width: 3,
        height: 2,
        colorType: 0,
        rows: [
          [0, 128, 255],
          [1, 2, 3],
        ],
        filters: [1],
      }),
    );
    expect(grey).toMatchObject({ colorSpace: 'DeviceGray', alpha: undefined });
    expect([...grey.pixels]).toEqual([0, 128, 255, 1, 2, 3]);
    const greyAlpha = decodePng(
      makePng({ width: 2, height: 1, colorType: 4, rows: [[10, 0, 20, 255]], filters: [4] }),
    );
    expect(greyAlpha.colorSpace).toBe('DeviceGray');
    expect([...greyAlpha.pixels]).toEqual([10, 20]);
    expect([...(greyAlpha.alpha ?? [])]).toEqual([0, 255]);
  });

  it.each([1, 2, 4, 8])('expands %i-bit palette images to RGB, with tRNS alpha per entry', (bitDepth) => {
    const palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];
    const indices = [0, 1, 2, 1, 0, 2, 2, 1, 0, 1].map((i) => (bitDepth === 1 ? i % 2 : i));
    const perByte = 8 / bitDepth;
    const packed: number[] = [];
    indices.forEach((index, x) => {
      packed[Math.floor(x / perByte)] = ((packed[Math.floor(x / perByte)] ?? 0) << bitDepth) | index;
    });
    // The last byte's unused low bits stay zero.
    const rest = indices.length % perByte;
    if (rest) packed[packed.length - 1] = (packed.at(-1) ?? 0) << ((perByte - rest) * bitDepth);
    const png = decodePng(
      makePng({
        width: indices.length,
        height: 2,
        colorType: 3,
        bitDepth,
        rows: [packed, packed],
        filters: [0, 2],
        palette,
        transparency: [0, 128],
      }),
    );
    const rgb = indices.flatMap((i) => palette.slice(i * 3, i * 3 + 3));
    expect([...png.pixels]).toEqual([...rgb, ...rgb]);
    const alpha = indices.map((i) => [0, 128, 255][i]);
    expect([...(png.alpha ?? [])]).toEqual([...alpha, ...alpha]);
  });

  it('makes the tRNS colour of an RGB image transparent', () => {
    const png = decodePng(
      makePng({
        width: 2,
        height: 1,
        colorType: 2,
        rows: [[1, 2, 3, 4, 5, 6]],
        transparency: [0, 4, 0, 5, 0, 6],
      }),
    );
    expect([...(png.alpha ?? [])]).toEqual([255, 0]);
  });

  it('refuses what it does not support with a clear error', () => {
    const rows = [[0, 0, 0]];
    expect(() => decodePng(makePng({ width: 1, height: 1, colorType: 2, rows, interlace: true }))).toThrow(
      'Cannot embed this PNG: interlaced PNGs are not supported',
    );
    expect(() =>
      decodePng(makePng({ width: 1, height: 1, colorType: 2, bitDepth: 16, rows: [[0, 0, 0, 0, 0, 0]] })),
    ).toThrow('16-bit PNGs are not supported');
    expect(() => decodePng(makePng({ width: 8, height: 1, colorType: 0, bitDepth: 1, rows: [[0]] }))).toThrow(
      'bit depth 1 is not supported for colour type 0',
    );
    expect(() => decodePng(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]))).toThrow(
      'Cannot embed this PNG: not a PNG',
    );
  });

  it('refuses damaged files with a clear error', () => {
    const good = makePng({ width: W, height: H, colorType: 2, rows: rgbRows });
    expect(() => decodePng(good.subarray(0, 60))).toThrow(/Cannot embed this PNG: truncated/);
    const badFilter = makePng({ width: 1, height: 1, colorType: 2, rows: [[0, 0, 0]], filters: [7] });
    expect(() => decodePng(badFilter)).toThrow('unknown row filter 7');
    const palette = makePng({ width: 1, height: 1, colorType: 3, rows: [[3]], palette: [0, 0, 0] });
    expect(() => decodePng(palette)).toThrow('palette index 3 out of range');
    expect(() => decodePng(makePng({ width: 1, height: 1, colorType: 3, rows: [[0]] }))).toThrow(
      'without a PLTE chunk',
    );
  });

  it('refuses data that inflates to more than the picture holds', () => {
    // IHDR says 1×1 but the rows are those of a much larger image: a decompression bomb in miniature.
    const big = makePng({ width: W, height: H, colorType: 2, rows: rgbRows });
    const bytes = Buffer.from(big);
    bytes.writeUInt32BE(1, 16);
    bytes.writeUInt32BE(1, 20);
    expect(() => decodePng(bytes)).toThrow(/Cannot embed this PNG: corrupt image data/);
  });

  it('refuses a small file that claims more pixels than a photo has, before inflating anything', () => {
    // The probe's file: 148 KB that would decode to 6000 × 6000 RGBA, 144 MB of samples.
    const bomb = Buffer.from(makePng({ width: W, height: H, colorType: 6, rows: rgbRows }));
    bomb.writeUInt32BE(6000, 16);
    bomb.writeUInt32BE(6000, 20);
    expect(() => decodePng(bomb)).toThrow('Cannot embed this PNG: too many pixels (6000×6000)');
    expect(MAX_IMAGE_PIXELS).toBeGreaterThanOrEqual(1600 * 1600);
  });
});
