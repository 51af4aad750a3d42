import { ErrorBody, errorCodes } from '@dml/shared';
import { describe, expect, it } from 'vitest';
import {
  conflict,
  DomainError,
  type DomainErrorCode,
  forbiddenAction,
  invalidTransition,
  notFound,
  payloadTooLarge,
  rateLimited,
  unprocessable,
  versionConflict,
} from '#domain/errors';
import { errorResponse } from './errors.ts';

describe('turning refusals into HTTP responses', () => {
  it.each([
    [notFound('Facility'), 404, 'not_found'],
    [versionConflict({ id: 'x' }), 409, 'version_conflict'],
    [invalidTransition('No.', ['submit']), 409, 'invalid_transition'],
    [conflict('Busy.'), 409, 'conflict'],
    [forbiddenAction('Not yours.', ['approve']), 403, 'forbidden'],
    [payloadTooLarge('Too many rows.'), 413, 'payload_too_large'],
    [unprocessable('Not yet.'), 422, 'unprocessable'],
    [rateLimited(), 429, 'rate_limited'],
  ])('%s answers %i %s in the API error shape', (error, status, code) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(ErrorBody.parse(response.body).error.code).toBe(code);
  });

  it('gives every code the API knows a status (except the internal error it never throws)', () => {
    for (const code of errorCodes.filter((c) => c !== 'internal_error')) {
      const { status } = errorResponse(new DomainError(code as DomainErrorCode, 'x'));
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
    }
  });

  it('keeps the fields a client acts on: details, the current object, the allowed actions', () => {
    expect(errorResponse(versionConflict({ id: 'x', version: 3 })).body.error.current).toEqual({
      id: 'x',
      version: 3,
    });
    expect(errorResponse(forbiddenAction('Not yours.', ['approve'])).body.error).toEqual({
      code: 'forbidden',
      message: 'Not yours.',
      allowed_actions: ['approve'],
    });
    expect(
      errorResponse(notFound('Facility', [{ path: 'facility_id', message: 'is not yours' }])).body,
    ).toEqual({
      error: {
        code: 'not_found',
        message: 'Facility not found.',
        details: [{ path: 'facility_id', message: 'is not yours' }],
      },
    });
  });

  it('answers anything else with a bare 500 that names nothing internal', () => {
    const response = errorResponse(new TypeError('cannot read properties of undefined (reading pk)'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('pk');
    expect(response.body.error.code).toBe('internal_error');
  });
});
