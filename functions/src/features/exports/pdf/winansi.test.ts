import { describe, expect, it } from 'vitest';
import { encodeWinAnsi, isWinAnsiEncodable, winAnsiCode } from './winansi.ts';

describe('WinAnsi encoding', () => {
  it('maps ASCII and Latin-1 to their own code', () => {
    expect(winAnsiCode('A'.charCodeAt(0))).toBe(0x41);
    expect(winAnsiCode('~'.charCodeAt(0))).toBe(0x7e);
    expect(winAnsiCode('é'.charCodeAt(0))).toBe(0xe9);
    expect(winAnsiCode('±'.charCodeAt(0))).toBe(0xb1);
    expect(winAnsiCode(0xa0)).toBe(0xa0);
    expect(winAnsiCode(0xff)).toBe(0xff);
  });

  it('maps the typographic characters people type to the 0x80–0x9F block', () => {
    const expected: Record<string, number> = {
      '€': 0x80,
      '‚': 0x82,
      ƒ: 0x83,
      '„': 0x84,
      '…': 0x85,
      '†': 0x86,
      '‡': 0x87,
      ˆ: 0x88,
      '‰': 0x89,
      Š: 0x8a,
      '‹': 0x8b,
      Œ: 0x8c,
      Ž: 0x8e,
      '‘': 0x91,
      '’': 0x92,
      '“': 0x93,
      '”': 0x94,
      '•': 0x95,
      '–': 0x96,
      '—': 0x97,
      '˜': 0x98,
      '™': 0x99,
      š: 0x9a,
      '›': 0x9b,
      œ: 0x9c,
      ž: 0x9e,
      Ÿ: 0x9f,
    };
    for (const [char, code] of Object.entries(expected))
      expect([char, winAnsiCode(char.codePointAt(0) ?? 0)]).toEqual([char, code]);
  });

  it('encodes 218 characters, none of them control characters or C1 code points', () => {
    const encodable = Array.from({ length: 0x10000 }, (_, cp) => cp).filter(
      (cp) => winAnsiCode(cp) !== undefined,
    );
    expect(encodable).toHaveLength(218);
    expect(encodable.filter((cp) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))).toEqual([]);
  });

  it('tells which characters the standard fonts can draw', () => {
    expect(isWinAnsiEncodable('a')).toBe(true);
    expect(isWinAnsiEncodable('“')).toBe(true);
    expect(isWinAnsiEncodable('ɗ')).toBe(false);
    expect(isWinAnsiEncodable('😀')).toBe(false);
    expect(isWinAnsiEncodable('\n')).toBe(false);
    expect(isWinAnsiEncodable('')).toBe(false);
  });

  it("encodes text byte per character, anything unencodable (an emoji counts once) as '?'", () => {
    expect([...encodeWinAnsi('“Où?” – 5 €')]).toEqual([
      0x93, 0x4f, 0xf9, 0x3f, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80,
    ]);
    expect(Buffer.from(encodeWinAnsi('ɗan 😀\tƙ')).toString('latin1')).toBe('?an ???');
  });
});
