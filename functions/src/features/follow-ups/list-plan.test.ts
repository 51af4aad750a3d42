import { describe, expect, it } from 'vitest';
import { followUpIndexes, followUpPointerIndexes } from '#data/keys';
import { type FollowUpFilters, type FollowUpListReach, planFollowUpList } from './list-plan.ts';

const today = '2026-11-24';
const admin: FollowUpListReach = { id: 'a', role: 'admin', coversFilter: true };
const mentor: FollowUpListReach = { id: 'm', role: 'mentor', coversFilter: true };
const supervisor: FollowUpListReach = { id: 's', role: 'supervisor', coversFilter: true };
const plan = (reach: FollowUpListReach, f: Partial<FollowUpFilters>) =>
  planFollowUpList(reach, { view: 'all', ...f }, today);

describe('which index serves a follow-up list', () => {
  it('assigned to me: open first, overdue and due-before as key ranges', () => {
    expect(plan(mentor, { view: 'assigned' })).toMatchObject({
      index: followUpIndexes.byAssignee,
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
    expect(plan(mentor, { view: 'mine' })).toMatchObject({
      index: followUpIndexes.byMentor,
      partition: 'FU#MENTOR#m',
    });
    expect(plan(admin, { facility_id: 'f9' })).toMatchObject({
      index: followUpIndexes.byFacility,
      partition: 'FU#FAC#f9',
    });
    expect(plan(admin, { mentorship_log_id: 'l1' })).toMatchObject({
      index: followUpIndexes.byLog,
      partition: 'FU#LOG#l1',
    });
  });

  it('keeps the view when a log is named: assigned and mine trim to the caller', () => {
    expect(plan(mentor, { view: 'assigned', mentorship_log_id: 'l1' })?.filter).toMatchObject({
      FilterExpression: '#assignee = :me',
      ExpressionAttributeValues: { ':me': 'm' },
    });
    expect(plan(mentor, { view: 'mine', mentorship_log_id: 'l1' })?.filter?.FilterExpression).toBe(
      '#owner = :me',
    );
  });

  it('programme-wide lists read the sparse due-date index or one status partition', () => {
    expect(plan(admin, {})).toMatchObject({
      index: followUpIndexes.open,
      partition: 'FU#OPEN',
      range: undefined,
      filter: undefined,
    });
    expect(plan(admin, { overdue: true })?.range).toEqual({ lte: '2026-11-24' });
    expect(plan(admin, { status: 'completed' })).toMatchObject({
      index: followUpIndexes.byStatus,
      partition: 'FU#ST#completed',
    });
    expect(plan(admin, { status: 'pending', overdue: true })).toMatchObject({
      index: followUpIndexes.byStatus,
      partition: 'FU#ST#pending',
      range: { lte: '2026-11-24' },
      filter: undefined,
    });
  });

  it('serves a supervisor from their scope pointers, with no filter however wide the scope', () => {
    expect(plan(supervisor, {})).toMatchObject({
      index: followUpPointerIndexes.inScope,
      partition: 'SCOPE#s#FU',
      range: undefined,
      filter: undefined,
      covers: true,
    });
    expect(plan(supervisor, { open: true })?.range).toEqual({ beginsWith: '0#' });
    expect(plan(supervisor, { overdue: true, due_before: '2026-11-20' })?.range).toEqual({
      between: ['0#', '0#2026-11-20#~'],
    });
    expect(plan(supervisor, { status: 'in_progress', due_before: '2026-12-01' })).toMatchObject({
      index: followUpPointerIndexes.inScopeByStatus,
      partition: 'SCOPE#s#FU#ST#in_progress',
      range: { lte: '2026-12-01#~' },
      filter: undefined,
    });
  });

  it('gives a mentor only what is assigned to them, also at a facility they cover', () => {
    expect(plan(mentor, {})).toMatchObject({
      index: followUpIndexes.byAssignee,
      partition: 'FU#ASSIGNEE#m',
      covers: false,
    });
    expect(plan(mentor, { facility_id: 'f1' })).toMatchObject({
      index: followUpIndexes.byAssignee,
      partition: 'FU#ASSIGNEE#m',
      filter: { FilterExpression: '#facility = :facility' },
    });
  });

  it('says which lists hold only items at facilities the caller covers', () => {
    expect(plan(supervisor, { facility_id: 'f1' })?.covers).toBe(true);
    expect(plan({ ...supervisor, coversFilter: false }, { mentorship_log_id: 'l1' })?.covers).toBe(false);
    expect(plan(supervisor, { view: 'assigned' })?.covers).toBe(false);
  });

  it('gives nothing for contradictory filters', () => {
    expect(plan(admin, { status: 'completed', open: true })).toBeNull();
    expect(plan(supervisor, { status: 'completed', overdue: true })).toBeNull();
  });
});
