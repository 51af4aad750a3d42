import { type Role, selfEditableUserFields, type UpdateUserBody } from '@dml/shared';

export type UserEditCheck =
  | { ok: true }
  | { ok: false; status: 403 | 409; message: string; fields?: string[] };

/**
 * Who may change which profile fields. Users edit a few fields of their own profile; admins edit
 * anyone's, but never remove their own admin role or deactivate themselves (no programme should lose
 * its last way in by accident).
 */
export const checkUserEdit = (
  actor: { id: string; role: Role },
  targetId: string,
  body: Omit<UpdateUserBody, 'version'>,
): UserEditCheck => {
  const fields = Object.keys(body);
  const isSelf = actor.id === targetId;
  if (actor.role !== 'admin') {
    if (!isSelf) return { ok: false, status: 403, message: 'You can only change your own profile.' };
    const forbidden = fields.filter((f) => !(selfEditableUserFields as readonly string[]).includes(f));
    if (forbidden.length) {
      return {
        ok: false,
        status: 403,
        message: `You can change your name, designation, phone and reminder emails only (not ${forbidden.join(', ')}).`,
        fields: forbidden,
      };
    }
    return { ok: true };
  }
  if (isSelf && body.role !== undefined && body.role !== 'admin') {
    return {
      ok: false,
      status: 409,
      message: 'You cannot remove your own admin role; ask another admin.',
      fields: ['role'],
    };
  }
  if (isSelf && body.is_active === false) {
    return {
      ok: false,
      status: 409,
      message: 'You cannot deactivate your own account; ask another admin.',
      fields: ['is_active'],
    };
  }
  return { ok: true };
};
