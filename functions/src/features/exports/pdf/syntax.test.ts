import { describe, expect, it } from 'vitest';
import { literalString, num, pdfDate, textString } from './syntax.ts';

describe('PDF syntax', () => {
  it('writes numbers with at most three decimals and never in exponent notation', () => {
    expect(num(0)).toBe('0');
    expect(num(12)).toBe('12');
    expect(num(100)).toBe('100');
    expect(num(595.28)).toBe('595.28');
    expect(num(1 / 3)).toBe('0.333');
    expect(num(2 / 3)).toBe('0.667');
    expect(num(-7.5)).toBe('-7.5');
    expect(num(1e-7)).toBe('0');
    expect(num(-1e-7)).toBe('0');
    expect(num(123456789.5)).toBe('123456789.5');
    expect(num(1e21 / 1e9)).toBe('1000000000000');
  });

  it('refuses numbers PDF cannot hold', () => {
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => num(1e21)).toThrow(RangeError);
  });

  it('escapes parentheses and backslashes in literal strings, and control bytes as octal', () => {
    expect(literalString(Buffer.from('a (b) c\\d', 'latin1'))).toBe('(a \\(b\\) c\\\\d)');
    expect(literalString(Uint8Array.from([0x0d, 0x0a, 0x09, 0x93]))).toBe('(\\015\\012\\011\x93)');
  });

  it('writes Info strings as UTF-16BE hex with a byte-order mark', () => {
    expect(textString('Aé')).toBe('<FEFF004100E9>');
    expect(textString('ɗ😀')).toBe('<FEFF0257D83DDE00>');
    expect(textString('')).toBe('<FEFF>');
  });

  it('writes dates in UTC as D:YYYYMMDDHHmmSSZ', () => {
    expect(pdfDate(new Date('2024-05-06T07:08:09.999Z'))).toBe('(D:20240506070809Z)');
    expect(pdfDate(new Date('0999-12-31T23:59:59Z'))).toBe('(D:09991231235959Z)');
  });
});
