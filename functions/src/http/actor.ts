import type { Role, User } from '@dml/shared';

/** The caller, from the verified token (identity) and their profile item (role, active). */
export type Actor = {
  id: string;
  role: Role;
  email: string;
  name: string;
  profile: User;
};
