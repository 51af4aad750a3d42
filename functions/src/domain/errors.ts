import type { ErrorCode, ErrorDetail } from '@dml/shared';

/** Every code a rule can refuse with; `internal_error` is only ever the HTTP layer's own fallback. */
export type DomainErrorCode = Exclude<ErrorCode, 'internal_error'>;

/** Fields some refusals carry beside the message: the object as it is now, or what may be done instead. */
export type DomainErrorExtra = {
  current?: unknown;
  allowed_actions?: string[];
  /** On a rate limit: seconds until the caller may try again (also sent as Retry-After). */
  retry_after_seconds?: number;
};

/**
 * A rule said no. Services, the data layer and event handlers throw these; they know nothing of HTTP.
 * The HTTP layer turns each code into its status and the API's error shape in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: DomainErrorExtra,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** True for a domain error, optionally only of the given codes (for callers that treat some as an outcome). */
export const isDomainError = (error: unknown, ...codes: DomainErrorCode[]): error is DomainError =>
  error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new DomainError('validation_failed', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new DomainError('unauthorized', message);
export const accountDisabled = () =>
  new DomainError('account_disabled', 'This account has been deactivated. Ask an administrator.');
export const forbidden = (message = 'You are not allowed to do this.', details?: ErrorDetail[]) =>
  new DomainError('forbidden', message, details);
/** Also used for objects outside the caller's scope: never reveal that they exist. */
export const notFound = (what = 'Resource', details?: ErrorDetail[]) =>
  new DomainError('not_found', `${what} not found.`, details);
/** `current` is the object as it is now, in the shape the route answers with, so the client can merge. */
export const versionConflict = (current: unknown) =>
  new DomainError(
    'version_conflict',
    'Someone else changed this since you loaded it. Reload to see their changes.',
    undefined,
    { current },
  );
export const duplicate = (field: string, message: string) =>
  new DomainError('duplicate', message, [{ path: field, message }]);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new DomainError('conflict', message, details);
export const invalidTransition = (message: string, allowedActions: string[]) =>
  new DomainError('invalid_transition', message, undefined, { allowed_actions: allowedActions });
/** Refused by role for this object; says what the caller may do instead. */
export const forbiddenAction = (message: string, allowedActions: string[]) =>
  new DomainError('forbidden', message, undefined, { allowed_actions: allowedActions });
export const payloadTooLarge = (message: string) => new DomainError('payload_too_large', message);
export const unprocessable = (message: string, details?: ErrorDetail[]) =>
  new DomainError('unprocessable', message, details);
export const rateLimited = (message = 'Too many requests; try again shortly.', retryAfterSeconds?: number) =>
  new DomainError(
    'rate_limited',
    message,
    undefined,
    retryAfterSeconds === undefined ? undefined : { retry_after_seconds: retryAfterSeconds },
  );
