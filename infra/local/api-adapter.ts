import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FunctionName } from '@dml/functions/function-catalog';
import { type RouteDef, routeKey, routeList } from '@dml/shared';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiCors, apiMaxPayloadBytes } from '#definitions/api';
import { controlRefusal, localControlPrefix } from './control.ts';
import { invoke } from './functions.ts';
import type { createVerifier } from './jwt.ts';

type CompiledRoute = { route: RouteDef; pattern: RegExp; params: string[]; specificity: number };

/** API Gateway picks the most specific match: static segments beat `{param}` ones. */
const compile = (route: RouteDef): CompiledRoute => {
  const params: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), params, specificity: params.length };
};

const errorBody = (code: string, message: string, details?: { path: string; message: string }[]) =>
  JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } });

const decodeSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** API Gateway hands arrays in claims over as "[a b]" strings; do the same so handlers see one shape. */
const claimsForEvent = (payload: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(' ')}]` : (v as string | number | boolean),
    ]),
  );

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer | 'too-large'>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= apiMaxPayloadBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > apiMaxPayloadBytes ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

export type ApiAdapterOptions = {
  port: number;
  verify: ReturnType<typeof createVerifier>;
  allowedOrigins: string[];
  /** Local-only control routes (e.g. firing a schedule); return true when handled. */
  control?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  onRequest?: (line: { method: string; path: string; status: number; ms: number }) => void;
};

/**
 * The local stand-in for the HTTP API: same route table, same JWT rules, same v2 event shape,
 * same handlers. CORS is answered here as API Gateway's CORS configuration would.
 */
export const startApiAdapter = async (options: ApiAdapterOptions) => {
  const compiled = routeList.map(compile).sort((a, b) => a.specificity - b.specificity);

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.allowedOrigins.includes(origin)
      ? {
          'access-control-allow-origin': origin,
          vary: 'origin',
          ...(apiCors.exposeHeaders.length
            ? { 'access-control-expose-headers': apiCors.exposeHeaders.join(',') }
            : {}),
        }
      : {};

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...corsHeaders(origin),
        ...headers,
      });
      res.end(body);
      options.onRequest?.({ method, path: url.pathname, status, ms: Date.now() - started });
    };

    if (method === 'OPTIONS') {
      send(204, '', {
        'access-control-allow-methods': apiCors.allowMethods.join(','),
        'access-control-allow-headers': apiCors.allowHeaders.join(','),
        'access-control-max-age': String(apiCors.maxAgeSeconds),
      });
      return;
    }
    if (url.pathname.startsWith(localControlPrefix)) {
      const refusal = controlRefusal(req);
      if (refusal) {
        send(403, errorBody('forbidden', refusal));
        return;
      }
      if (options.control && (await options.control(req, res, url))) return;
    }

    const candidates = compiled.filter((c) => c.pattern.test(url.pathname));
    const match = candidates.find((c) => c.route.method === method);
    if (!match) {
      send(
        404,
        errorBody('not_found', candidates.length ? 'Method not allowed on this path.' : 'No such route.'),
      );
      return;
    }
    const values = match.pattern.exec(url.pathname)?.slice(1) ?? [];
    const decoded = values.map(decodeSegment);
    if (decoded.includes(null)) {
      // API Gateway answers a path it cannot decode with 400 before any function runs.
      send(
        400,
        errorBody('validation_failed', 'The request path is not validly encoded.', [
          { path: 'path', message: 'is not validly percent-encoded' },
        ]),
      );
      return;
    }
    const pathParameters = Object.fromEntries(match.params.map((name, i) => [name, decoded[i] ?? '']));

    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(',') : (v ?? ''),
      ]),
    );
    let claims: Record<string, string | number | boolean> | undefined;
    if (match.route.auth !== 'public') {
      const token = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
      const payload = token ? await options.verify(token) : null;
      if (!payload) {
        send(401, errorBody('unauthorized', 'Sign in to continue.'));
        return;
      }
      claims = claimsForEvent(payload as Record<string, unknown>);
    }

    const body = await readBody(req);
    if (body === 'too-large') {
      send(413, errorBody('payload_too_large', 'The request is larger than the API accepts.'));
      return;
    }
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const now = new Date();
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: routeKey(match.route),
      rawPath: url.pathname,
      rawQueryString: url.search.replace(/^\?/, ''),
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: routeKey(match.route),
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      },
    } as APIGatewayProxyEventV2WithJWTAuthorizer;

    try {
      const result = (await invoke(
        match.route.fn as FunctionName,
        event,
      )) as APIGatewayProxyStructuredResultV2;
      const resultHeaders = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      send(result.statusCode ?? 200, result.body ?? '', resultHeaders);
    } catch (error) {
      // In AWS a crashed Lambda is a bare 500 from API Gateway; say as little here.
      console.error(`[api] ${method} ${url.pathname} crashed:`, error);
      send(500, errorBody('internal_error', 'Internal Server Error'));
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[api] adapter error', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(errorBody('internal_error', 'Internal Server Error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
