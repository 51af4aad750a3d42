import { describe, expect, it } from 'vitest';
import { checkStartKey, inSortRange } from './cursor.ts';

const attributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
const key = (gsi1sk: string) => ({ pk: 'LOG#1', sk: 'LOG', gsi1pk: 'LOGS', gsi1sk });
const range = { between: ['2030-01-01', '2030-12-31#~'] as [string, string] };

describe('list cursors', () => {
  it('accepts a start key whose sort key lies inside the query’s range', () => {
    expect(
      checkStartKey(key('2030-06-01#abc'), attributes, { gsi1pk: 'LOGS' }, { name: 'gsi1sk', range }),
    ).toEqual(key('2030-06-01#abc'));
  });

  it.each([
    ['before the range', '2001-01-01#abc'],
    ['after the range', '2031-01-01#abc'],
  ])('refuses a forged start key whose sort key lies %s (DynamoDB would fail the query)', (_, sk) => {
    expect(() => checkStartKey(key(sk), attributes, { gsi1pk: 'LOGS' }, { name: 'gsi1sk', range })).toThrow(
      'The cursor is not valid for this list.',
    );
  });

  it('checks every kind of sort-key condition, comparing as DynamoDB does (UTF-8 bytes)', () => {
    expect(inSortRange('2030-01-01#x', { gte: '2030-01-01' })).toBe(true);
    expect(inSortRange('2029-12-31#x', { gte: '2030-01-01' })).toBe(false);
    expect(inSortRange('2030-01-01#x', { lte: '2030-01-01#~' })).toBe(true);
    expect(inSortRange('2030-01-02', { lte: '2030-01-01#~' })).toBe(false);
    expect(inSortRange('FU#2030', { beginsWith: 'FU#' })).toBe(true);
    expect(inSortRange('LOG#2030', { beginsWith: 'FU#' })).toBe(false);
    // U+FFFD sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes.
    expect(inSortRange('\u{1F600}', { gte: '\uFFFD' })).toBe(true);
  });

  it('still refuses a key of another partition or with other attributes', () => {
    expect(() =>
      checkStartKey({ ...key('2030-06-01'), gsi1pk: 'LOGS#ST#draft' }, attributes, { gsi1pk: 'LOGS' }),
    ).toThrow();
    expect(() => checkStartKey({ pk: 'LOG#1', sk: 'LOG' }, attributes, { gsi1pk: 'LOGS' })).toThrow();
  });
});
