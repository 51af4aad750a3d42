import { cognitoDirectory } from '../adapters/directory.ts';
import { sesMailer } from '../adapters/mailer.ts';
import { env } from '../env.ts';
import { userRoutes } from '../features/users/routes.ts';
import { httpFunction } from '../http/function.ts';

let deps: ReturnType<Parameters<typeof userRoutes>[0]> | undefined;

export const handler = httpFunction(
  userRoutes(() => {
    deps ??= { directory: cognitoDirectory(), mailer: sesMailer(), webUrl: env('webUrl') };
    return deps;
  }),
);
