import * as z from '../zod.ts';

/** Every error the API returns has this shape; codes and statuses are in docs/api-conventions.md. */
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
    details: z.optional(z.array(ErrorDetail)),
    /** On a version conflict: the object as it is now. */
    current: z.optional(z.unknown()),
    /** On an invalid transition: what may be done from the current status. */
    allowed_actions: z.optional(z.array(z.string())),
    /** On a rate limit: seconds until the caller may try again (the Retry-After header says the same). */
    retry_after_seconds: z.optional(z.int().check(z.positive())),
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
    if (issue.code === 'invalid_union') {
      // Bodies of several forms: the form meant is the one that knows every key sent, so report its
      // issues (which name the field) rather than a bare "Invalid input".
      const meant = issue.errors.filter(
        (form) => !form.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
      );
      if (meant.length === 1 && meant[0]) return issuesToDetails(meant[0], path);
    }
    return [{ path: path || prefix || '(root)', message: issue.message }];
  });
