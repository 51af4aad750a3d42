import { describe, expect, it } from 'vitest';
import { logIndexes, logPointerIndexes } from '#data/keys';
import { type LogFilters, type LogListReach, planLogList } from './list-plan.ts';

const admin: LogListReach = { kind: 'admin' };
const mentor: LogListReach = { kind: 'mentor', id: 'm1' };
const supervisor: LogListReach = { kind: 'supervisor', id: 's1' };
const covering: LogListReach = { kind: 'supervisor', id: 's1', coversFacility: true };
const base: LogFilters = { sort: '-visit_date' };
const plan = (reach: LogListReach, f: Partial<LogFilters>) => planLogList(reach, { ...base, ...f });

describe('which index serves a log list', () => {
  it.each([
    ['admin, no filter', admin, {}, logIndexes.all, 'LOGS'],
    ['admin by status', admin, { status: 'submitted' }, logIndexes.byStatus, 'LOGS#ST#submitted'],
    ['admin by facility', admin, { facility_id: 'f9' }, logIndexes.byFacility, 'LOGS#FAC#f9'],
    [
      'admin by facility and status',
      admin,
      { facility_id: 'f9', status: 'approved' },
      logIndexes.byFacilityStatus,
      'LOGS#FAC#f9#ST#approved',
    ],
    ['admin by mentor', admin, { mentor_id: 'm2' }, logIndexes.byMentor, 'LOGS#MENTOR#m2'],
    [
      'admin by mentor and status',
      admin,
      { mentor_id: 'm2', status: 'draft' },
      logIndexes.byMentorStatus,
      'LOGS#MENTOR#m2#ST#draft',
    ],
    ['mentor, own logs', mentor, {}, logIndexes.byMentor, 'LOGS#MENTOR#m1'],
    [
      'mentor, own by status',
      mentor,
      { status: 'returned' },
      logIndexes.byMentorStatus,
      'LOGS#MENTOR#m1#ST#returned',
    ],
    ['supervisor, whole scope', supervisor, {}, logPointerIndexes.inScope, 'SCOPE#s1'],
    [
      'supervisor, scope by status',
      supervisor,
      { status: 'submitted' },
      logPointerIndexes.inScopeByStatus,
      'SCOPE#s1#ST#submitted',
    ],
    [
      'supervisor, a facility in scope',
      covering,
      { facility_id: 'f2' },
      logIndexes.byFacility,
      'LOGS#FAC#f2',
    ],
    [
      'supervisor, scope by mentor',
      supervisor,
      { mentor_id: 'm2' },
      logPointerIndexes.inScopeByMentor,
      'SCOPE#s1#MENTOR#m2',
    ],
    [
      'supervisor, scope by mentor and status',
      supervisor,
      { mentor_id: 'm2', status: 'approved' },
      logPointerIndexes.inScopeByMentorStatus,
      'SCOPE#s1#MENTOR#m2#ST#approved',
    ],
  ] as const)('%s → %s %s, no filter expression', (_, reach, filters, index, partition) => {
    const result = plan(reach, filters as Partial<LogFilters>);
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
    expect(plan({ ...covering, coversFacility: false }, { facility_id: 'f3' })).toBeNull();
    expect(plan(mentor, { mentor_id: 'someone-else' })).toBeNull();
    expect(plan(mentor, { deleted: true })).toBeNull();
  });

  it('trims only the rare combinations, within the key bound', () => {
    expect(plan(admin, { facility_id: 'f1', mentor_id: 'm2' })?.filter?.FilterExpression).toBe(
      '#mentor = :mentor',
    );
    expect(plan(covering, { facility_id: 'f1', mentor_id: 'm2' })?.filter?.FilterExpression).toBe(
      '#mentor = :mentor',
    );
    expect(plan(mentor, { facility_id: 'f1' })?.filter?.FilterExpression).toBe('#facility = :facility');
    expect(plan(admin, { q: 'Stock' })?.filter?.ExpressionAttributeValues).toEqual({ ':q': 'stock' });
  });

  it('serves a supervisor by mentor from their scope pointers, never an IN list of facilities', () => {
    const result = plan(supervisor, { mentor_id: 'm2', from: '2026-01-01', q: 'anc' });
    expect(result).toMatchObject({
      index: logPointerIndexes.inScopeByMentor,
      partition: 'SCOPE#s1#MENTOR#m2',
      inScope: true,
    });
    expect(result?.filter?.FilterExpression).toBe('contains(#search, :q)');
  });

  it('says which lists hold only logs of facilities in the caller scope', () => {
    expect(plan(supervisor, {})?.inScope).toBe(true);
    expect(plan(covering, { facility_id: 'f1' })?.inScope).toBe(true);
    expect(plan(mentor, {})?.inScope).toBe(false);
  });

  it('lists deleted logs for admins from their own partition', () => {
    expect(plan(admin, { deleted: true })).toMatchObject({
      index: logIndexes.deleted,
      partition: 'LOGS#DELETED',
    });
  });
});
