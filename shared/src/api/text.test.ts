import { describe, expect, it } from 'vitest';
import { CreateFacilityBody } from './facilities.ts';
import { CreateLogBody, logTextBytes, MAX_LOG_TEXT_BYTES, ReturnBody } from './logs.ts';
import { multiLineText, singleLineText, toSingleLine, utf8Length, wellFormedText } from './text.ts';
import { CreateUserBody } from './users.ts';

const name = singleLineText({ min: 2, max: 120 });
const notes = multiLineText({ max: 4000 });

describe('every request string is well-formed UTF-16', () => {
  it.each(['\ud800', 'abc\udc00', 'x\ud83dy', '\ude00\ud83d'])('refuses the lone surrogate in %j', (v) => {
    expect(wellFormedText().safeParse(v).success).toBe(false);
    expect(name.safeParse(`ab${v}`).success).toBe(false);
    expect(notes.safeParse(v).success).toBe(false);
  });

  it('accepts paired surrogates (emoji, supplementary scripts)', () => {
    expect(wellFormedText().safeParse('😀 𝒜').success).toBe(true);
    expect(name.safeParse('Amina 😀').success).toBe(true);
  });
});

describe('names and titles are one visible line', () => {
  it.each([
    ['a line feed', 'Kano\nGeneral'],
    ['a carriage return', 'Kano\r\nBcc: x@example.org'],
    ['a tab', 'Kano\tGeneral'],
    ['a NUL', 'Kano\u0000'],
    ['a C1 control', 'Kano\u0085General'],
    ['a right-to-left override', 'invoice\u202Egpj.html'],
    ['an isolate', 'Kano\u2067General'],
    ['a direction mark', 'Kano\u200FGeneral'],
    ['an Arabic letter mark', 'Kano\u061CGeneral'],
    ['only zero-width characters', '\u200B\u200B\u200D\uFEFF'],
  ])('refuses %s', (_, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/one line|direction|visible|at least/);
  });

  it('keeps ordinary names in every script', () => {
    for (const v of ['Ɗanbatta General Hospital', 'Ḥadiza Musa', 'አበበ ቢቂላ', 'محمد علي', 'O’Brien-Smith'])
      expect(name.parse(v)).toBe(v);
  });

  it('applies to person and facility names in the request schemas', () => {
    const user = CreateUserBody.safeParse({ email: 'a@example.org', name: 'Ami\r\nna', role: 'mentor' });
    expect(user.success).toBe(false);
    const facility = CreateFacilityBody.safeParse({
      name: '\u200B\u200B',
      code: 'KN-01',
      state: 'Kano',
      facility_type: 'clinic',
    });
    expect(facility.error?.issues.map((i) => i.path.join('.'))).toEqual(['name']);
  });
});

describe('multi-line text', () => {
  it('keeps line breaks and tabs, refuses other controls and overrides', () => {
    expect(notes.parse('line one\r\nline\ttwo')).toBe('line one\r\nline\ttwo');
    expect(notes.safeParse('bell\u0007').success).toBe(false);
    expect(notes.safeParse('abc\u202Edef').success).toBe(false);
    expect(notes.parse('مرحبا\u200F 123')).toBe('مرحبا\u200F 123');
  });

  it('refuses a required comment made only of invisible characters', () => {
    expect(ReturnBody.safeParse({ version: 1, comment: '\u200B\u200B\u200B' }).success).toBe(false);
  });

  it('bounds text by UTF-8 bytes when asked', () => {
    const small = multiLineText({ max: 100, maxBytes: 10 });
    expect(small.safeParse('a'.repeat(10)).success).toBe(true);
    expect(small.safeParse('é'.repeat(6)).success).toBe(false);
  });
});

describe('UTF-8 length', () => {
  it('counts bytes as DynamoDB does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('አ')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud800')).toBe(3);
  });

  it('measures a log whose fields pass their character limits but not the byte cap', () => {
    const body = CreateLogBody.parse({
      facility_id: '00000000-0000-4000-8000-000000000001',
      visit_date: '2030-01-01',
      performance_summary: 'አ'.repeat(10_000),
      identified_gaps: 'አ'.repeat(10_000),
      trends_summary: 'አ'.repeat(10_000),
      resources_needed: 'አ'.repeat(10_000),
      logistics_notes: 'አ'.repeat(10_000),
    });
    const bytes = logTextBytes({
      ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : null])),
      visit_outcomes: null,
      lessons_learned: null,
      objectives: [],
      staff_to_engage: [],
    } as unknown as Parameters<typeof logTextBytes>[0]);
    expect(bytes).toBeGreaterThanOrEqual(150_000);
    expect(bytes).toBeGreaterThan(MAX_LOG_TEXT_BYTES);
  });
});

describe('toSingleLine', () => {
  it('strips direction controls and lone surrogates, turns controls into spaces', () => {
    expect(toSingleLine('Kano\r\nBcc: x')).toBe('Kano Bcc: x');
    expect(toSingleLine('invoice\u202Egpj.html\ud800')).toBe('invoicegpj.html');
  });
});
