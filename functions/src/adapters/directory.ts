import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@dml/shared';
import { env } from '../env.ts';

/** The identity provider, as the user services need it. Cognito in AWS, cognito-local here. */
export type UserDirectory = {
  /** Creates the sign-in account with a temporary password; returns its `sub`, or `exists`. */
  create: (user: {
    email: string;
    name: string;
    role: Role;
    temporaryPassword: string;
  }) => Promise<{ sub: string } | 'exists'>;
  find: (email: string) => Promise<{ sub: string; status: string; createdAt: Date | undefined } | null>;
  moveToRole: (email: string, from: Role, to: Role) => Promise<void>;
  setEnabled: (email: string, enabled: boolean) => Promise<void>;
  setTemporaryPassword: (email: string, password: string) => Promise<void>;
  remove: (email: string) => Promise<void>;
};

let client: CognitoIdentityProviderClient | undefined;
const cognito = () => {
  client ??= new CognitoIdentityProviderClient({});
  return client;
};

const subOf = (attributes?: { Name?: string; Value?: string }[]) =>
  attributes?.find((a) => a.Name === 'sub')?.Value;
const nameOf = (error: unknown) => (error as { name?: string }).name;

export const cognitoDirectory = (): UserDirectory => {
  const UserPoolId = env('userPoolId');
  return {
    create: async ({ email, name, role, temporaryPassword }) => {
      try {
        const created = await cognito().send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: email,
            TemporaryPassword: temporaryPassword,
            // We send our own invitation (same path locally and in AWS, with a link into the app).
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
            ],
          }),
        );
        const sub = subOf(created.User?.Attributes);
        if (!sub) throw new Error('Cognito returned a user without sub');
        await cognito().send(
          new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: role }),
        );
        return { sub };
      } catch (error) {
        if (nameOf(error) === 'UsernameExistsException') return 'exists';
        throw error;
      }
    },
    find: async (email) => {
      try {
        const user = await cognito().send(new AdminGetUserCommand({ UserPoolId, Username: email }));
        const sub = subOf(user.UserAttributes);
        return sub ? { sub, status: user.UserStatus ?? 'UNKNOWN', createdAt: user.UserCreateDate } : null;
      } catch (error) {
        if (nameOf(error) === 'UserNotFoundException') return null;
        throw error;
      }
    },
    moveToRole: async (email, from, to) => {
      await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: to }));
      await cognito().send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: email, GroupName: from }),
      );
    },
    setEnabled: async (email, enabled) => {
      await cognito().send(
        enabled
          ? new AdminEnableUserCommand({ UserPoolId, Username: email })
          : new AdminDisableUserCommand({ UserPoolId, Username: email }),
      );
    },
    setTemporaryPassword: async (email, password) => {
      await cognito().send(
        new AdminSetUserPasswordCommand({
          UserPoolId,
          Username: email,
          Password: password,
          Permanent: false,
        }),
      );
    },
    remove: async (email) => {
      await cognito().send(new AdminDeleteUserCommand({ UserPoolId, Username: email }));
    },
  };
};
