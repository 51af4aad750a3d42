import { describe, expect, it, vi } from 'vitest';
import { amplifyAuthConfig, userPoolEndpoint } from './amplify.ts';

vi.mock('aws-amplify', () => ({ Amplify: { configure: vi.fn() } }));

const base = { apiUrl: 'https://api.test', userPoolId: 'pool', userPoolClientId: 'client' };

describe('Amplify configuration', () => {
  it('passes the cognito-local endpoint to Amplify', () => {
    const config = amplifyAuthConfig({
      ...base,
      region: 'us-east-1',
      cognitoEndpoint: 'http://localhost:9229/',
    });
    expect(config.Auth.Cognito).toEqual({
      userPoolId: 'pool',
      userPoolClientId: 'client',
      userPoolEndpoint: 'http://localhost:9229',
      loginWith: { email: true },
    });
  });

  it('leaves the endpoint to Amplify when it is the AWS default for the region', () => {
    expect(
      userPoolEndpoint({
        region: 'eu-west-1',
        cognitoEndpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
      }),
    ).toBeUndefined();
    expect(amplifyAuthConfig({ ...base, region: 'eu-west-1' }).Auth.Cognito).not.toHaveProperty(
      'userPoolEndpoint',
    );
  });
});
