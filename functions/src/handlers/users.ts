import { cognitoDirectory } from '#adapters/directory';
import { sesMailer } from '#adapters/mailer';
import { env } from '#env';
import { userRoutes } from '#features/users/routes';
import { httpFunction } from '#http/function';

let deps: ReturnType<Parameters<typeof userRoutes>[0]> | undefined;

export const handler = httpFunction(
  userRoutes(() => {
    deps ??= { directory: cognitoDirectory(), mailer: sesMailer(), webUrl: env('webUrl') };
    return deps;
  }),
);
