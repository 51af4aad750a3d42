import { describe, expect, it } from 'vitest';
import { batchPlan, planAssignments } from './assignments.ts';

describe('assignment planning', () => {
  it('set replaces the whole list: adds what is new, removes what is not asked for', () => {
    expect(planAssignments(['a', 'b'], ['b', 'c'], 'set')).toEqual({ add: ['c'], remove: ['a'] });
  });

  it('add keeps existing facilities and ignores ones already assigned', () => {
    expect(planAssignments(['a'], ['a', 'b'], 'add')).toEqual({ add: ['b'], remove: [] });
  });

  it('remove takes away only facilities the user has', () => {
    expect(planAssignments(['a', 'b'], ['b', 'z'], 'remove')).toEqual({ add: [], remove: ['b'] });
  });

  it('set to the same list changes nothing', () => {
    expect(planAssignments(['a', 'b'], ['b', 'a'], 'set')).toEqual({ add: [], remove: [] });
  });

  it('splits large plans into transaction-sized batches without losing an operation', () => {
    const add = Array.from({ length: 150 }, (_, i) => `f${String(i).padStart(3, '0')}`);
    const batches = batchPlan({ add, remove: ['x'] }, 98);
    expect(batches.map((b) => b.length)).toEqual([98, 53]);
    expect(batches.flat().filter((o) => o.op === 'remove')).toEqual([{ op: 'remove', id: 'x' }]);
  });
});
