import { describe, expect, it } from 'vitest';
import {
  dashboardFigures,
  type FigureItems,
  histogramMedian,
  lastMonths,
  monthsBetween,
} from './dashboard.ts';

const items = (years: Record<string, Record<string, number>>, current = {}): FigureItems => ({
  years: new Map(Object.entries(years)),
  current,
});

describe('periods', () => {
  it('spans years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-03-15', 12)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(lastMonths('2026-03-15', 1)).toEqual({ from: '2026-03', to: '2026-03' });
  });
});

describe('medians from day histograms', () => {
  it('is exact for odd and even counts, across months and years', () => {
    const data = items({
      '2025': { '12|approve_days|1': 2 },
      '2026': { '01|approve_days|3': 1, '01|approve_days|10': 1 },
    });
    expect(histogramMedian(data, ['2025-12', '2026-01'], 'approve_days')).toBe(2); // 1,1,3,10
    expect(histogramMedian(data, ['2026-01'], 'approve_days')).toBe(6.5);
    expect(histogramMedian(items({ '2026': { '01|approve_days|4': 3 } }), ['2026-01'], 'approve_days')).toBe(
      4,
    );
    expect(histogramMedian(items({}), ['2026-01'], 'approve_days')).toBeNull();
  });
});

describe('the dashboard', () => {
  it('sums the period, counts distinct facilities visited, and reads overdue from due dates', () => {
    const data = items(
      {
        '2026': {
          '10|planned': 4,
          '11|planned': 3,
          '11|completed': 2,
          '11|fu_closed': 4,
          '11|fu_closed_on_time': 3,
          '09|planned': 100,
          'v|aaa|10': 1,
          'v|aaa|11': 2,
          'v|bbb|11': 1,
          'v|ccc|09': 1,
        },
      },
      { facilities: 4, 'open_due|2026-11-20': 2, 'open_due|2026-11-26': 1, 'open_due|2026-12-30': 5 },
    );
    const figures = dashboardFigures(data, ['2026-10', '2026-11'], '2026-11-24', '2026-12-01');
    expect(figures.visits).toMatchObject({ planned: 7, completed: 2 });
    expect(figures.coverage).toEqual({ facilities_assigned: 4, facilities_visited: 2, coverage_rate: 50 });
    expect(figures.follow_ups).toMatchObject({
      closed: 4,
      closed_on_time: 3,
      closed_on_time_rate: 75,
      open_now: 8,
      overdue_now: 2,
      due_this_week: 1,
    });
  });
});
