import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
  verifyDemoClaim,
} from './src/product';

const DETAINED = 'Authorities have detained more than 30,000 protesters.';
const PROJECT = 'Belarus protests, Jan 2021';

async function signIn(browser: Browser, url: string, email: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  return page;
}

/** The big number of one stat card ("Open", "Verified", …). */
async function stat(page: Page, label: string): Promise<string> {
  const card = page.getByRole('group', { name: label, exact: true });
  return ((await card.locator('p').nth(1).textContent()) ?? '').trim();
}

describe('dashboard', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    await verifyDemoClaim(product.url, DETAINED);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows an editor the figures the API computes, as charts and tables, filtered through the URL', async () => {
    const page = await signIn(browser, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Verified', exact: true }).waitFor();

    const api = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const { dashboard } = await api<{
      dashboard: { open: number; verified: number; overdue: number };
    }>('{ dashboard { open verified overdue } }');
    expect(dashboard.verified).toBe(1);
    expect(await stat(page, 'Open')).toBe(String(dashboard.open));
    expect(await stat(page, 'Verified')).toBe('1');
    expect(await stat(page, 'Overdue')).toBe(String(dashboard.overdue));
    expect(await stat(page, 'Median time to verify')).toMatch(/min|h|days/);

    // Every chart has its numbers as a table; the verdicts table holds the one verified claim.
    await page.getByRole('button', { name: 'The numbers behind “Verdicts”' }).click();
    const verdicts = page.getByRole('table', { name: 'Verdicts' });
    await verdicts.waitFor();
    expect(await verdicts.getByRole('row', { name: /^True 1$/ }).count()).toBe(1);
    await page.getByRole('button', { name: /The numbers behind “Reviewer load”/ }).click();
    const load = page.getByRole('table', { name: 'Reviewer load' });
    await load.getByRole('row', { name: /Ruslan Reviewer/ }).waitFor();
    expect(await page.locator('.recharts-wrapper').count()).toBe(4);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');

    // Filters live in the URL: a project and a quick range survive a reload.
    await page.getByLabel('Project').selectOption({ label: PROJECT });
    await expect.poll(() => page.url()).toMatch(/project=/);
    // Let the project's figures load before the next change, as a person would see them.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await expect
      .poll(() => page.url())
      .toMatch(/project=.*from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.reload();
    await page.getByRole('group', { name: 'Verified', exact: true }).waitFor();
    expect(await page.getByLabel('Project').inputValue()).not.toBe('');
    expect(await stat(page, 'Verified')).toBe('1');

    // A range that ends before it starts is refused on the field, without asking the server.
    await page.getByLabel('From', { exact: true }).fill('2999-01-01');
    await page.getByText('The range ends before it starts').waitFor();
    // A range with nothing in it says so and how to widen it.
    await page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('From', { exact: true }).fill('2999-01-01');
    await page.getByRole('heading', { name: 'Nothing in this range' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('group', { name: 'Verified', exact: true }).waitFor();

    // A figure leads to the claims behind it.
    await page.getByRole('link', { name: 'See overdue claims' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('1');
    await page.context().close();
  });

  it('is not offered to a viewer', async () => {
    const page = await signIn(browser, product.url, 'viewer@example.org', 'demo-viewer-pass');
    expect(await page.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await page.goto(`${product.url}/dashboard`);
    await page.getByRole('heading', { name: "You don't have access" }).waitFor();
    await page.context().close();
  });
});
