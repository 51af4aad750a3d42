import { describe, expect, it } from 'vitest';
import { signInErrorMessage, UnsupportedSignInStepError } from './signInErrors.ts';

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('signInErrorMessage', () => {
  it('says "incorrect email or password" for a wrong password and an unknown user alike', () => {
    const wrongPassword = signInErrorMessage(
      cognitoError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    expect(wrongPassword).toBe('Incorrect email or password.');
    expect(signInErrorMessage(cognitoError('UserNotFoundException', 'User does not exist.'))).toBe(
      wrongPassword,
    );
  });

  it('tells a disabled user to contact the administrator', () => {
    expect(signInErrorMessage(cognitoError('NotAuthorizedException', 'User is disabled.'))).toMatch(
      /account has been disabled/,
    );
  });

  it('explains an expired temporary password', () => {
    expect(
      signInErrorMessage(
        cognitoError(
          'NotAuthorizedException',
          'Temporary password has expired and must be reset by an administrator.',
        ),
      ),
    ).toMatch(/temporary password has expired/);
  });

  it('passes on which password rule failed when choosing a new password', () => {
    expect(
      signInErrorMessage(
        cognitoError(
          'InvalidPasswordException',
          'Password does not conform to policy: Password must have symbol characters',
        ),
        'new-password',
      ),
    ).toBe('Choose a stronger password: Password must have symbol characters.');
  });

  it('reads an invalid password while signing in as a wrong password', () => {
    expect(signInErrorMessage(cognitoError('InvalidPasswordException', 'Invalid password'))).toBe(
      'Incorrect email or password.',
    );
  });

  it('covers throttling, network failures and unsupported steps', () => {
    expect(signInErrorMessage(cognitoError('TooManyRequestsException', ''))).toMatch(/Too many attempts/);
    expect(signInErrorMessage(cognitoError('NetworkError', 'A network error has occurred.'))).toMatch(
      /Check your connection/,
    );
    expect(signInErrorMessage(new UnsupportedSignInStepError('CONFIRM_SIGN_IN_WITH_TOTP_CODE'))).toMatch(
      /does not support/,
    );
    expect(signInErrorMessage('weird')).toBe('Sign-in failed. Please try again.');
  });
});
