/**
 * The few pieces of PDF syntax the writer emits: numbers, names, strings and dates. Everything is built
 * as a "binary string" (one char per byte, 0–255) and written out as latin1, so WinAnsi bytes 0x80–0xFF
 * inside text strings survive unchanged.
 */

/**
 * A PDF number: at most 3 decimals (a thousandth of a point is far below what anyone can see) and never
 * exponent notation, which PDF does not have ("1e-7" would be a syntax error).
 */
export const num = (n: number): string => {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) throw new RangeError(`Not a PDF number: ${n}`);
  const fixed = n.toFixed(3).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
};

/** A literal string of bytes: ( ) \ must be escaped; control bytes go octal so no reader rewrites EOLs. */
export const literalString = (bytes: Uint8Array): string => {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
};

/**
 * A "text string" outside content streams (document Info): UTF-16BE with a byte-order mark, written in
 * hex, so any title (Hausa, Arabic, emoji) shows correctly in the viewer's title bar and properties.
 * JavaScript strings are already UTF-16, so each code unit (surrogates included) is 4 hex digits.
 */
export const textString = (text: string): string => {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
};

/** A PDF date (D:YYYYMMDDHHmmSSZ) in UTC, as the Info dictionary's CreationDate wants. */
export const pdfDate = (date: Date): string => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `(D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
};

/** An indirect reference to object number n (the writer never reuses numbers, so generation is 0). */
export const ref = (n: number): string => `${n} 0 R`;
