import { describe, expect, it } from 'vitest';
import { readJpegInfo } from './jpeg.ts';
import { jpegHeader, makeJpeg } from './test-fixtures.ts';

describe('JPEG header reading', () => {
  it('reads size and colour space of real baseline, progressive and CMYK JPEGs', () => {
    const pixel = (x: number) => [x * 6, 100, 200];
    expect(readJpegInfo(makeJpeg(40, 30, pixel))).toEqual({
      width: 40,
      height: 30,
      colorSpace: 'DeviceRGB',
      invertedCmyk: false,
    });
    expect(readJpegInfo(makeJpeg(17, 9, pixel, 'progressive'))).toEqual({
      width: 17,
      height: 9,
      colorSpace: 'DeviceRGB',
      invertedCmyk: false,
    });
    expect(readJpegInfo(makeJpeg(12, 20, pixel, 'cmyk'))).toEqual({
      width: 12,
      height: 20,
      colorSpace: 'DeviceCMYK',
      invertedCmyk: true,
    });
  });

  it('reads grey, RGB and CMYK frame headers of each supported coding, past APP segments and fill bytes', () => {
    const spaces = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' } as const;
    for (const sof of [0xc0, 0xc1, 0xc2])
      for (const components of [1, 3, 4] as const)
        expect(readJpegInfo(jpegHeader({ width: 1600, height: 1200, components, sof }))).toEqual({
          width: 1600,
          height: 1200,
          colorSpace: spaces[components],
          invertedCmyk: false,
        });
  });

  it('marks Adobe CMYK as inverted, and only Adobe CMYK', () => {
    expect(readJpegInfo(jpegHeader({ width: 8, height: 8, components: 4, adobe: true }))).toMatchObject({
      colorSpace: 'DeviceCMYK',
      invertedCmyk: true,
    });
    expect(readJpegInfo(jpegHeader({ width: 8, height: 8, components: 4 })).invertedCmyk).toBe(false);
    expect(readJpegInfo(jpegHeader({ width: 8, height: 8, components: 3, adobe: true })).invertedCmyk).toBe(
      false,
    );
  });

  it('refuses what a PDF viewer could not decode, with a clear error', () => {
    expect(() => readJpegInfo(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toThrow(
      'Cannot embed this JPEG: not a JPEG',
    );
    expect(() => readJpegInfo(jpegHeader({ width: 8, height: 8, components: 3, sof: 0xc3 }))).toThrow(
      'unsupported coding (SOF marker 0xc3)',
    );
    expect(() => readJpegInfo(jpegHeader({ width: 8, height: 8, components: 3, precision: 12 }))).toThrow(
      '12-bit samples',
    );
    expect(() => readJpegInfo(jpegHeader({ width: 8, height: 8, components: 2 }))).toThrow(
      '2 colour components',
    );
    expect(() => readJpegInfo(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toThrow(
      'no frame header',
    );
    expect(() => readJpegInfo(makeJpeg(4, 4, () => [0, 0, 0]).subarray(0, 30))).toThrow(
      /Cannot embed this JPEG/,
    );
  });

  it('refuses a frame larger than a shrunk photo, which every viewer would have to decode', () => {
    expect(() => readJpegInfo(jpegHeader({ width: 8000, height: 8000, components: 3 }))).toThrow(
      'Cannot embed this JPEG: too many pixels (8000×8000)',
    );
    expect(readJpegInfo(jpegHeader({ width: 1600, height: 1200, components: 3 }))).toMatchObject({
      width: 1600,
      height: 1200,
    });
  });
});
