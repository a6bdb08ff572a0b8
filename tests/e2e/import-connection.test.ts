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

const TEXT = 'Riot police detained 41 journalists covering the Sunday marches.';

describe('an import whose answer never arrives', () => {
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

  it('says the import may have been saved and links to the newest claims, instead of inviting a blind retry', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel(/^Password/).fill('demo-editor-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    // The server receives and commits the import; the connection then breaks before its answer.
    await page.route('**/api/projects/*/imports*', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('combobox', { name: /^Project/ }).click();
    await page.getByRole('option', { name: 'Belarus protests, Jan 2021' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'claims.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`text\n${TEXT}\n`),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import 1 claim' }).click();

    await page.getByText('The import may have been saved', { exact: true }).waitFor();
    await page
      .getByText('importing twice would create every claim twice', { exact: false })
      .waitFor();
    expect(await page.getByText('Nothing was imported', { exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'import-outcome-unknown');

    // It was indeed saved, and the link shows it first.
    const api = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const found = await api<{ claims: { totalCount: number } }>(
      '{ claims(filter: { text: "journalists covering Sunday" }) { totalCount } }',
    );
    expect(found.claims.totalCount).toBe(1);
    await page.getByRole('link', { name: 'Open the project’s newest claims' }).click();
    await page.getByRole('table', { name: 'Claims' }).getByRole('link').first().waitFor();
    expect(
      await page.getByRole('table', { name: 'Claims' }).getByRole('link').first().textContent(),
    ).toBe(TEXT);
    await context.close();
  });
});
