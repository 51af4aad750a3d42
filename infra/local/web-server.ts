import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (['node_modules', 'dist', 'e2e', 'test-output'].includes(entry.name)) return newest;
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.txt']);

/** CloudFront's `compress: true`: brotli or gzip by the client's Accept-Encoding, for text types. */
const encodingFor = (file: string, acceptEncoding: string | undefined) => {
  if (!compressible.has(extname(file))) return undefined;
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (accepted.includes('br')) return 'br' as const;
  if (accepted.includes('gzip')) return 'gzip' as const;
  return undefined;
};

const compress = (bytes: Buffer, encoding: 'br' | 'gzip') =>
  encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
    : gzipSync(bytes, { level: 9 });

/** The request's path, percent-decoded; null when it is not validly encoded (e.g. `/%E0%A4%A`). */
const decodedPath = (url: string | undefined) => {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
};

/**
 * Is `path` the root or below it? Compared as a relative path: a prefix test would let `/../dist-old`
 * through, since "/app/dist-old" starts with "/app/dist".
 */
export const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** Builds the web app when its sources (or shared/) are newer than the last build. */
export const ensureWebBuild = (root: string) => {
  const webDir = join(root, 'web');
  const built = join(webDir, 'dist', 'index.html');
  if (existsSync(built)) {
    const builtAt = statSync(built).mtimeMs;
    if (newestMtime(webDir) <= builtAt && newestMtime(join(root, 'shared', 'src')) <= builtAt) return false;
  }
  console.log('Building the web app (vite build)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
  return true;
};

/**
 * Serves the built SPA as CloudFront does: static files, `index.html` for unknown paths (SPA
 * fallback), and `/config.json` made from the local outputs instead of stack outputs.
 */
export const startWebServer = async ({
  distDir,
  port,
  config,
}: {
  distDir: string;
  port: number;
  config: Record<string, unknown>;
}) => {
  const root = resolve(distDir);
  const configJson = JSON.stringify(config, null, 2);
  // Each built file compressed once per encoding; a newer mtime (a rebuild in another terminal) replaces it.
  const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();
  const compressedBody = (file: string, mtimeMs: number, encoding: 'br' | 'gzip') => {
    const key = `${encoding}:${file}`;
    const cached = compressed.get(key);
    if (cached?.mtimeMs === mtimeMs) return cached.body;
    const body = compress(readFileSync(file), encoding);
    compressed.set(key, { mtimeMs, body });
    return body;
  };
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodedPath(req.url);
    if (pathname === null) {
      // CloudFront answers a malformed URL with 400; a throw here would end npm start.
      res.writeHead(400, { 'content-type': types['.txt'] ?? 'text/plain' });
      res.end('Bad request: the URL is not validly encoded.');
      return;
    }
    if (pathname === '/config.json') {
      res.writeHead(200, {
        'content-type': types['.json'] ?? 'application/json',
        'cache-control': 'no-store',
      });
      res.end(configJson);
      return;
    }
    const candidate = resolve(root, `.${pathname}`);
    const found = isInside(root, candidate) ? statSync(candidate, { throwIfNoEntry: false }) : undefined;
    const isFile = found?.isFile() ?? false;
    const file = isFile ? candidate : join(root, 'index.html');
    const immutable = isFile && pathname.startsWith('/assets/');
    const encoding = encodingFor(file, req.headers['accept-encoding']);
    const body = encoding
      ? compressedBody(file, (isFile && found ? found : statSync(file)).mtimeMs, encoding)
      : readFileSync(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(body);
  };
  const server = createServer((req, res) => {
    try {
      serve(req, res);
    } catch (error) {
      console.error('[web] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': types['.txt'] ?? 'text/plain' });
      res.end('Internal error');
    }
  });
  await new Promise<void>((resolvePromise) => server.listen(port, '127.0.0.1', resolvePromise));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
};
