import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

const CLAIM = /^Protesters have resorted to flash-mob tactics/;

describe('a session that ends while someone is typing', () => {
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

  it('asks for the password over the page and keeps the open form, then saves', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel(/^Password/).fill('demo-editor-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('link', { name: CLAIM }).click();
    await page.getByRole('heading', { name: CLAIM }).waitFor();
    const claimUrl = page.url();

    await page.getByRole('button', { name: 'Edit claim' }).click();
    const form = page.getByRole('dialog', { name: 'Edit claim' });
    await form.getByLabel(/^Claimant/).fill('RFE/RL, Belarus Service');

    // Signed out everywhere from another device: the browser's session ends too.
    const elsewhere = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    await elsewhere('mutation { signOutEverywhere }');

    await form.getByRole('button', { name: 'Save changes' }).click();
    const prompt = page.getByRole('dialog', { name: 'Your session has ended' });
    await prompt.waitFor();
    expect(page.url()).toBe(claimUrl);
    expect(await form.getByLabel(/^Claimant/).inputValue()).toBe('RFE/RL, Belarus Service');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'session-ended-prompt');

    await prompt.getByLabel(/^Password/).fill('not-my-password');
    await prompt.getByRole('button', { name: 'Sign in', exact: true }).click();
    await prompt.getByText('Could not sign in').waitFor();
    await prompt.getByLabel(/^Password/).fill('demo-editor-pass');
    await prompt.getByRole('button', { name: 'Sign in', exact: true }).click();
    await prompt.waitFor({ state: 'detached' });

    expect(await form.getByLabel(/^Claimant/).inputValue()).toBe('RFE/RL, Belarus Service');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('RFE/RL, Belarus Service').first().waitFor();
    expect(page.url()).toBe(claimUrl);
    await context.close();
  });
});
