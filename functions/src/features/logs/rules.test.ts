import type { MentorshipLog } from '@dml/shared';
import { describe, expect, it } from 'vitest';
import { completeProblems, lockedFields, nextObjectives, submitProblems } from './rules.ts';

const log = (overrides: Partial<MentorshipLog>) =>
  ({
    performance_summary: null,
    objectives: [],
    visit_outcomes: null,
    visit_date: '2026-12-01',
    ...overrides,
  }) as MentorshipLog;
const objective = (text: string, id = text) => ({ id, objective_text: text, sequence: 1, created_at: 't0' });

describe('what a log needs before a transition', () => {
  it('submit needs a 10-character summary and an objective, and says which is missing', () => {
    expect(submitProblems(log({})).map((p) => p.path)).toEqual(['performance_summary', 'objectives']);
    expect(
      submitProblems(log({ performance_summary: 'Short', objectives: [objective('a')] })).map((p) => p.path),
    ).toEqual(['performance_summary']);
    expect(
      submitProblems(log({ performance_summary: 'Stock-outs of ACTs', objectives: [objective('a')] })),
    ).toEqual([]);
  });

  it('complete needs outcomes and cannot come before the visit date', () => {
    expect(
      completeProblems(log({ visit_outcomes: 'Trained 6 nurses on IMCI' }), '2026-11-30').map((p) => p.path),
    ).toEqual(['visit_date']);
    expect(completeProblems(log({ visit_outcomes: 'Trained 6 nurses on IMCI' }), '2026-12-01')).toEqual([]);
    expect(completeProblems(log({}), '2026-12-02').map((p) => p.path)).toEqual(['visit_outcomes']);
  });
});

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
