/**
 * WinAnsiEncoding (PDF 32000-1, Annex D), the single-byte encoding every viewer knows for the standard
 * Type 1 fonts. Using it lets the report name Helvetica without embedding a font file (which would cost
 * bundle size and PDF size); the price is that only these ~218 characters can be drawn.
 *
 * Codes 0x20–0x7E are ASCII and 0xA0–0xFF are Latin-1, so they equal their Unicode code point. The
 * 0x80–0x9F block holds typographic characters (Windows-1252) that people type every day — curly quotes,
 * dashes, bullets, the euro — and must be looked up.
 */
const SPECIALS: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], // € euro
  [0x201a, 0x82], // ‚ single low quotation mark
  [0x0192, 0x83], // ƒ florin
  [0x201e, 0x84], // „ double low quotation mark
  [0x2026, 0x85], // … ellipsis
  [0x2020, 0x86], // † dagger
  [0x2021, 0x87], // ‡ double dagger
  [0x02c6, 0x88], // ˆ modifier circumflex
  [0x2030, 0x89], // ‰ per mille
  [0x0160, 0x8a], // Š
  [0x2039, 0x8b], // ‹ single left angle quotation mark
  [0x0152, 0x8c], // Œ
  [0x017d, 0x8e], // Ž
  [0x2018, 0x91], // ‘ left single quotation mark
  [0x2019, 0x92], // ’ right single quotation mark (also the apostrophe phones type)
  [0x201c, 0x93], // “ left double quotation mark
  [0x201d, 0x94], // ” right double quotation mark
  [0x2022, 0x95], // • bullet
  [0x2013, 0x96], // – en dash
  [0x2014, 0x97], // — em dash
  [0x02dc, 0x98], // ˜ small tilde
  [0x2122, 0x99], // ™ trade mark
  [0x0161, 0x9a], // š
  [0x203a, 0x9b], // › single right angle quotation mark
  [0x0153, 0x9c], // œ
  [0x017e, 0x9e], // ž
  [0x0178, 0x9f], // Ÿ
]);

/** What an unencodable character is drawn as, so one odd letter never fails a whole report. */
export const REPLACEMENT = 0x3f; // '?'

/** The WinAnsi byte of a Unicode code point, or undefined when the standard fonts cannot show it. */
export const winAnsiCode = (codePoint: number): number | undefined => {
  if ((codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return SPECIALS.get(codePoint);
};

/** Whether a character (one code point, as iterating a string yields) can be drawn with WinAnsi. */
export const isWinAnsiEncodable = (char: string): boolean => {
  const codePoint = char.codePointAt(0);
  return codePoint !== undefined && winAnsiCode(codePoint) !== undefined;
};

/**
 * The WinAnsi bytes of a text, one per code point (not per UTF-16 unit, so an emoji becomes one '?'),
 * anything unencodable — control characters included — replaced by '?'.
 */
export const encodeWinAnsi = (text: string): Uint8Array => {
  const bytes: number[] = [];
  for (const char of text) bytes.push(winAnsiCode(char.codePointAt(0) ?? 0) ?? REPLACEMENT);
  return Uint8Array.from(bytes);
};
