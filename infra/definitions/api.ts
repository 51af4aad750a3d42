/**
 * HTTP API settings shared by CDK (HttpApi corsPreflight, stage throttling) and the local adapter.
 */
export const apiCors = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const,
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  /** A 429 says when to try again; the web app reads it across origins. */
  exposeHeaders: ['retry-after'] as string[],
  maxAgeSeconds: 600,
};

export const apiThrottling = { rateLimit: 50, burstLimit: 100 };

/** API Gateway HTTP APIs refuse larger payloads with 413 before any Lambda runs. */
export const apiMaxPayloadBytes = 10 * 1024 * 1024;
