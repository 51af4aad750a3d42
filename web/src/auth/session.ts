import { type Role, roles } from '@dml/shared/roles';
import { fetchAuthSession, getCurrentUser } from 'aws-amplify/auth';

/** Who is signed in, as the tokens say; the full profile comes from `GET /api/auth/me`. */
export type Session = { userId: string; email: string; role: Role | null };

/** Cognito groups are the roles; someone in several groups gets the most privileged one. */
export const roleFromGroups = (groups: unknown): Role | null =>
  Array.isArray(groups) ? (roles.find((role) => groups.includes(role)) ?? null) : null;

/**
 * The current session, or null when signed out (or the refresh token was refused). Rethrows network
 * failures: being offline says nothing about whether the user is signed in.
 */
export const readSession = async (): Promise<Session | null> => {
  try {
    const [user, { tokens }] = await Promise.all([getCurrentUser(), fetchAuthSession()]);
    if (!tokens?.accessToken) return null;
    const email = tokens.idToken?.payload.email;
    return {
      userId: user.userId,
      email: typeof email === 'string' ? email : (user.signInDetails?.loginId ?? user.username),
      // The access token is what the API authorizes, so its groups are the role the API will apply.
      role: roleFromGroups(tokens.accessToken.payload['cognito:groups']),
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'NetworkError') throw error;
    return null;
  }
};
