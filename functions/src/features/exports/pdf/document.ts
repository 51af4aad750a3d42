import { deflateSync } from 'node:zlib';
import { type PdfObject, serializePdf } from './file.ts';
import { PdfFont, type StandardFontName } from './fonts.ts';
import { readJpegInfo } from './jpeg.ts';
import { decodePng } from './png.ts';
import { literalString, num, pdfDate, ref, textString } from './syntax.ts';

/**
 * A small PDF writer for the visit report: pages of text in the standard Helvetica fonts and JPEG/PNG
 * photos, nothing else, so no PDF library is bundled: compression is node:zlib (part of the Lambda
 * runtime) and the whole writer minifies to ≈ 11 KB. Its API is the few drawing calls the report's
 * layout needs (pages, text, images, document info), named as in the common PDF libraries.
 */

export { PdfFont, type StandardFontName } from './fonts.ts';

/** An RGB colour, each component 0–1, as PDF's DeviceRGB takes it. */
export type Color = { r: number; g: number; b: number };
export const rgb = (r: number, g: number, b: number): Color => ({ r, g, b });

/** An image XObject added to the document; draw it on any number of pages. */
export class PdfImage {
  constructor(
    readonly width: number,
    readonly height: number,
    /** The resource name content streams use (/Im1, /Im2…). */
    readonly resourceName: string,
    readonly objectNumber: number,
  ) {}
}

export type DrawTextOptions = { x: number; y: number; size: number; font: PdfFont; color?: Color };
export type DrawImageOptions = { x: number; y: number; width: number; height: number };

/** A page: a MediaBox and the drawing operators of its content stream, in user space (origin bottom left). */
export class PdfPage {
  /** Content stream operators, as a binary string (text strings carry WinAnsi bytes 0x80–0xFF). */
  private content = '';
  private readonly fonts = new Set<PdfFont>();
  private readonly images = new Set<PdfImage>();

  constructor(
    readonly width: number,
    readonly height: number,
    readonly objectNumber: number,
    readonly contentObjectNumber: number,
  ) {}

  /**
   * One line of text with its baseline starting at (x, y). Characters WinAnsi lacks (and line breaks:
   * wrap before drawing) are drawn as '?'.
   */
  drawText(text: string, { x, y, size, font, color = rgb(0, 0, 0) }: DrawTextOptions) {
    this.fonts.add(font);
    const string = literalString(font.encode(text));
    this.content +=
      `BT /${font.resourceName} ${num(size)} Tf ${num(color.r)} ${num(color.g)} ${num(color.b)} rg ` +
      `${num(x)} ${num(y)} Td ${string} Tj ET\n`;
  }

  /** An image scaled to width × height points, its lower left corner at (x, y). */
  drawImage(image: PdfImage, { x, y, width, height }: DrawImageOptions) {
    this.images.add(image);
    // An image occupies the unit square; the matrix scales and moves it, inside q/Q so nothing leaks.
    this.content += `q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm /${image.resourceName} Do Q\n`;
  }

  /** The page dictionary and its (compressed) content stream. */
  objects(pagesObjectNumber: number): { page: PdfObject; content: PdfObject } {
    const fonts = [...this.fonts].map((f) => `/${f.resourceName} ${ref(f.objectNumber)}`).join(' ');
    const images = [...this.images].map((i) => `/${i.resourceName} ${ref(i.objectNumber)}`).join(' ');
    const resources =
      '/ProcSet [/PDF /Text /ImageB /ImageC]' +
      (fonts ? ` /Font << ${fonts} >>` : '') +
      (images ? ` /XObject << ${images} >>` : '');
    return {
      page:
        `<< /Type /Page /Parent ${ref(pagesObjectNumber)} /MediaBox [0 0 ${num(this.width)} ${num(this.height)}]` +
        ` /Resources << ${resources} >> /Contents ${ref(this.contentObjectNumber)} >>`,
      content: { dict: '/Filter /FlateDecode', data: deflateSync(Buffer.from(this.content, 'latin1')) },
    };
  }
}

const fail = (why: string): never => {
  throw new Error(`PDF writer bug: ${why}`);
};

