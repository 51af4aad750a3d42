import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Outputs } from '#local/app';

/** What tests check in the user pool directly: whether an account is enabled, which groups it is in. */
export const createDirectoryProbe = (outputs: Pick<Outputs, 'cognitoEndpoint' | 'region' | 'userPoolId'>) => {
  const client = new CognitoIdentityProviderClient({
    endpoint: outputs.cognitoEndpoint,
    region: outputs.region,
  });
  const UserPoolId = outputs.userPoolId;
  const account = async (email: string) => {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
    return { username: user.Username ?? email, enabled: user.Enabled ?? false, status: user.UserStatus };
  };
  return {
    account,
    /** cognito-local lists groups by the internal username (not the email alias), so that is looked up first. */
    groups: async (email: string) => {
      const { username } = await account(email);
      const { Groups } = await client.send(
        new AdminListGroupsForUserCommand({ UserPoolId, Username: username }),
      );
      return Groups?.map((g) => g.GroupName);
    },
  };
};
