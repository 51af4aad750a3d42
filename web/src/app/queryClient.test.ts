import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { shouldRetryQuery } from './queryClient.ts';

const apiError = (status: number, code: ConstructorParameters<typeof ApiError>[1]['code']) =>
  new ApiError(status, { code, message: 'x' });

describe('query retry policy', () => {
  it('does not retry 4xx answers, which would fail the same way again', () => {
    expect(shouldRetryQuery(0, apiError(403, 'forbidden'))).toBe(false);
    expect(shouldRetryQuery(0, apiError(404, 'not_found'))).toBe(false);
    expect(shouldRetryQuery(0, apiError(400, 'validation_failed'))).toBe(false);
  });

  it('retries network failures, rate limits and server errors twice', () => {
    expect(shouldRetryQuery(0, apiError(0, 'network_error'))).toBe(true);
    expect(shouldRetryQuery(1, apiError(429, 'rate_limited'))).toBe(true);
    expect(shouldRetryQuery(1, apiError(503, 'internal_error'))).toBe(true);
    expect(shouldRetryQuery(2, apiError(503, 'internal_error'))).toBe(false);
  });

  it('does not retry replies the app cannot read, nor unexpected errors', () => {
    expect(shouldRetryQuery(0, apiError(200, 'invalid_response'))).toBe(false);
    expect(shouldRetryQuery(0, new Error('bug'))).toBe(false);
  });
});
