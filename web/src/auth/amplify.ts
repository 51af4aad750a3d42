import { Amplify } from 'aws-amplify';
import type { AppConfig } from '../app/config.ts';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Amplify derives the AWS endpoint from the pool id; we pass `userPoolEndpoint` only when it differs
 * (cognito-local), because a custom endpoint also changes how Amplify signs and routes requests.
 */
export const userPoolEndpoint = (
  config: Pick<AppConfig, 'region' | 'cognitoEndpoint'>,
): string | undefined => {
  if (!config.cognitoEndpoint) return undefined;
  const awsDefault = `https://cognito-idp.${config.region}.amazonaws.com`;
  const endpoint = trimSlash(config.cognitoEndpoint);
  return endpoint === awsDefault ? undefined : endpoint;
};

export const amplifyAuthConfig = (config: AppConfig) => {
  const endpoint = userPoolEndpoint(config);
  return {
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(endpoint ? { userPoolEndpoint: endpoint } : {}),
        loginWith: { email: true },
      },
    },
  };
};

export const configureAmplify = (config: AppConfig) => Amplify.configure(amplifyAuthConfig(config));
