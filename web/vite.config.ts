import { readFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import type { Connect, IndexHtmlTransformContext, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The app reads `/config.json` at run time so one build serves every stage (the host serves the file;
 * the build never contains one). For `vite dev` / `vite preview` we serve `.local/outputs.json`, which
 * `npm start` writes, so the dev server talks to the local stack without extra setup.
 */
const localConfigJson = (): Plugin => {
  const outputs = new URL('../.local/outputs.json', import.meta.url);
  const serve = (middlewares: Connect.Server) =>
    middlewares.use('/config.json', async (_req, res) => {
      res.setHeader('cache-control', 'no-store');
      try {
        const text = await readFile(outputs, 'utf8');
        res.setHeader('content-type', 'application/json');
        res.end(text);
      } catch {
        res.statusCode = 404;
        res.end('No .local/outputs.json yet: run `npm start` first.');
      }
    });
  return {
    name: 'dml-local-config-json',
    configureServer: (server) => {
      serve(server.middlewares);
    },
    configurePreviewServer: (server) => {
      serve(server.middlewares);
    },
  };
};

/**
 * The entry stylesheet goes into index.html as a <style>: on a slow phone network a render-blocking
 * CSS request, competing for bandwidth with the scripts, held the first paint back by a second or
 * more. It is small (≈ 6 KB gzipped). The CDK web stack allows exactly these inline styles in its CSP
 * by their sha256, read from the built index.html it deploys.
 */
const inlineEntryCss = (): Plugin => ({
  name: 'dml-inline-entry-css',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html: string, ctx: IndexHtmlTransformContext) =>
      html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, fileName: string) => {
        const asset = ctx.bundle?.[fileName];
        if (asset?.type !== 'asset') return link;
        return `<style>${String(asset.source).trim()}</style>`;
      }),
  },
});

export default defineConfig({
  plugins: [react(), localConfigJson(), inlineEntryCss()],
  server: { port: 5173 },
  build: {
    target: 'es2022',
    // Warn near our real budget (initial JS ≤ 200 KB gzipped ≈ 650 KB minified), not Vite's generic 500 KB.
    chunkSizeWarningLimit: 650,
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
