import * as z from '../zod.ts';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ table: z.enum(['reachable', 'unreachable']) }),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;

/** The OpenAPI document is generated; we only promise it is an OpenAPI 3 object. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.unknown()),
});
