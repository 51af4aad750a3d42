import type { ErrorBody, ErrorCode, ErrorDetail } from '@dml/shared';

/** Failures that never reached the API's error shape: no network, or a reply we could not read. */
export type ClientErrorCode = 'network_error' | 'invalid_response';

type ErrorFields = ErrorBody['error'];

/** Every failed API call throws this: the API's error body plus the HTTP status (0 when offline). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: ErrorDetail[];
  readonly current: unknown;
  readonly allowedActions: string[] | undefined;

  constructor(
    readonly status: number,
    error: Omit<ErrorFields, 'code'> & { code: ErrorCode | ClientErrorCode },
  ) {
    super(error.message);
    this.code = error.code;
    this.details = error.details ?? [];
    this.current = error.current;
    this.allowedActions = error.allowed_actions;
  }

  /** Worth asking again: offline, timeouts, rate limits and server errors; never other 4xx. */
  get isRetryable(): boolean {
    if (this.code === 'invalid_response') return false;
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Used when a reply does not carry the API's error shape (e.g. API Gateway's own 401 or a proxy's 502). */
const fallbackByStatus: Record<number, [ErrorCode, string]> = {
  400: ['validation_failed', 'The request was not valid.'],
  401: ['unauthorized', 'Your session has expired. Please sign in again.'],
  403: ['forbidden', 'You do not have permission to do that.'],
  404: ['not_found', 'We could not find what you were looking for.'],
  409: ['conflict', 'Someone else changed this in the meantime. Reload and try again.'],
  413: ['payload_too_large', 'That is too large to send.'],
  422: ['unprocessable', 'The request could not be processed.'],
  429: ['rate_limited', 'Too many requests. Wait a moment and try again.'],
};

export const fallbackError = (status: number): ApiError => {
  const [code, message] = fallbackByStatus[status] ?? [
    'internal_error',
    'Something went wrong on our side. Please try again.',
  ];
  return new ApiError(status, { code, message });
};

/** Text to show for any failed call: the API's own message, or a generic one for unexpected errors. */
export const errorMessage = (error: unknown): string =>
  isApiError(error) ? error.message : 'Something unexpected went wrong. Please try again.';
