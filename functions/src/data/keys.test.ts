import type { FollowUp, MentorshipLog } from '@dml/shared';
import { describe, expect, it } from 'vitest';
import { type FollowUpFilters, planFollowUpList } from '#features/follow-ups/list-plan';
import { type LogFilters, planLogList } from '#features/logs/list-plan';
import { followUpItem, followUpScopePointerItem } from './follow-ups.ts';
import {
  attachmentIndexes,
  auditIndexes,
  facilityIndexes,
  figureIndexes,
  followUpIndexes,
  followUpPointerIndexes,
  indexAttributes,
  logIndexes,
  logPointerIndexes,
  notificationIndexes,
  userIndexes,
} from './keys.ts';
import { logItem, scopePointerItem } from './logs.ts';
import type { ListQuery } from './query.ts';

const log = {
  id: 'l1',
  facility_id: 'f1',
  facility_name: 'Clinic',
  mentor_id: 'm1',
  mentor_name: 'Mentor',
  visit_date: '2026-11-20',
  status: 'submitted',
  objectives: [],
  deleted_at: null,
} as unknown as MentorshipLog;

const followUp = {
  id: 'u1',
  mentorship_log_id: 'l1',
  facility_id: 'f1',
  assigned_to: 'm1',
  log_owner_id: 'm1',
  status: 'pending',
  due_date: '2026-12-01',
  created_at: '2026-11-20T10:00:00.000Z',
} as unknown as FollowUp;

/** The item is in the list the plan reads: it carries the plan's partition under the plan's index. */
const holds = (item: Record<string, unknown>, plan: Pick<ListQuery, 'index' | 'partition'> | null) => {
  if (!plan?.index) throw new Error('expected an index plan');
  return item[indexAttributes(plan.index).partitionKey] === plan.partition;
};

describe('index declarations', () => {
  it('keep every list on the GSI its stored items already use (changing one needs a data migration)', () => {
    expect(userIndexes).toEqual({ all: 'gsi1', byRole: 'gsi2', byState: 'gsi3' });
    expect(facilityIndexes).toEqual({ all: 'gsi1', byState: 'gsi2', byType: 'gsi3' });
    expect(logIndexes).toEqual({
      all: 'gsi1',
      deleted: 'gsi1',
      byStatus: 'gsi2',
      byFacility: 'gsi3',
      byFacilityStatus: 'gsi4',
      byMentor: 'gsi5',
      byMentorStatus: 'gsi6',
    });
    expect(logPointerIndexes).toEqual({
      inScope: 'gsi1',
      inScopeByStatus: 'gsi2',
      inScopeByMentor: 'gsi3',
      inScopeByMentorStatus: 'gsi4',
    });
    expect(followUpIndexes).toEqual({
      byLog: 'gsi1',
      byAssignee: 'gsi2',
      open: 'gsi3',
      byFacility: 'gsi4',
      byMentor: 'gsi5',
      byStatus: 'gsi6',
    });
    expect(followUpPointerIndexes).toEqual({ inScope: 'gsi1', inScopeByStatus: 'gsi2' });
    expect([attachmentIndexes, auditIndexes, notificationIndexes, figureIndexes]).toEqual([
      { byLog: 'gsi1' },
      { byUser: 'gsi1', all: 'gsi2' },
      { byUser: 'gsi1' },
      { all: 'gsi1' },
    ]);
  });
});

describe('writers put items where the list planners look', () => {
  const logPlan = (reach: Parameters<typeof planLogList>[0], f: Partial<LogFilters>) =>
    planLogList(reach, { sort: '-visit_date', ...f });

  it.each([
    ['all', {}],
    ['by status', { status: 'submitted' }],
    ['by facility', { facility_id: 'f1' }],
    ['by facility and status', { facility_id: 'f1', status: 'submitted' }],
    ['by mentor', { mentor_id: 'm1' }],
    ['by mentor and status', { mentor_id: 'm1', status: 'submitted' }],
  ] as const)('a log is in the admin list %s', (_, filters) => {
    expect(holds(logItem(log), logPlan({ kind: 'admin' }, filters))).toBe(true);
  });

  it('a deleted log is in the deleted list', () => {
    const deleted = logItem({ ...log, deleted_at: '2026-11-21T00:00:00.000Z' });
    expect(holds(deleted, logPlan({ kind: 'admin' }, { deleted: true }))).toBe(true);
  });

  it.each([
    ['whole scope', {}],
    ['by status', { status: 'submitted' }],
    ['by mentor', { mentor_id: 'm1' }],
    ['by mentor and status', { mentor_id: 'm1', status: 'submitted' }],
  ] as const)("a log's scope pointer is in the supervisor list %s", (_, filters) => {
    expect(holds(scopePointerItem('s1', log), logPlan({ kind: 'supervisor', id: 's1' }, filters))).toBe(true);
  });

  const followUpPlan = (reach: Parameters<typeof planFollowUpList>[0], f: Partial<FollowUpFilters>) =>
    planFollowUpList(reach, { view: 'all', ...f }, '2026-11-24');
  const admin = { id: 'a', role: 'admin', coversFilter: true } as const;
  const mentor = { id: 'm1', role: 'mentor', coversFilter: true } as const;
  const supervisor = { id: 's1', role: 'supervisor', coversFilter: true } as const;

  it.each([
    ['by log', admin, { mentorship_log_id: 'l1' }],
    ['assigned', mentor, { view: 'assigned' }],
    ['on my logs', mentor, { view: 'mine' }],
    ['by facility', admin, { facility_id: 'f1' }],
    ['open, programme-wide', admin, {}],
    ['by status', admin, { status: 'pending' }],
  ] as const)('a follow-up is in the list %s', (_, reach, filters) => {
    expect(holds(followUpItem(followUp), followUpPlan(reach, filters))).toBe(true);
  });

  it.each([
    ['whole scope', {}],
    ['by status', { status: 'pending' }],
  ] as const)("a follow-up's scope pointer is in the supervisor list %s", (_, filters) => {
    expect(holds(followUpScopePointerItem('s1', followUp), followUpPlan(supervisor, filters))).toBe(true);
  });
});