/** An 8-bit image XObject; `extra` adds entries such as /Decode or /SMask. */
const imageObject = (
  width: number,
  height: number,
  colorSpace: string,
  filter: 'DCTDecode' | 'FlateDecode',
  data: Uint8Array,
  extra = '',
): PdfObject => ({
  dict:
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${colorSpace}` +
    ` /BitsPerComponent 8${extra} /Filter /${filter}`,
  data,
});

const CATALOG = 1;
const PAGES = 2;
const INFO = 3;

export class PdfDocument {
  /** Objects by number − 1; catalog, page tree, Info and pages are filled in by save(). */
  private readonly objects: (PdfObject | undefined)[] = [undefined, undefined, undefined];
  private readonly pages: PdfPage[] = [];
  private readonly fonts = new Map<StandardFontName, PdfFont>();
  private images = 0;
  private info: { title?: string; author?: string; creationDate?: Date } = {};

  static create() {
    return new PdfDocument();
  }

  private add(object: PdfObject | undefined) {
    this.objects.push(object);
    return this.objects.length;
  }

  setTitle(title: string) {
    this.info.title = title;
  }

  setAuthor(author: string) {
    this.info.author = author;
  }

  setCreationDate(date: Date) {
    this.info.creationDate = date;
  }

  /** A new page of [width, height] points (A4 is [595.28, 841.89]), after the existing ones. */
  addPage([width, height]: [number, number]) {
    const page = new PdfPage(width, height, this.add(undefined), this.add(undefined));
    this.pages.push(page);
    return page;
  }

  getPageCount() {
    return this.pages.length;
  }

  /**
   * A standard font, named rather than embedded: every viewer has Helvetica, and WinAnsiEncoding maps
   * the text bytes to glyphs the same way everywhere.
   */
  embedFont(name: StandardFontName) {
    const existing = this.fonts.get(name);
    if (existing) return existing;
    const font = new PdfFont(
      name,
      `F${this.fonts.size + 1}`,
      this.add(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`),
    );
    this.fonts.set(name, font);
    return font;
  }

  private image(width: number, height: number, object: PdfObject) {
    this.images += 1;
    return new PdfImage(width, height, `Im${this.images}`, this.add(object));
  }

  /** A JPEG, copied as is (DCTDecode): throws on a file that is not a baseline/progressive 8-bit JPEG. */
  embedJpg(bytes: Uint8Array) {
    const { width, height, colorSpace, invertedCmyk } = readJpegInfo(bytes);
    const decode = invertedCmyk ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
    return this.image(
      width,
      height,
      imageObject(width, height, colorSpace, 'DCTDecode', bytes.slice(), decode),
    );
  }

  /** A PNG, decoded and recompressed, its transparency as a soft mask: throws on unsupported PNGs. */
  embedPng(bytes: Uint8Array) {
    const { width, height, colorSpace, pixels, alpha } = decodePng(bytes);
    const flate = (space: string, samples: Uint8Array, extra = '') =>
      imageObject(width, height, space, 'FlateDecode', deflateSync(samples), extra);
    const mask = alpha ? this.add(flate('DeviceGray', alpha)) : undefined;
    return this.image(width, height, flate(colorSpace, pixels, mask ? ` /SMask ${ref(mask)}` : ''));
  }

  /** The complete file. The document stays usable: more pages can be added and saved again. */
  save(): Uint8Array {
    const objects = [...this.objects];
    objects[CATALOG - 1] = `<< /Type /Catalog /Pages ${ref(PAGES)} >>`;
    objects[PAGES - 1] =
      `<< /Type /Pages /Kids [${this.pages.map((p) => ref(p.objectNumber)).join(' ')}] /Count ${this.pages.length} >>`;
    const { title, author, creationDate } = this.info;
    objects[INFO - 1] = `<< ${[
      title !== undefined ? `/Title ${textString(title)}` : '',
      author !== undefined ? `/Author ${textString(author)}` : '',
      creationDate ? `/CreationDate ${pdfDate(creationDate)} /ModDate ${pdfDate(creationDate)}` : '',
    ]
      .filter(Boolean)
      .join(' ')} >>`;
    for (const page of this.pages) {
      const { page: pageObject, content } = page.objects(PAGES);
      objects[page.objectNumber - 1] = pageObject;
      objects[page.contentObjectNumber - 1] = content;
    }
    return serializePdf(
      objects.map((o, i) => o ?? fail(`object ${i + 1} was never written`)),
      { root: CATALOG, info: INFO },
    );
  }
}
