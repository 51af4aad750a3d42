import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@dml/shared';

/**
 * Makes sure a Cognito user exists with a permanent password and its role group; returns its `sub`,
 * which is also the user's id in our table. Safe to run on every start.
 */
export const ensureCognitoUser = async (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: { email: string; name: string; role: Role; password: string },
): Promise<string> => {
  const subOf = (attributes?: { Name?: string; Value?: string }[]) =>
    attributes?.find((a) => a.Name === 'sub')?.Value;
  let sub: string | undefined;
  try {
    const existing = await client.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }),
    );
    sub = subOf(existing.UserAttributes);
  } catch (error) {
    if (
      !(error instanceof UserNotFoundException) &&
      (error as { name?: string }).name !== 'UserNotFoundException'
    )
      throw error;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: user.name },
        ],
      }),
    );
    sub = subOf(created.User?.Attributes);
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        Password: user.password,
        Permanent: true,
      }),
    );
  }
  if (!sub) throw new Error(`Cognito returned no sub for ${user.email}`);
  await client.send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: user.role }),
  );
  return sub;
};

export { CognitoIdentityProviderClient };
