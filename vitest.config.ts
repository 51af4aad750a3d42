import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` covers every project:
 *  - unit: pure rules and modules (no emulator), beside the code as x.test.ts;
 *  - infra: CDK assertions + cdk-nag (synthesizes the app, bundling functions with local esbuild);
 *  - web: React components (jsdom), configured in web/vite.config.ts;
 *  - integration: x.int.test.ts against DynamoDB Local, s3rver, aws-ses-v2-local and cognito-local,
 *    which the project's global setup starts (and stops) itself;
 *  - e2e: headless Chromium (playwright-core) against the full local stack.
 */
export default defineConfig({
  test: {
    // CI keeps a machine-readable result beside the log (test-output/ is not committed).
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'test-output/junit.xml' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{shared,events,functions,infra}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts', 'infra/test/**'],
        },
      },
      {
        test: {
          name: 'infra',
          environment: 'node',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      'web/vite.config.ts',
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['{functions,infra}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['infra/local/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['infra/local/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
