import * as z from 'zod';

/** Every error the API returns has this shape (DESIGN §7). */
export const errorCodes = [
  'validation_failed',
  'unauthorized',
  'account_disabled',
  'forbidden',
  'not_found',
  'version_conflict',
  'duplicate',
  'invalid_transition',
  'conflict',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'internal_error',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
    /** On a version conflict: the object as it is now. */
    current: z.unknown().optional(),
    /** On an invalid transition: what may be done from the current status. */
    allowed_actions: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Turns zod issues into the API's field-level details (also used by the web forms). */
export const issuesToDetails = (issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] =>
  issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [path, key].filter(Boolean).join('.'),
        message: 'is not an allowed field',
      }));
    }
    return [{ path: path || prefix || '(root)', message: issue.message }];
  });
