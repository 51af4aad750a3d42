import { NewPassword, PASSWORD_RULES_HINT } from '@dml/shared/password-policy';
import * as z from '@dml/shared/zod';

/** Sign-in form (Cognito credentials, not an API body, so declared here rather than in shared). */
export const SignInValues = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, 'Enter your email address')),
    z.email('Enter a valid email address, like name@example.org'),
  ),
  password: z.string().check(z.minLength(1, 'Enter your password')),
});
export type SignInValues = z.infer<typeof SignInValues>;

/** The pool's password policy (shared with CDK), checked before the round trip so people see every rule up front. */
export { PASSWORD_RULES_HINT };

export const NewPasswordValues = z
  .object({
    password: NewPassword,
    confirm: z.string().check(z.minLength(1, 'Enter the new password again')),
  })
  .check(
    z.refine((values) => values.password === values.confirm, {
      path: ['confirm'],
      message: 'The two passwords do not match',
    }),
  );
export type NewPasswordValues = z.infer<typeof NewPasswordValues>;
