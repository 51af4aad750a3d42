import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

export type CognitoConfig = { endpoint: string; userPoolId: string; userPoolClientId: string };

/**
 * Verifies Cognito tokens as API Gateway's JWT authorizer does — RS256 signature from the pool's
 * JWKS, issuer, expiry, the app client — and accepts access tokens only: they are the API's
 * credential (an ID token describes the user to the web app; its `aud` is the client, an access
 * token names the client in `client_id`). The handlers check `token_use` again, for API Gateway,
 * whose authorizer accepts both. The same verifier works against real Cognito; only issuer and JWKS
 * URI differ.
 */
export const createVerifier = ({ endpoint, userPoolId, userPoolClientId }: CognitoConfig) => {
  const issuer = `${endpoint}/${userPoolId}`;
  const verifier = JwtRsaVerifier.create(
    {
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('only access tokens are accepted');
        if (payload.client_id !== userPoolClientId) throw new Error('token was issued to another client');
      },
    },
    {
      // The default fetcher speaks https only; cognito-local serves its JWKS over http.
      jwksCache: new SimpleJwksCache({
        fetcher: {
          fetch: async (uri: string) => {
            const response = await fetch(uri);
            if (!response.ok) throw new Error(`JWKS fetch failed: ${response.status}`);
            return response.arrayBuffer();
          },
        },
      }),
    },
  );
  return async (token: string): Promise<JwtPayload | null> => {
    try {
      return await verifier.verify(token);
    } catch {
      return null;
    }
  };
};
