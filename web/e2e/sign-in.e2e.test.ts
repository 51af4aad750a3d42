import { existsSync } from 'node:fs';
import { demoUsers } from '@dml/infra/local/seed/demo';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone, screenshot, signIn } from './support/browser.ts';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  stack = await startTestStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('signing in on the local stack', () => {
  for (const user of demoUsers.filter((u) => u.email !== 'mentor2@example.org')) {
    it(`shows the ${user.role} their home page`, async () => {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      try {
        await signIn(page, stack.outputs.webUrl, user.email, stack.demoPassword);
        await expect(
          page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor(),
        ).resolves.toBeUndefined();
        expect(await page.getByTestId('role-badge').first().textContent()).toContain(user.role);
        const path = await screenshot(page, `home-${user.role}`);
        expect(existsSync(path)).toBe(true);

        // The session survives a reload.
        await page.reload();
        await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
      } finally {
        await context.close();
      }
    });
  }

  it('refuses a wrong password with a readable message', async () => {
    const page = await browser.newPage();
    await signIn(page, stack.outputs.webUrl, 'mentor@example.org', 'Wrong-Passw0rd!');
    try {
      await page.getByText('Incorrect email or password.').waitFor({ timeout: 10_000 });
    } finally {
      await screenshot(page, 'sign-in-wrong-password');
      await page.close();
    }
  });
});
