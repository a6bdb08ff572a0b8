import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
  keepDraft,
  keptDrafts,
} from './src/product';

describe('first run: sign in and see the demo project', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('prints the URL and the demo logins at startup', () => {
    expect(product.output()).toMatch(/Corroborate is running at http:\/\/localhost:\d+/);
    expect(product.output()).toMatch(/EDITOR\s+editor@example\.org\s+demo-editor-pass/);
  });

  it('sends a signed-out visitor to the sign-in page, which passes axe', async () => {
    await page.goto(product.url);
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.title()).toMatch(/Sign in/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows a readable error for a wrong password and stays on the sign-in page', async () => {
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' });
    await alert.waitFor();
    await screenshot(page, 'sign-in-wrong-password');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('signs the demo editor in with the keyboard and shows the demo project', async () => {
    await page.getByLabel(/^Password/).fill('demo-editor-pass');
    await page.getByLabel(/^Password/).press('Enter');
    await page.getByRole('link', { name: 'Belarus protests, Jan 2021' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');
    await expect.poll(() => page.getByText('Elena Editor').count()).toBeGreaterThan(0);
    await screenshot(page, 'projects-as-editor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('a new API token, shown only once, is not lost by going back before closing it', async () => {
    // Reached from the account menu, so going back stays within the app.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: /API tokens/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New token' }).first().click();
    await page.getByLabel(/^Name/).fill('Nightly import script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByTestId('new-api-token');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    // The browser's back button while the secret is on screen asks first; staying keeps it.
    await page.goBack();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.getByText('the new API token, shown only this once').waitFor();
    await screenshot(page, 'api-token-leave-question');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/account/tokens');
    expect(await secret.textContent()).toBe(token);
    // Once the dialog is closed ("Done") the page is left without a question.
    await page.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'hidden' });
    await page.goBack();
    await page.getByRole('link', { name: 'Belarus protests, Jan 2021' }).waitFor();
    expect(await leave.count()).toBe(0);
  });

  it('keeps the session across a reload, and signing out returns to sign-in', async () => {
    await page.reload();
    await page.getByRole('link', { name: 'Belarus protests, Jan 2021' }).waitFor();
    // A pasted article not yet worked through: signing out asks first, and staying keeps both
    // the session and the text.
    await page.getByRole('link', { name: 'Paste an article' }).click();
    const article = 'Viasna said more than 30,000 people had been detained since August 9.';
    await page.getByLabel(/^Article text/).fill(article);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.getByText('the article you pasted (no claims found in it yet)').waitFor();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/intake/extract');
    expect(await page.getByLabel(/^Article text/).inputValue()).toBe(article);
    const me = await page.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return ((await res.json()) as { data?: { me?: { email: string } } }).data?.me?.email;
    });
    expect(me).toBe('editor@example.org');
    // Choosing to discard signs out, and removes what this browser kept of unsaved forms (a
    // comment typed and not posted, say): a shared computer keeps nothing of it.
    await keepDraft(page, 'someone.comment:claim', 'Not posted yet.');
    expect(await keptDrafts(page)).toEqual(['Not posted yet.']);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await leave.getByRole('button', { name: 'Leave anyway' }).click();
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => keptDrafts(page)).toEqual([]);
    await page.goto(`${product.url}/projects`);
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
