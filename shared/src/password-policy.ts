import * as z from './zod.ts';

/**
 * The user pool's password policy. CDK and the local user pool are created from it, and the web app
 * checks a new password against the same rules before the round trip.
 */
export const passwordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
} as const;

export const PASSWORD_RULES_HINT = `At least ${passwordPolicy.minLength} characters, with an uppercase letter, a lowercase letter, a number and a symbol.`;

export const NewPassword = z
  .string()
  .check(
    z.minLength(passwordPolicy.minLength, `Use at least ${passwordPolicy.minLength} characters`),
    z.regex(/[a-z]/, 'Include a lowercase letter'),
    z.regex(/[A-Z]/, 'Include an uppercase letter'),
    z.regex(/[0-9]/, 'Include a number'),
    z.regex(/[^A-Za-z0-9]/, 'Include a symbol, such as ! or #'),
  );
