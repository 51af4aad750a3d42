import { describe, expect, it } from 'vitest';
import { completeProblems, submitProblems } from './log-requirements.ts';

const objective = { id: 'o1', objective_text: 'Train staff', sequence: 1, created_at: 't0' };

describe('what a log needs before a transition', () => {
  it('submit needs a 10-character summary and an objective, and says which is missing', () => {
    expect(submitProblems({ performance_summary: null, objectives: [] }).map((p) => p.path)).toEqual([
      'performance_summary',
      'objectives',
    ]);
    expect(
      submitProblems({ performance_summary: 'Short', objectives: [objective] }).map((p) => p.path),
    ).toEqual(['performance_summary']);
    expect(submitProblems({ performance_summary: 'Stock-outs of ACTs', objectives: [objective] })).toEqual(
      [],
    );
  });

  it('counts the summary after trimming, so padding does not pass it', () => {
    expect(
      submitProblems({ performance_summary: `   short    `, objectives: ['a'] }).map((p) => p.path),
    ).toEqual(['performance_summary']);
  });

  it('complete needs outcomes and cannot come before the visit date', () => {
    const planned = { visit_date: '2026-12-01' };
    expect(
      completeProblems({ ...planned, visit_outcomes: 'Trained 6 nurses on IMCI' }, '2026-11-30').map(
        (p) => p.path,
      ),
    ).toEqual(['visit_date']);
    expect(
      completeProblems({ ...planned, visit_outcomes: 'Trained 6 nurses on IMCI' }, '2026-12-01'),
    ).toEqual([]);
    expect(completeProblems({ ...planned, visit_outcomes: null }, '2026-12-02').map((p) => p.path)).toEqual([
      'visit_outcomes',
    ]);
  });
});
