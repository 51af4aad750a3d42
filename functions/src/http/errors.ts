import type { ErrorBody } from '@dml/shared';
import { DomainError, type DomainErrorCode } from '#domain/errors';

/** The one mapping from a refusal to its HTTP status. */
const statusOf: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  account_disabled: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate: 409,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
};

const internal: ErrorBody = {
  error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
};

/**
 * The status and API error shape of anything a request threw: a domain error as it is (code,
 * message, details, `current`, `allowed_actions`), anything else as a bare 500 with no internals.
 */
export const errorResponse = (error: unknown): { status: number; body: ErrorBody; expected: boolean } => {
  if (!(error instanceof DomainError)) return { status: 500, body: internal, expected: false };
  return {
    status: statusOf[error.code],
    body: {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details?.length ? { details: error.details } : {}),
        ...error.extra,
      },
    },
    expected: true,
  };
};
