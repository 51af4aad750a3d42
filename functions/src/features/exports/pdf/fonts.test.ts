import { describe, expect, it } from 'vitest';
import { PdfFont } from './fonts.ts';

const helvetica = new PdfFont('Helvetica', 'F1', 4);
const bold = new PdfFont('Helvetica-Bold', 'F2', 5);

describe('standard font metrics', () => {
  it('measures text with Adobe’s Helvetica widths', () => {
    expect(helvetica.widthOfTextAtSize('Hello', 10)).toBeCloseTo(
      ((722 + 556 + 222 + 222 + 556) / 1000) * 10,
      10,
    );
    expect(helvetica.widthOfTextAtSize('', 10)).toBe(0);
    expect(helvetica.widthOfTextAtSize('Hello', 20)).toBeCloseTo(
      2 * helvetica.widthOfTextAtSize('Hello', 10),
      10,
    );
  });

  it('measures bold text with Helvetica-Bold widths', () => {
    // H e l l o in Helvetica-Bold: 722 556 278 278 611.
    expect(bold.widthOfTextAtSize('Hello', 10)).toBeCloseTo(24.45, 10);
    expect(bold.widthOfTextAtSize('Hello', 10)).toBeGreaterThan(helvetica.widthOfTextAtSize('Hello', 10));
  });

  it('measures WinAnsi specials and Latin-1 letters by their own glyphs', () => {
    // “ 333, • 350, é 556, — 1000, € 556 (Helvetica).
    expect(helvetica.widthOfTextAtSize('“•é—€', 1)).toBeCloseTo((333 + 350 + 556 + 1000 + 556) / 1000, 10);
  });

  it("measures what is drawn: an unencodable character as the '?' that replaces it", () => {
    expect(helvetica.widthOfTextAtSize('ɗ', 10)).toBe(helvetica.widthOfTextAtSize('?', 10));
    expect(helvetica.widthOfTextAtSize('a😀b', 10)).toBe(helvetica.widthOfTextAtSize('a?b', 10));
  });

  it('tells which characters it can draw', () => {
    expect(helvetica.canEncode('é')).toBe(true);
    expect(helvetica.canEncode('™')).toBe(true);
    expect(helvetica.canEncode('ɗ')).toBe(false);
    expect(helvetica.canEncode('😀')).toBe(false);
  });
});
