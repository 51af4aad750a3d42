import middy from '@middy/core';
import {
  authentication,
  errorResponder,
  type HttpContext,
  type HttpEvent,
  type HttpResult,
  jsonResponse,
  requestLogging,
  routing,
  validation,
} from './middleware.ts';
import { type Implemented, WithStatus } from './route-handler.ts';

/**
 * The middy stack of every HTTP Lambda: middleware first (errors, logging, routing by the route
 * table's key, authentication + role, validation), then the route's implementation, which only
 * translates between HTTP and the domain.
 */
export const httpFunction = (routes: readonly Implemented[]) =>
  middy<HttpEvent, HttpResult, Error, HttpContext>()
    .use(errorResponder())
    .use(requestLogging())
    .use(routing(routes))
    .use(authentication())
    .use(validation())
    .handler(async (event, context) => {
      const state = context.state;
      if (!state?.route || !state.input || state.actor === undefined)
        throw new Error('middleware did not run');
      const result = await state.route.impl({
        ...(state.input as { params: never; query: never; body: never; idempotencyKey: string | undefined }),
        actor: state.actor as never,
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
        now: new Date(),
      });
      if (result instanceof WithStatus) return jsonResponse(result.status, result.body);
      const status = state.route.route.status ?? 200;
      return jsonResponse(status, status === 204 ? undefined : result);
    });
