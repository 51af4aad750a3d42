import type * as CognitoSdk from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@dml/shared';
import { env } from '#env';

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

type Sdk = typeof CognitoSdk;
let loaded: Promise<{ sdk: Sdk; client: CognitoSdk.CognitoIdentityProviderClient }> | undefined;
/** The Cognito SDK loads on first use: most requests to the users function never need it (cold start). */
const cognito = <T>(run: (sdk: Sdk, client: CognitoSdk.CognitoIdentityProviderClient) => Promise<T>) => {
  loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
    sdk,
    client: new sdk.CognitoIdentityProviderClient({}),
  }));
  return loaded.then(({ sdk, client }) => run(sdk, client));
};

const subOf = (attributes?: { Name?: string; Value?: string }[]) =>
  attributes?.find((a) => a.Name === 'sub')?.Value;
const nameOf = (error: unknown) => (error as { name?: string }).name;

export const cognitoDirectory = (): UserDirectory => {
  const UserPoolId = env('userPoolId');
  return {
    create: async ({ email, name, role, temporaryPassword }) => {
      try {
        const created = await cognito((sdk, client) =>
          client.send(
            new sdk.AdminCreateUserCommand({
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
          ),
        );
        const sub = subOf(created.User?.Attributes);
        if (!sub) throw new Error('Cognito returned a user without sub');
        await cognito((sdk, client) =>
          client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: role })),
        );
        return { sub };
      } catch (error) {
        if (nameOf(error) === 'UsernameExistsException') return 'exists';
        throw error;
      }
    },
    find: async (email) => {
      try {
        const user = await cognito((sdk, client) =>
          client.send(new sdk.AdminGetUserCommand({ UserPoolId, Username: email })),
        );
        const sub = subOf(user.UserAttributes);
        return sub ? { sub, status: user.UserStatus ?? 'UNKNOWN', createdAt: user.UserCreateDate } : null;
      } catch (error) {
        if (nameOf(error) === 'UserNotFoundException') return null;
        throw error;
      }
    },
    moveToRole: async (email, from, to) => {
      await cognito((sdk, client) =>
        client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: to })),
      );
      await cognito((sdk, client) =>
        client.send(
          new sdk.AdminRemoveUserFromGroupCommand({ UserPoolId, Username: email, GroupName: from }),
        ),
      );
    },
    setEnabled: async (email, enabled) => {
      await cognito((sdk, client) =>
        client.send(
          enabled
            ? new sdk.AdminEnableUserCommand({ UserPoolId, Username: email })
            : new sdk.AdminDisableUserCommand({ UserPoolId, Username: email }),
        ),
      );
    },
    setTemporaryPassword: async (email, password) => {
      await cognito((sdk, client) =>
        client.send(
          new sdk.AdminSetUserPasswordCommand({
            UserPoolId,
            Username: email,
            Password: password,
            Permanent: false,
          }),
        ),
      );
    },
    remove: async (email) => {
      await cognito((sdk, client) =>
        client.send(new sdk.AdminDeleteUserCommand({ UserPoolId, Username: email })),
      );
    },
  };
};
