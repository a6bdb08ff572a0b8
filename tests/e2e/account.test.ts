import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

async function signIn(
  context: BrowserContext,
  url: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  return page;
}

/** A person changes their own password from the account menu. */
describe('changing one’s own password', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('needs the current password, signs out the other sessions, and the new one signs in', async () => {
    const elsewhere = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const otherTab = await signIn(elsewhere, product.url, 'viewer@example.org', 'demo-viewer-pass');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'viewer@example.org', 'demo-viewer-pass');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change password', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Change password' });
    const current = form.getByLabel(/^Current password/);
    const next = form.getByLabel(/^New password/).first();
    const again = form.getByLabel(/^New password, again/);

    // Checked in the browser first: the policy and the confirmation.
    await current.fill('demo-viewer-pass');
    await next.fill('too short');
    await again.fill('something else');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password must be between 12 and 256 characters.').waitFor();
    await form.getByText('This does not match the new password; type it again.').waitFor();
    // The server knows the current password: a wrong one is named at its field.
    await current.fill('not-my-password');
    await next.fill('a long new passphrase');
    await again.fill('a long new passphrase');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The current password is not correct.').waitFor();
    // At the field, not in an alert over the form.
    expect(await form.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'account-password-refused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await current.fill('demo-viewer-pass');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed').waitFor();
    expect(await current.inputValue()).toBe('');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account-password-changed');

    // This session goes on; the other browser's ended.
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await otherTab.reload();
    await otherTab.getByRole('heading', { name: /Sign in/ }).waitFor();

    // The old password no longer signs in; the new one does.
    await otherTab.getByLabel('Email').fill('viewer@example.org');
    await otherTab.getByLabel(/^Password/).fill('demo-viewer-pass');
    await otherTab.getByRole('button', { name: 'Sign in' }).click();
    await otherTab.getByText('Email or password is incorrect.').waitFor();
    await otherTab.getByLabel(/^Password/).fill('a long new passphrase');
    await otherTab.getByRole('button', { name: 'Sign in' }).click();
    await otherTab.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await elsewhere.close();
    await context.close();
  }, 90_000);
});
