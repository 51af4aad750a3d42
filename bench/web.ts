import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@dml/infra/local/paths';
import { startWebServer } from '@dml/infra/local/web-server';

const dist = join(repoRoot, 'web', 'dist');

/** Initial JS ≤ 200 KB gzipped — the entry script and the chunks index.html preloads. */
export const initialJs = () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const gz = files.map((f) => gzipSync(readFileSync(join(dist, f))).length);
  return { files: files.length, kb_gzipped: Math.round(gz.reduce((a, b) => a + b, 0) / 102.4) / 10 };
};

/** Lighthouse, mobile preset, on the built app served as CloudFront would (the sign-in page). */
export const lighthouseScore = async () => {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const server = await startWebServer({
    distDir: dist,
    port: 0,
    config: {
      apiUrl: 'http://localhost:9',
      region: 'us-east-1',
      userPoolId: 'local_bench',
      userPoolClientId: 'bench',
      cognitoEndpoint: 'http://localhost:9',
    },
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(`${server.url}/sign-in`, {
      port: chrome.port,
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      output: 'json',
      logLevel: 'error',
    });
    const lhr = result?.lhr;
    return {
      performance: Math.round((lhr?.categories.performance?.score ?? 0) * 100),
      first_contentful_paint_ms: Math.round(Number(lhr?.audits['first-contentful-paint']?.numericValue ?? 0)),
      largest_contentful_paint_ms: Math.round(
        Number(lhr?.audits['largest-contentful-paint']?.numericValue ?? 0),
      ),
      total_blocking_time_ms: Math.round(Number(lhr?.audits['total-blocking-time']?.numericValue ?? 0)),
    };
  } finally {
    await chrome.kill();
    await server.close();
  }
};
