import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, signIn } from './browser.ts';

type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * What the browser tests of one file share: the local stack serving the built web app, one Chromium,
 * and signed-in pages each in its own context (its own cookies and storage), all closed after the
 * file's tests. Call it at the top level of the test file; `stack` and `browser` are set before the
 * tests run.
 */
export const browserSession = () => {
  const contexts: BrowserContext[] = [];
  const session = {
    stack: undefined as unknown as TestStack,
    browser: undefined as unknown as Browser,
    /** A fresh context signed in as `email`, once the home page greets them. */
    open: async (email: string, options: ContextOptions = {}): Promise<Page> => {
      const context = await session.browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, session.stack.outputs.webUrl, email, session.stack.demoPassword);
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
      return page;
    },
  };
  beforeAll(async () => {
    session.stack = await startTestStack({ web: true });
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await session.browser?.close();
    await session.stack?.stop();
  });
  return session;
};
