import { describe, expect, it } from 'vitest';
import { lockedFields, nextObjectives } from './rules.ts';

const objective = (text: string, id = text) => ({ id, objective_text: text, sequence: 1, created_at: 't0' });

describe('which sections are open', () => {
  it('locks planning once submitted and opens reporting only when approved', () => {
    expect(lockedFields('draft', ['objectives', 'visit_outcomes']).map((p) => p.path)).toEqual([
      'visit_outcomes',
    ]);
    expect(lockedFields('approved', ['objectives', 'visit_outcomes']).map((p) => p.path)).toEqual([
      'objectives',
    ]);
    expect(lockedFields('returned', ['performance_summary'])).toEqual([]);
    expect(lockedFields('verified', ['lessons_learned']).map((p) => p.path)).toEqual(['lessons_learned']);
  });
});

describe('objective identity across edits', () => {
  it('keeps ids of unchanged objectives, renumbers, and gives new ones fresh ids', () => {
    let n = 0;
    const next = nextObjectives(
      [objective('Train staff', 'id-a'), objective('Check stock', 'id-b')],
      ['Check stock', 'Audit registers'],
      't1',
      () => `new-${++n}`,
    );
    expect(next).toEqual([
      { id: 'id-b', objective_text: 'Check stock', sequence: 1, created_at: 't0' },
      { id: 'new-1', objective_text: 'Audit registers', sequence: 2, created_at: 't1' },
    ]);
  });
});
