import { describe, expect, it } from 'vitest';
import { checkUserEdit } from './user-rules.ts';

const admin = { id: 'admin-1', role: 'admin' as const };
const mentor = { id: 'mentor-1', role: 'mentor' as const };

describe('who may change a profile', () => {
  it('lets users change their own name, designation, phone and reminder setting', () => {
    expect(
      checkUserEdit(mentor, 'mentor-1', { name: 'New', phone: '+234 800', reminder_emails: false }),
    ).toEqual({ ok: true });
  });

  it('refuses users changing their own role or activation, naming the fields', () => {
    const result = checkUserEdit(mentor, 'mentor-1', { role: 'admin', is_active: true });
    expect(result).toMatchObject({ ok: false, status: 403, fields: ['role', 'is_active'] });
  });

  it("refuses non-admins changing someone else's profile", () => {
    expect(checkUserEdit({ id: 's', role: 'supervisor' }, 'mentor-1', { name: 'x' })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('lets admins change anything on others', () => {
    expect(
      checkUserEdit(admin, 'mentor-1', { role: 'supervisor', is_active: false, region_state: 'Kano' }),
    ).toEqual({ ok: true });
  });

  it('stops admins demoting or deactivating themselves', () => {
    expect(checkUserEdit(admin, 'admin-1', { role: 'mentor' })).toMatchObject({ ok: false, status: 409 });
    expect(checkUserEdit(admin, 'admin-1', { is_active: false })).toMatchObject({ ok: false, status: 409 });
    expect(checkUserEdit(admin, 'admin-1', { name: 'Still me' })).toEqual({ ok: true });
  });
});
