/**
 * Test helpers for the PDF writer (imported by its *.test.ts only, never by the Lambda): PNG and JPEG
 * files built on the spot, and poppler-utils (pdfinfo, pdftotext, pdfimages, pdftoppm) to read back
 * what the writer made, as an independent, widely used PDF reader.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PdfDocument } from './document.ts';

// ---------------------------------------------------------------------------------------------- PNG

const chunk = (type: string, data: Uint8Array) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Applies PNG filter `type` to a row (the encoder's side of what the decoder undoes). */
const filterRow = (type: number, row: Uint8Array, above: Uint8Array, bpp: number) =>
  row.map((value, x) => {
    const a = x >= bpp ? (row[x - bpp] ?? 0) : 0;
    const b = above[x] ?? 0;
    const c = x >= bpp ? (above[x - bpp] ?? 0) : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type] ?? 0;
    return (value - predictor) & 0xff;
  });

export type PngSpec = {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth?: number;
  /** Each row's bytes before filtering (samples, or packed palette indices). */
  rows: number[][];
  /** Filter type of each row, cycling; None by default. */
  filters?: number[];
  palette?: number[];
  transparency?: number[];
  interlace?: boolean;
  /** Split the compressed data over this many IDAT chunks, as big encoders do. */
  idatChunks?: number;
};

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

export const makePng = (spec: PngSpec): Uint8Array => {
  const bitDepth = spec.bitDepth ?? 8;
  const bpp = Math.max(1, (CHANNELS[spec.colorType] * bitDepth) >> 3);
  const filters = spec.filters ?? [0];
  let above = new Uint8Array(spec.rows[0]?.length ?? 0);
  const raw = spec.rows.flatMap((values, y) => {
    const row = Uint8Array.from(values);
    const type = filters[y % filters.length] ?? 0;
    const filtered = filterRow(type, row, above, bpp);
    above = row;
    return [type, ...filtered];
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(spec.width, 0);
  header.writeUInt32BE(spec.height, 4);
  header.set([bitDepth, spec.colorType, 0, 0, spec.interlace ? 1 : 0], 8);
  const compressed = deflateSync(Uint8Array.from(raw));
  const parts = spec.idatChunks ?? 1;
  const size = Math.ceil(compressed.length / parts);
  const idats = Array.from({ length: parts }, (_, i) =>
    chunk('IDAT', compressed.subarray(i * size, (i + 1) * size)),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(spec.palette ? [chunk('PLTE', Uint8Array.from(spec.palette))] : []),
    ...(spec.transparency ? [chunk('tRNS', Uint8Array.from(spec.transparency))] : []),
    ...idats,
    chunk('IEND', new Uint8Array()),
  ]);
};

/** An 8-bit RGBA PNG whose pixel (x, y) is pixel(x, y), rows using every filter type in turn. */
export const rgbaPng = (width: number, height: number, pixel: (x: number, y: number) => number[]) =>
  makePng({
    width,
    height,
    colorType: 6,
    filters: [0, 1, 2, 3, 4],
    rows: Array.from({ length: height }, (_, y) =>
      Array.from({ length: width }, (_, x) => pixel(x, y)).flat(),
    ),
  });

// --------------------------------------------------------------------------------------------- JPEG

/**
 * The markers of a JPEG up to its scan, without image data: enough for the header reader, not for a
 * viewer. SOI, an optional Adobe APP14, a JFIF APP0, the frame header, a stub SOS and EOI.
 */
export const jpegHeader = (options: {
  width: number;
  height: number;
  components: number;
  sof?: number;
  precision?: number;
  adobe?: boolean;
}) => {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const { width, height, components } = options;
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0'), 1, 2, 0, 0, 1, 0, 1, 0, 0]),
    ...(options.adobe ? segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 2]) : []),
    0xff, // a fill byte, which markers may be preceded by
    ...segment(options.sof ?? 0xc0, [
      options.precision ?? 8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      components,
      ...Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat(),
    ]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0xff,
    0xd9,
  ]);
};

/**
 * A real JPEG of width × height pixels, made by poppler: a PDF page holding the picture drawn by
 * `pixel` (as a PNG), rendered by pdftoppm as baseline RGB, progressive RGB, or CMYK (which pdftoppm
 * writes the Adobe way: an APP14 marker and inverted inks, as Photoshop does).
 */
export const makeJpeg = (
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
  kind: 'baseline' | 'progressive' | 'cmyk' = 'baseline',
): Uint8Array => {
  const doc = PdfDocument.create();
  const image = doc.embedPng(rgbaPng(width, height, (x, y) => [...pixel(x, y), 255]));
  doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  const format = {
    baseline: ['-jpeg'],
    progressive: ['-jpeg', '-jpegopt', 'progressive=y'],
    cmyk: ['-jpegcmyk'],
  }[kind];
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'in.pdf'), doc.save());
    execFileSync('pdftoppm', [
      ...format,
      '-scale-to-x',
      String(width),
      '-scale-to-y',
      String(height),
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'out'),
    ]);
    return readFileSync(join(dir, 'out.jpg'));
  });
};

// ------------------------------------------------------------------------------------------ poppler

export const withTempDir = <T>(use: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'dml-pdf-writer-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Runs a poppler tool on the PDF; stderr is returned too, since poppler reports repairs there. */
export const poppler = (tool: string, args: string[], pdf: Uint8Array) =>
  withTempDir((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
    return { stdout: run.stdout, stderr: run.stderr };
  });

/** The text poppler extracts from the PDF (all pages, or pages first…last). */
export const pdftotext = (pdf: Uint8Array, pages?: [number, number]) =>
  poppler('pdftotext', pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [], pdf).stdout;

/** The images poppler finds, one row per image: page, type (image/smask), size, colour, encoding. */
export const pdfimages = (pdf: Uint8Array) =>
  poppler('pdfimages', ['-list'], pdf)
    .stdout.split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const [page, , type, width, height, color, components, bpc, encoding] = line.trim().split(/\s+/);
      return {
        page: Number(page),
        type,
        width: Number(width),
        height: Number(height),
        color,
        components: Number(components),
        bpc: Number(bpc),
        encoding,
      };
    });

/** Page `page` rendered at 72 dpi (1 pixel a point) as RGB; rgbAt(x, y) counts y from the top. */
export const renderPage = (pdf: Uint8Array, page = 1) =>
  withTempDir((dir) => {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const p = String(page);
    execFileSync('pdftoppm', [
      '-r',
      '72',
      '-f',
      p,
      '-l',
      p,
      '-singlefile',
      join(dir, 'doc.pdf'),
      join(dir, 'page'),
    ]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    const [header = '', width = '0', height = '0'] =
      /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1')) ?? [];
    const w = Number(width);
    const pixels = ppm.subarray(header.length);
    return {
      width: w,
      height: Number(height),
      rgbAt: (x: number, y: number) => [...pixels.subarray((y * w + x) * 3, (y * w + x) * 3 + 3)],
    };
  });
