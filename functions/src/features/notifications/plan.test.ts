import { describe, expect, it } from 'vitest';
import { planNotifications } from './plan.ts';

const log = {
  log_id: '00000000-0000-4000-8000-000000000001',
  facility_id: '00000000-0000-4000-8000-000000000002',
  facility_name: 'Dala General Hospital',
  mentor_id: '00000000-0000-4000-8000-000000000003',
  by: '00000000-0000-4000-8000-000000000004',
  by_name: 'Samuel Okafor',
  at: '2026-11-24T10:00:00.000Z',
  comment: null,
  visit_date: '2026-12-01',
  version: 2,
};

describe('who is told about what', () => {
  it('tells the facility’s supervisors, by email, that a plan awaits review', () => {
    const [n] = planNotifications('mentorship-log.submitted', {
      ...log,
      action: 'submit',
      from: 'draft',
      to: 'submitted',
    });
    expect(n).toMatchObject({
      to: { kind: 'supervisors-of', facilityId: log.facility_id },
      email: true,
      link: `/logs/${log.log_id}`,
    });
    expect(n?.title).toBe('Plan to review: Dala General Hospital on 2026-12-01');
  });

  it('tells the owner about a return, with the reviewer’s comment', () => {
    const [n] = planNotifications('mentorship-log.returned', {
      ...log,
      action: 'return',
      from: 'submitted',
      to: 'returned',
      comment: 'Add stock figures',
    });
    expect(n).toMatchObject({ to: { kind: 'user', id: log.mentor_id }, email: true });
    expect(n?.body).toContain('Add stock figures');
  });

  it('tells the owner about approval and verification', () => {
    expect(
      planNotifications('mentorship-log.approved', {
        ...log,
        action: 'approve',
        from: 'submitted',
        to: 'approved',
      })[0]?.to,
    ).toEqual({ kind: 'user', id: log.mentor_id });
    expect(
      planNotifications('mentorship-log.verified', {
        ...log,
        action: 'verify',
        from: 'completed',
        to: 'verified',
      })[0]?.email,
    ).toBe(true);
  });

  it('tells an assignee about a new follow-up, but not someone who assigned it to themselves', () => {
    const assigned = {
      follow_up_id: log.log_id,
      log_id: log.log_id,
      facility_id: log.facility_id,
      facility_name: 'Dala',
      action_item: 'Reorder RDTs',
      due_date: '2026-12-03',
      by: log.by,
      by_name: 'Sam',
      at: log.at,
    };
    expect(
      planNotifications('follow-up.assigned', { ...assigned, assigned_to: log.mentor_id })[0],
    ).toMatchObject({ to: { kind: 'user', id: log.mentor_id }, email: true });
    expect(planNotifications('follow-up.assigned', { ...assigned, assigned_to: log.by })).toEqual([]);
  });
});
