import { passwordPolicy, roles } from '@dml/shared';

/**
 * The user pool as both CDK and the local runtime (cognito-local) create it. Admins create users;
 * nobody signs themselves up. Groups are the roles.
 */
export const userPoolDefinition = {
  groups: roles,
  passwordPolicy,
  /** Browser client: no secret. USER_PASSWORD_AUTH because cognito-local has no SRP; refresh for sessions. */
  clientAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  tokenValidity: { accessMinutes: 60, idMinutes: 60, refreshDays: 30 },
} as const;
