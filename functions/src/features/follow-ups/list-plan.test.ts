import { describe, expect, it } from 'vitest';
import { type FollowUpCaller, type FollowUpFilters, planFollowUpList } from './list-plan.ts';

const today = '2026-11-24';
const admin: FollowUpCaller = { id: 'a', role: 'admin', scopeFacilityIds: [] };
const mentor: FollowUpCaller = { id: 'm', role: 'mentor', scopeFacilityIds: ['f1'] };
const supervisor: FollowUpCaller = { id: 's', role: 'supervisor', scopeFacilityIds: ['f1', 'f2'] };
const plan = (caller: FollowUpCaller, f: Partial<FollowUpFilters>) =>
  planFollowUpList(caller, { view: 'all', ...f }, today);

describe('which index serves a follow-up list', () => {
  it('assigned to me: open first, overdue and due-before as key ranges', () => {
    expect(plan(mentor, { view: 'assigned' })).toMatchObject({
      index: 'gsi2',
      partition: 'FU#ASSIGNEE#m',
      range: undefined,
    });
    expect(plan(mentor, { view: 'assigned', open: true })?.range).toEqual({ beginsWith: '0#' });
    expect(plan(mentor, { view: 'assigned', overdue: true })?.range).toEqual({
      between: ['0#', '0#2026-11-24'],
    });
    expect(plan(mentor, { view: 'assigned', open: true, due_before: '2026-11-27' })?.range).toEqual({
      between: ['0#', '0#2026-11-27#~'],
    });
    expect(plan(mentor, { view: 'assigned', status: 'completed' })?.range).toEqual({ beginsWith: '1#' });
  });

  it('on my logs, by facility and by log use their own partitions', () => {
    expect(plan(mentor, { view: 'mine' })).toMatchObject({ index: 'gsi5', partition: 'FU#MENTOR#m' });
    expect(plan(admin, { facility_id: 'f9' })).toMatchObject({ index: 'gsi4', partition: 'FU#FAC#f9' });
    expect(plan(admin, { mentorship_log_id: 'l1' })).toMatchObject({ index: 'gsi1', partition: 'FU#LOG#l1' });
  });

  it('programme-wide open and overdue read the sparse due-date index', () => {
    expect(plan(admin, {})).toMatchObject({
      index: 'gsi3',
      partition: 'FU#OPEN',
      range: undefined,
      filter: undefined,
    });
    expect(plan(admin, { overdue: true })?.range).toEqual({ lte: '2026-11-24' });
    expect(plan(admin, { status: 'completed' })).toMatchObject({
      index: 'gsi6',
      partition: 'FU#ST#completed',
    });
  });

  it('narrows supervisors to their facilities and sends mentors to what is assigned to them', () => {
    expect(plan(supervisor, {})?.filter?.FilterExpression).toBe('#facility IN (:scope0, :scope1)');
    expect(plan({ ...supervisor, scopeFacilityIds: [] }, {})).toBeNull();
    expect(plan(mentor, {})).toMatchObject({ index: 'gsi2', partition: 'FU#ASSIGNEE#m' });
  });
});
