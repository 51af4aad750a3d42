import { describe, expect, it } from 'vitest';
import { type Caller, type LogFilters, planLogList } from './list-plan.ts';

const admin: Caller = { kind: 'admin' };
const mentor: Caller = { kind: 'mentor', id: 'm1' };
const supervisor: Caller = { kind: 'supervisor', id: 's1', facilityIds: ['f1', 'f2'] };
const base: LogFilters = { sort: '-visit_date' };
const plan = (caller: Caller, f: Partial<LogFilters>) => planLogList(caller, { ...base, ...f });

describe('which index serves a log list', () => {
  it.each([
    ['admin, no filter', admin, {}, 'gsi1', 'LOGS'],
    ['admin by status', admin, { status: 'submitted' }, 'gsi2', 'LOGS#ST#submitted'],
    ['admin by facility', admin, { facility_id: 'f9' }, 'gsi3', 'LOGS#FAC#f9'],
    [
      'admin by facility and status',
      admin,
      { facility_id: 'f9', status: 'approved' },
      'gsi4',
      'LOGS#FAC#f9#ST#approved',
    ],
    ['admin by mentor', admin, { mentor_id: 'm2' }, 'gsi5', 'LOGS#MENTOR#m2'],
    [
      'admin by mentor and status',
      admin,
      { mentor_id: 'm2', status: 'draft' },
      'gsi6',
      'LOGS#MENTOR#m2#ST#draft',
    ],
    ['mentor, own logs', mentor, {}, 'gsi5', 'LOGS#MENTOR#m1'],
    ['mentor, own by status', mentor, { status: 'returned' }, 'gsi6', 'LOGS#MENTOR#m1#ST#returned'],
    ['supervisor, whole scope', supervisor, {}, 'gsi1', 'SCOPE#s1'],
    ['supervisor, scope by status', supervisor, { status: 'submitted' }, 'gsi2', 'SCOPE#s1#ST#submitted'],
    ['supervisor, a facility in scope', supervisor, { facility_id: 'f2' }, 'gsi3', 'LOGS#FAC#f2'],
  ] as const)('%s → %s %s, no filter expression', (_, caller, filters, index, partition) => {
    const result = plan(caller, filters as Partial<LogFilters>);
    expect(result).toMatchObject({ index, partition });
    expect(result?.filter).toBeUndefined();
  });

  it('bounds the visit-date range on the sort key, inclusive at both ends', () => {
    expect(plan(admin, { from: '2026-01-01', to: '2026-01-31' })?.range).toEqual({
      between: ['2026-01-01', '2026-01-31#~'],
    });
    expect(plan(admin, { from: '2026-01-01' })?.range).toEqual({ gte: '2026-01-01' });
    expect(plan(admin, { to: '2026-01-31' })?.range).toEqual({ lte: '2026-01-31#~' });
  });

  it('sorts newest visit first unless asked otherwise', () => {
    expect(plan(admin, {})?.ascending).toBe(false);
    expect(plan(admin, { sort: 'visit_date' })?.ascending).toBe(true);
  });

  it('gives nothing for filters outside what the caller may see', () => {
    expect(plan(supervisor, { facility_id: 'f3' })).toBeNull();
    expect(plan(mentor, { mentor_id: 'someone-else' })).toBeNull();
    expect(plan(mentor, { deleted: true })).toBeNull();
  });

  it('trims only the rare combinations, within the key bound', () => {
    expect(plan(admin, { facility_id: 'f1', mentor_id: 'm2' })?.filter?.FilterExpression).toBe(
      '#mentor = :mentor',
    );
    expect(plan(supervisor, { mentor_id: 'm2' })?.filter?.FilterExpression).toBe(
      '#facility IN (:scope0, :scope1)',
    );
    expect(plan(mentor, { facility_id: 'f1' })?.filter?.FilterExpression).toBe('#facility = :facility');
    expect(plan(admin, { q: 'Stock' })?.filter?.ExpressionAttributeValues).toEqual({ ':q': 'stock' });
  });

  it('lists deleted logs for admins from their own partition', () => {
    expect(plan(admin, { deleted: true })).toMatchObject({ index: 'gsi1', partition: 'LOGS#DELETED' });
  });
});
