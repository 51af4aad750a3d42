import type { Endpoints } from './emulators.ts';

/**
 * Environment that points the AWS SDK at the emulators. The SDK reads service-specific
 * `AWS_ENDPOINT_URL_<SERVICE>` itself, so function code is the same here as in AWS.
 * s3rver only accepts the access key id `S3RVER`; the other emulators accept anything.
 */
export const awsEnvFor = (endpoints: Endpoints, region = 'us-east-1'): Record<string, string> => ({
  AWS_REGION: region,
  AWS_DEFAULT_REGION: region,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamodb,
  AWS_ENDPOINT_URL_S3: endpoints.s3,
  AWS_ENDPOINT_URL_SESV2: endpoints.ses,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
});

export const applyEnv = (vars: Record<string, string>) => {
  for (const [key, value] of Object.entries(vars)) process.env[key] = value;
};
