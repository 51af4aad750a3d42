import { readFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
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

export default defineConfig({
  plugins: [react(), localConfigJson()],
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
