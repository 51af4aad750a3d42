import { describe, expect, it } from 'vitest';
import { diffChanges } from './diff.ts';

describe('audit diff', () => {
  it('records only the fields that changed, with before and after', () => {
    expect(
      diffChanges({ name: 'A', state: 'Kano', version: 1 }, { name: 'B', state: 'Kano', version: 2 }),
    ).toEqual({
      name: { from: 'A', to: 'B' },
    });
  });

  it('treats a create as every field going from null', () => {
    expect(diffChanges(null, { name: 'Clinic', code: 'KN-1' })).toEqual({
      code: { from: null, to: 'KN-1' },
      name: { from: null, to: 'Clinic' },
    });
  });

  it('compares arrays and objects by value and ignores bookkeeping fields', () => {
    expect(
      diffChanges(
        { tags: ['a'], updated_at: 'x', meta: { a: 1 } },
        { tags: ['a'], updated_at: 'y', meta: { a: 1 } },
      ),
    ).toEqual({});
    expect(diffChanges({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({
      tags: { from: ['a'], to: ['a', 'b'] },
    });
  });

  it('treats absent and null as the same', () => {
    expect(diffChanges({ phone: null }, {})).toEqual({});
  });

  it('skips fields the caller asks to ignore', () => {
    expect(diffChanges({ secret: 1, name: 'a' }, { secret: 2, name: 'a' }, ['secret'])).toEqual({});
  });
});
