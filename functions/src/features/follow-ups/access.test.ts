import { describe, expect, it } from 'vitest';
import { canManageFollowUp, canReadFollowUp, followUpRelation } from './access.ts';

const followUp = { facility_id: 'f1', log_owner_id: 'owner', assigned_to: 'assignee' };
const read = (id: string, role: 'admin' | 'supervisor' | 'mentor', covers: boolean) =>
  canReadFollowUp(followUpRelation({ id, role }, followUp, covers));

describe('who may read a follow-up', () => {
  it('lets the log owner, the assignee, admins and supervisors covering the facility read it', () => {
    expect(read('owner', 'mentor', false)).toBe(true);
    expect(read('assignee', 'mentor', false)).toBe(true);
    expect(read('someone', 'admin', false)).toBe(true);
    expect(read('reviewer', 'supervisor', true)).toBe(true);
  });

  it('refuses a mentor who only covers the facility, and a supervisor who does not', () => {
    expect(read('colleague', 'mentor', true)).toBe(false);
    expect(read('reviewer', 'supervisor', false)).toBe(false);
  });

  it('lets an assignee read but not manage it', () => {
    const relation = followUpRelation({ id: 'assignee', role: 'mentor' }, followUp, true);
    expect(canReadFollowUp(relation)).toBe(true);
    expect(canManageFollowUp(relation)).toBe(false);
  });
});
