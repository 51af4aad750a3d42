import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, startWebServer } from './web-server.ts';

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

// node:http rather than fetch: fetch decodes the body itself and hides what was sent on the wire.
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Reply>((resolvePromise, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });

describe('local web server, serving the build as CloudFront does', () => {
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  let dist: string;
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'dml-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dist, 'assets', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = await startWebServer({ distDir: dist, port: 0, config: { apiUrl: 'http://localhost:3000' } });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends scripts brotli-compressed to a browser that accepts it, immutable under /assets', async () => {
    const reply = await get(`${server.url}/assets/index-abc.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['cache-control']).toContain('immutable');
    expect(reply.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it('falls back to gzip, and to plain bytes for a client that accepts neither', async () => {
    const gzip = await get(`${server.url}/assets/index-abc.js`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await get(`${server.url}/assets/index-abc.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('leaves already-compressed images alone', async () => {
    const reply = await get(`${server.url}/assets/photo.png`, { 'accept-encoding': 'br' });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers unknown paths with index.html (SPA fallback) that is revalidated each time', async () => {
    const reply = await get(`${server.url}/logs/123`);
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain('<title>app</title>');
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('serves /config.json from the local outputs, never cached', async () => {
    const reply = await get(`${server.url}/config.json`);
    expect(JSON.parse(reply.body.toString())).toEqual({ apiUrl: 'http://localhost:3000' });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('never serves a file outside the build folder', async () => {
    const reply = await get(`${server.url}/..%2F..%2Fetc%2Fpasswd`);
    expect(reply.body.toString()).toContain('<title>app</title>');
  });

  it('never serves a sibling folder whose name starts with the build folder’s', async () => {
    // e.g. dist-old beside dist: "/x/dist-old/…" starts with "/x/dist", but is not inside it.
    const sibling = `${dist}-old`;
    mkdirSync(sibling, { recursive: true });
    writeFileSync(join(sibling, 'secret.txt'), 'not for the web');
    try {
      const reply = await get(`${server.url}/..%2F${basename(sibling)}%2Fsecret.txt`);
      expect(reply.body.toString()).not.toContain('not for the web');
      expect(reply.body.toString()).toContain('<title>app</title>');
    } finally {
      rmSync(sibling, { recursive: true, force: true });
    }
  });

  it('answers a malformed URL with 400 and keeps serving', async () => {
    const bad = await get(`${server.url}/%E0%A4%A`);
    expect(bad.status).toBe(400);
    const after = await get(`${server.url}/config.json`);
    expect(after.status).toBe(200);
  });
});

describe('the build-folder check', () => {
  it('is a path check, not a prefix check', () => {
    expect(isInside('/app/dist', '/app/dist')).toBe(true);
    expect(isInside('/app/dist', '/app/dist/assets/a.js')).toBe(true);
    expect(isInside('/app/dist', '/app/dist/..hidden')).toBe(true);
    expect(isInside('/app/dist', '/app/dist-old/a.js')).toBe(false);
    expect(isInside('/app/dist', '/app/a.js')).toBe(false);
  });
});
