import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Outputs } from '#local/app';

/** Signs users in the way the web app does (USER_PASSWORD_AUTH against the app client). */
export const createCognitoHelper = (outputs: Outputs) => {
  const client = new CognitoIdentityProviderClient({
    endpoint: outputs.cognitoEndpoint,
    region: outputs.region,
  });
  const signIn = async (email: string, password: string) => {
    const result = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: outputs.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const tokens = result.AuthenticationResult;
    if (!tokens?.AccessToken || !tokens.IdToken)
      throw new Error(`sign-in of ${email} returned ${result.ChallengeName ?? 'no tokens'}`);
    return { accessToken: tokens.AccessToken, idToken: tokens.IdToken, refreshToken: tokens.RefreshToken };
  };
  /** First sign-in of an invited user: temporary password, then the new one. */
  const completeNewPassword = async (email: string, temporaryPassword: string, newPassword: string) => {
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: outputs.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: temporaryPassword },
      }),
    );
    if (first.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
      throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${first.ChallengeName}`);
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: outputs.userPoolClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
      }),
    );
    const accessToken = done.AuthenticationResult?.AccessToken;
    if (!accessToken) throw new Error('new password challenge returned no token');
    return accessToken;
  };
  return { client, signIn, completeNewPassword };
};
