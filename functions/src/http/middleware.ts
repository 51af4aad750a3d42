import { type ErrorDetail, issuesToDetails, roles, routeKey } from '@dml/shared';
import type * as z from '@dml/shared/zod';
import type { MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { getUser } from '#data/users';
import {
  accountDisabled,
  badRequest,
  forbidden,
  notFound,
  payloadTooLarge,
  unauthorized,
} from '#domain/errors';
import { logger } from '#logger';
import { type Actor, isAccessToken } from './actor.ts';
import { errorResponse } from './errors.ts';
import type { Implemented } from './route-handler.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What the middlewares hand on to the final handler, on the Lambda context. */
export type RequestState = {
  route?: Implemented;
  actor?: Actor | null;
  input?: { params: unknown; query: unknown; body: unknown; idempotencyKey: string | undefined };
};
export type HttpContext = Context & { state?: RequestState };
type Mw = MiddlewareObj<HttpEvent, HttpResult, Error, HttpContext> & { name: string };
type Req = Parameters<NonNullable<Mw['before']>>[0];
const stateOf = (request: Req): RequestState => {
  request.context.state ??= {};
  return request.context.state;
};

const MAX_BODY_BYTES = 1_000_000;

export const jsonResponse = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: body === undefined ? '' : JSON.stringify(body),
});

/** The one place errors become responses: domain errors as they are, anything else as a bare 500. */
export const errorResponder = (): Mw => ({
  name: 'errorResponder',
  onError: (request) => {
    const { status, body, expected } = errorResponse(request.error);
    if (!expected) logger.error('unhandled error', { error: request.error as Error });
    request.response = jsonResponse(status, body);
    const retryAfter = body.error.retry_after_seconds;
    if (retryAfter !== undefined)
      request.response.headers = { ...request.response.headers, 'retry-after': String(retryAfter) };
  },
});

export const requestLogging = (): Mw => ({
  name: 'requestLogging',
  before: (request) => {
    logger.resetKeys();
    logger.appendKeys({
      requestId: request.event.requestContext?.requestId,
      routeKey: request.event.routeKey,
    });
  },
  after: (request) => {
    logger.debug('responded', { status: request.response?.statusCode });
  },
});

export const routing = (routes: readonly Implemented[]): Mw => {
  const byKey = new Map(routes.map((r) => [routeKey(r.route), r]));
  return {
    name: 'routing',
    before: (request) => {
      const route = byKey.get(request.event.routeKey);
      if (!route) throw notFound('Route');
      stateOf(request).route = route;
    },
  };
};

/** API Gateway gives `cognito:groups` as "[a b]"; the local adapter gives an array. */
const groupsFrom = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim === 'string')
    return claim
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
};

export const authentication = (): Mw => ({
  name: 'authentication',
  before: async (request) => {
    const internal = stateOf(request);
    const route = internal.route?.route;
    if (!route) return;
    if (route.auth === 'public') {
      internal.actor = null;
      return;
    }
    const claims = request.event.requestContext?.authorizer?.jwt?.claims;
    const sub = typeof claims?.sub === 'string' ? claims.sub : undefined;
    if (!sub || !isAccessToken(claims)) throw unauthorized();
    // Groups are the roles; a user belongs to one. Take the most privileged if several.
    const groups = groupsFrom(claims?.['cognito:groups']);
    const role = roles.find((r) => groups.includes(r));
    if (!role) throw forbidden('Your account has no role in this programme. Ask an administrator.');
    const profile = await getUser(sub);
    if (!profile) throw forbidden('Your account has no profile in this programme. Ask an administrator.');
    if (!profile.is_active) throw accountDisabled();
    // A token minted before a role change still carries the old group: make the client refresh it.
    if (profile.role !== role) throw unauthorized('Your role has changed. Sign in again to continue.');
    if (!route.auth.includes(role)) throw forbidden();
    internal.actor = { id: sub, role, email: profile.email, name: profile.name, profile };
  },
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

const readJsonBody = (event: HttpEvent, acceptsBody: boolean): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw payloadTooLarge('The request body is larger than 1 MB.');
  if (!acceptsBody)
    throw badRequest('This endpoint takes no request body.', [{ path: 'body', message: 'must be empty' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.', [{ path: 'body', message: 'is not valid JSON' }]);
  }
};

/** Parses path, query, body and the idempotency header against the route's zod schemas; all
 * problems are reported together, field by field. Unknown fields are errors (strict schemas). */
export const validation = (): Mw => ({
  name: 'validation',
  before: (request) => {
    const internal = stateOf(request);
    const route = internal.route?.route;
    if (!route) return;
    const event = request.event;
    const details: ErrorDetail[] = [];
    const check = (schema: z.ZodMiniType, value: unknown, prefix: string): unknown => {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      details.push(...issuesToDetails(result.error.issues, prefix));
      return undefined;
    };

    const rawBody = readJsonBody(event, Boolean(route.body));
    const queryString = event.queryStringParameters ?? {};
    const params = route.params ? check(route.params, event.pathParameters ?? {}, 'params') : undefined;
    let query: unknown;
    if (route.query) query = check(route.query, queryString, 'query');
    else if (Object.keys(queryString).length)
      details.push({ path: 'query', message: 'this endpoint takes no query parameters' });
    let body: unknown;
    if (route.body) {
      if (rawBody === undefined) details.push({ path: 'body', message: 'is required' });
      else body = check(route.body, rawBody, '');
    }

    const idempotencyHeader = event.headers?.['idempotency-key'];
    let idempotencyKey: string | undefined;
    if (idempotencyHeader !== undefined) {
      if (!route.idempotent)
        details.push({ path: 'headers.idempotency-key', message: 'is not accepted by this endpoint' });
      else if (!IDEMPOTENCY_KEY.test(idempotencyHeader))
        details.push({
          path: 'headers.idempotency-key',
          message: 'must be 8-128 letters, digits or - _ . :',
        });
      else idempotencyKey = idempotencyHeader;
    }
    if (details.length) throw badRequest('Some fields are not valid.', details);
    internal.input = { params, query, body, idempotencyKey };
  },
});
