import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
  verifyDemoClaim,
} from './src/product';

const DETAINED = 'Authorities have detained more than 30,000 protesters.';

async function signIn(browser: Browser, url: string, email: string, password: string) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  return page;
}

/** An admin names the organisation; an editor exports the verified set and downloads it. */
describe('organisation settings and export', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    await verifyDemoClaim(
      product.url,
      DETAINED,
      'The UN and Viasna independently count more than 30,000 detentions.',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('an admin sets the organisation the exports name, with field errors for bad addresses', async () => {
    const page = await signIn(browser, product.url, 'admin@example.org', 'demo-admin-pass');
    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { name: 'Organisation', level: 1 }).waitFor();
    await page.getByLabel(/^Name/).fill('Minsk Fact Desk');
    await page.getByLabel(/^Web address/).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/Only http:\/\/ and https:\/\/ addresses are allowed/).waitFor();
    await page.getByLabel(/^Web address/).fill('https://factdesk.example.org/');
    await page
      .getByLabel(/^Licence of exported data/)
      .fill('https://creativecommons.org/licenses/by/4.0/');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    await page.getByText(/^Last saved/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-organisation');
    await page.context().close();
  });

  it('an editor exports the verified set with progress and a manifest, and downloads it', async () => {
    const page: Page = await signIn(browser, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Project').selectOption({ label: 'Belarus protests, Jan 2021' });
    await page.getByRole('radio', { name: 'CSV' }).click();
    // The choices live in the URL, so the view can be shared.
    await page.waitForURL(/format=csv/);
    // The radio follows the URL on the next render; wait for it rather than racing it.
    await page.getByRole('radio', { name: 'CSV', checked: true }).waitFor();
    expect(page.url()).toMatch(/project=/);
    await page.getByRole('button', { name: 'Export verified claims' }).click();
    await page.getByRole('heading', { name: 'Export ready: 1 verified claim' }).waitFor();
    const manifest = page.getByRole('table', { name: 'Manifest' });
    await manifest.getByText('Minsk Fact Desk').waitFor();
    await manifest.getByText(/True: 1/).waitFor();
    const shown = (await manifest.getByText(/^[0-9a-f]{64}$/).textContent())!;
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'export-ready');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download corroborate-claims-.*\.csv$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^corroborate-claims-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    const text = bytes.toString('utf8');
    expect(text.split('\n')[0]).toMatch(/^claim_id,project,claim,/);
    expect(text).toContain(DETAINED);

    const [manifestDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download manifest' }).click(),
    ]);
    const json = JSON.parse(readFileSync((await manifestDownload.path())!, 'utf8')) as {
      counts: { claims: number };
      files: { sha256: string }[];
    };
    expect(json.counts.claims).toBe(1);
    expect(json.files[0].sha256).toBe(shown);
    await page.context().close();
  });

  it('an editor cuts a release, sees its delta and downloads its files', async () => {
    const page = await signIn(browser, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.getByRole('link', { name: 'Releases' }).click();
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    await page.getByText('No releases yet').waitFor();
    await page.getByLabel(/^Set name/).fill('Belarus weekly');
    await page.getByLabel(/^Project/).selectOption({ label: 'Belarus protests, Jan 2021' });
    await page.getByRole('button', { name: 'Cut release' }).click();
    await page.getByText('Release Belarus weekly #1 cut').waitFor();
    const table = page.getByRole('table', { name: 'Releases' });
    await table.getByText('Belarus weekly #1').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'releases');
    await table.getByRole('button', { name: /^Changes in Belarus weekly #1: 1 added/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Belarus weekly #1: what changed' });
    await dialog.getByRole('link', { name: DETAINED }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    const csvLink = table.getByRole('link', { name: 'Download Belarus weekly #1 as CSV' });
    const expected = (await csvLink.getAttribute('title'))!.replace('SHA-256 ', '');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^belarus-weekly-1-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(expected);
    await page.context().close();
  });

  it('viewers may export; reviewers do not see the page', async () => {
    const viewer = await signIn(browser, product.url, 'viewer@example.org', 'demo-viewer-pass');
    await viewer.getByRole('link', { name: 'Export' }).waitFor();
    await viewer.context().close();
    const reviewer = await signIn(
      browser,
      product.url,
      'reviewer@example.org',
      'demo-reviewer-pass',
    );
    expect(await reviewer.getByRole('link', { name: 'Export' }).count()).toBe(0);
    await reviewer.goto(`${product.url}/export`);
    await reviewer.getByRole('heading', { name: "You don't have access" }).waitFor();
    await reviewer.context().close();
  });
});
