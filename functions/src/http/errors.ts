import type { ErrorBody, ErrorCode, ErrorDetail } from '@dml/shared';

type Extra = Omit<ErrorBody['error'], 'code' | 'message' | 'details'>;

/** A failure the client should see. Thrown anywhere; turned into the error shape in one place. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: Extra,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details?.length ? { details: this.details } : {}),
        ...this.extra,
      },
    };
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new HttpError(400, 'validation_failed', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new HttpError(401, 'unauthorized', message);
export const accountDisabled = () =>
  new HttpError(401, 'account_disabled', 'This account has been deactivated. Ask an administrator.');
export const forbidden = (message = 'You are not allowed to do this.') =>
  new HttpError(403, 'forbidden', message);
/** Also used for objects outside the caller's scope: never reveal that they exist. */
export const notFound = (what = 'Resource') => new HttpError(404, 'not_found', `${what} not found.`);
export const versionConflict = (current: unknown) =>
  new HttpError(
    409,
    'version_conflict',
    'Someone else changed this since you loaded it. Reload to see their changes.',
    undefined,
    { current },
  );
export const duplicate = (field: string, message: string) =>
  new HttpError(409, 'duplicate', message, [{ path: field, message }]);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new HttpError(409, 'conflict', message, details);
export const invalidTransition = (message: string, allowedActions: string[]) =>
  new HttpError(409, 'invalid_transition', message, undefined, { allowed_actions: allowedActions });
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const unprocessable = (message: string, details?: ErrorDetail[]) =>
  new HttpError(422, 'unprocessable', message, details);
export const rateLimited = (message = 'Too many requests; try again shortly.') =>
  new HttpError(429, 'rate_limited', message);
