/** Thrown when Cognito asks for a step we do not offer (MFA, custom challenges). */
export class UnsupportedSignInStepError extends Error {
  override readonly name = 'UnsupportedSignInStepError';
  constructor(readonly step: string) {
    super(`Unsupported sign-in step: ${step}`);
  }
}

const WRONG_CREDENTIALS = 'Incorrect email or password.';
const TOO_MANY = 'Too many attempts. Wait a few minutes and try again.';

/**
 * Cognito and Amplify error names → text a person can act on. Unknown errors get a generic message.
 * `step` matters for InvalidPasswordException: choosing a new password, it names the broken rule;
 * signing in, it means a wrong password (cognito-local answers a wrong password that way).
 */
export const signInErrorMessage = (error: unknown, step: 'sign-in' | 'new-password' = 'sign-in'): string => {
  if (error instanceof TypeError)
    return "Can't reach the sign-in service. Check your connection and try again.";
  if (!(error instanceof Error)) return 'Sign-in failed. Please try again.';
  const { name, message } = error;
  switch (name) {
    case 'NotAuthorizedException':
      if (/disabled/i.test(message)) {
        return 'Your account has been disabled. Contact your programme administrator.';
      }
      if (/temporary password has expired/i.test(message)) {
        return 'Your temporary password has expired. Ask your programme administrator to send a new invitation.';
      }
      if (/session/i.test(message)) return 'This sign-in took too long. Please start again.';
      return WRONG_CREDENTIALS;
    case 'UserNotFoundException':
      // Same text as a wrong password: the sign-in form must not reveal who has an account.
      return WRONG_CREDENTIALS;
    case 'PasswordResetRequiredException':
      return 'Your password must be reset before you can sign in. Contact your programme administrator.';
    case 'UserNotConfirmedException':
      return 'Your account is not confirmed yet. Contact your programme administrator.';
    case 'InvalidPasswordException': {
      if (step === 'sign-in') return WRONG_CREDENTIALS;
      // Cognito: "Password does not conform to policy: Password must have uppercase characters".
      const rule = message.split(':').pop()?.trim();
      return rule ? `Choose a stronger password: ${rule}.` : 'Choose a stronger password.';
    }
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
      return TOO_MANY;
    case 'NetworkError':
      return "Can't reach the sign-in service. Check your connection and try again.";
    case 'SignInException':
      return 'This sign-in took too long. Please start again.';
    case 'EmptySignInUsername':
    case 'EmptySignInPassword':
    case 'EmptyChallengeResponse':
      return 'Enter your email address and password.';
    case 'UnsupportedSignInStepError':
      return 'This account needs a sign-in step the app does not support yet. Contact your programme administrator.';
    default:
      return 'Sign-in failed. Please try again.';
  }
};
