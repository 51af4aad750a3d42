import { confirmSignIn, type SignInOutput, signIn, signOut } from 'aws-amplify/auth';

/*
 * Amplify's sign-in code (every flow and challenge) is large and only needed on the sign-in page, so
 * AuthProvider loads this module on demand; the first download keeps just session reading.
 */

/** USER_PASSWORD_AUTH: the only flow cognito-local supports, and allowed by the deployed app client. */
export const passwordSignIn = async (email: string, password: string): Promise<SignInOutput> => {
  const attempt = () =>
    signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  try {
    return await attempt();
  } catch (error) {
    // A session left behind (another tab, a failed sign-out) blocks a new sign-in: drop it, try once more.
    if (!(error instanceof Error) || error.name !== 'UserAlreadyAuthenticatedException') throw error;
    await signOut();
    return attempt();
  }
};

/** Answers the "set a new password" challenge of a first sign-in with a temporary password. */
export const submitNewPassword = (password: string): Promise<SignInOutput> =>
  confirmSignIn({ challengeResponse: password });
