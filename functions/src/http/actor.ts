import type { Role, User } from '@dml/shared';

/** The caller, from the verified token (identity) and their profile item (role, active). */
export type Actor = {
  id: string;
  role: Role;
  email: string;
  name: string;
  profile: User;
};

/**
 * API Gateway's JWT authorizer accepts any token of the pool issued to the app client, ID tokens
 * included; the API's credential is the access token (`token_use: access`), so only that is let in.
 */
export const isAccessToken = (claims: Record<string, unknown> | undefined) => claims?.token_use === 'access';
