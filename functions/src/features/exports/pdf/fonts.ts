import { FIRST_CODE, HELVETICA_BOLD_WIDTHS, HELVETICA_WIDTHS } from './helvetica-metrics.ts';
import { encodeWinAnsi, isWinAnsiEncodable } from './winansi.ts';

export type StandardFontName = 'Helvetica' | 'Helvetica-Bold';

const WIDTHS: Record<StandardFontName, readonly number[]> = {
  Helvetica: HELVETICA_WIDTHS,
  'Helvetica-Bold': HELVETICA_BOLD_WIDTHS,
};

/**
 * One of the standard 14 fonts every PDF viewer carries, so nothing is embedded: the PDF names it and
 * says WinAnsiEncoding. Text is measured without kerning because it is drawn without kerning (Tj).
 */
export class PdfFont {
  private readonly widths: readonly number[];

  constructor(
    readonly name: StandardFontName,
    /** The resource name content streams use (/F1, /F2…). */
    readonly resourceName: string,
    /** Object number of the font dictionary. */
    readonly objectNumber: number,
  ) {
    this.widths = WIDTHS[name];
  }

  /** Whether a character (one code point) can be drawn; others are drawn as '?'. */
  canEncode(char: string): boolean {
    return isWinAnsiEncodable(char);
  }

  /** The bytes drawText writes: WinAnsi, unencodable characters as '?'. */
  encode(text: string): Uint8Array {
    return encodeWinAnsi(text);
  }

  /** The advance width of a text in points, exactly as a viewer will lay it out. */
  widthOfTextAtSize(text: string, size: number): number {
    let units = 0;
    for (const code of this.encode(text)) units += this.widths[code - FIRST_CODE] ?? 0;
    return (units * size) / 1000;
  }
}
