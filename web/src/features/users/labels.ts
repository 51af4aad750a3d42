import { type Role, roles } from '@dml/shared/roles';

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  supervisor: 'Supervisor',
  mentor: 'Mentor',
};

/** Role choices, least privileged first (the usual choice on top). */
export const roleOptions = [...roles].reverse().map((value) => ({ value, label: roleLabels[value] }));
