import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
  keptDrafts,
} from './src/product';

async function signIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill('editor@example.org');
  await page.getByLabel(/^Password/).fill('demo-editor-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  return page;
}

async function chooseProject(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: /^Project/ }).click();
  await page.getByRole('option', { name: 'Belarus protests, Jan 2021' }).click();
}

/** An article in the style of the reference article (RFE/RL, January 2021). */
const ARTICLE = [
  'Belarus Protesters March In Residential Areas',
  '',
  "The United States and the European Union have refused to recognize Lukashenka's reelection as legitimate.",
  '',
  'The independent BelaPAN news agency reported that protesters staged at least 30 marches and rallies on January 17.',
  '',
  'The United Nations says authorities have detained more than 30,000 protesters. It was a cold Sunday.',
].join('\n');

describe('intake: extraction, duplicates, merging and imports', () => {
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

  it('pastes an article, accepts two extracted claims, sees the duplicate warning and merges', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url);
    await page.getByRole('link', { name: 'Paste an article' }).click();
    await page.getByRole('heading', { name: 'Paste an article', level: 1 }).waitFor();
    await chooseProject(page);
    await page.getByLabel('Article text').fill(ARTICLE);
    // The article's address and date become each accepted claim's first appearance.
    await page.getByLabel('Article address').fill('rferl.org/a/belarus-marches');
    await page.getByText('starting with http:// or https://').waitFor();
    await page
      .getByLabel('Article address')
      .fill('https://www.rferl.org/a/belarus-marches/31050000.html');
    await page.getByLabel('Published on').fill('2021-01-17');
    await page.getByRole('button', { name: 'Find candidate claims' }).click();

    const candidates = page.getByRole('region', { name: /^Candidate \d+$/ });
    await candidates.first().waitFor();
    expect(await candidates.count()).toBe(3);
    const un = candidates.filter({ hasText: 'more than 30,000' });
    const belapan = candidates.filter({ hasText: 'at least 30 marches' });
    const usEu = candidates.filter({ hasText: 'refused to recognize' });
    // The claimant is guessed and editable.
    expect(await un.getByLabel('Claimant').inputValue()).toBe('The United Nations');
    expect(await belapan.getByLabel('Claimant').inputValue()).toBe('BelaPAN news agency');
    // The demo already holds the UN figure and the US/EU statement: duplicate warnings.
    await un.getByText('Likely duplicates in this project').waitFor();
    await usEu.getByText('100% similar').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-extract-candidates');

    await un.getByLabel('Claimant').fill('UN human rights office');
    await un.getByRole('button', { name: 'Accept' }).click();
    await un.getByText('Accepted:').waitFor();
    // A double click creates one claim, not two.
    await belapan.getByRole('button', { name: 'Accept' }).dblclick();
    await belapan.getByText('Accepted:').waitFor();
    const href = await belapan
      .getByRole('link', { name: 'open the new claim' })
      .getAttribute('href');
    const api = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const { claim } = await api<{
      claim: { firstAppearanceUrl: string; firstAppearedAt: string };
    }>('query($id: ID!) { claim(id: $id) { firstAppearanceUrl firstAppearedAt } }', {
      id: href!.split('/').pop(),
    });
    expect(claim.firstAppearanceUrl).toBe('https://www.rferl.org/a/belarus-marches/31050000.html');
    expect(claim.firstAppearedAt.slice(0, 10)).toBe('2021-01-17');
    const marches = await api<{ claims: { totalCount: number } }>(
      '{ claims(filter: { text: "staged marches rallies" }) { totalCount } }',
    );
    expect(marches.claims.totalCount).toBe(2); // the demo's claim and the one accepted here
    await usEu.getByRole('button', { name: 'Discard' }).click();
    await usEu.getByText('Discarded').waitFor();
    await page.getByText('3 candidates, 0 still to decide.').waitFor();
    // Searching again keeps every decision: nothing accepted is offered again.
    await page.getByRole('button', { name: 'Find candidate claims' }).click();
    await page.getByText('3 candidates, 0 still to decide.').waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await belapan.getByText('Accepted:').waitFor();

    // Merge the new UN claim into the existing demo claim from the duplicate suggestion.
    await un.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge duplicate claims' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('merge-survivor').textContent()).toBe(
      'Authorities have detained more than 30,000 protesters.',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Claims merged').waitFor();

    // The merged claim is rejected as a duplicate of the survivor, and cannot be merged again.
    await un.getByText('Merged as a duplicate').waitFor();
    expect(await un.getByRole('button', { name: 'Merge…' }).count()).toBe(0);
    await un.getByRole('link', { name: 'the new claim, now rejected' }).click();
    await page.getByText('Rejected').first().waitFor();
    await context.close();
  });

  it('shows likely duplicates in the new-claim form as the editor types', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url);
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('button', { name: 'New claim' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Project').click();
    await page.getByRole('option', { name: 'Belarus protests, Jan 2021' }).click();
    await dialog
      .getByLabel(/^Claim( \*)?$/)
      .fill('The presidential vote of August 9 was rigged for Lukashenka');
    await dialog.getByText('Likely duplicates in this project').waitFor();
    await dialog
      .getByRole('link', {
        name: 'The August 9 presidential vote was rigged in favor of Lukashenka.',
      })
      .waitFor();
    await screenshot(page, 'intake-new-claim-duplicates');
    // Closed by mistake (Escape) before it was created: the next "New claim" starts from what was
    // typed, saying so; "Cancel" would have kept nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'New claim' }).click();
    await dialog.getByText('Brought back what you typed').waitFor();
    expect(await dialog.getByLabel(/^Claim( \*)?$/).inputValue()).toBe(
      'The presidential vote of August 9 was rigged for Lukashenka',
    );
    expect(await dialog.getByLabel('Project').inputValue()).toBe('Belarus protests, Jan 2021');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    // Created: nothing of it is kept; the next new claim starts empty.
    expect(await keptDrafts(page)).toEqual([]);

    // The claim page offers the same suggestion, with a merge into the existing claim.
    await page.getByText('Likely duplicates in this project').waitFor();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge duplicate claims' });
    await merge.getByRole('button', { name: 'Merge' }).click();
    await page
      .getByRole('heading', {
        name: 'The August 9 presidential vote was rigged in favor of Lukashenka.',
      })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('previews a file with errors (problem table, no import), then a large one imported stage by stage, then one with a duplicate warning', async () => {
    const api = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const countClaims = async () =>
      (await api<{ claims: { totalCount: number } }>('{ claims { totalCount } }')).claims
        .totalCount;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import claims', level: 1 }).waitFor();
    await chooseProject(page);
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'claims.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('text,priority\nFine row.,HIGH\nBad row.,SOON\n,LOW\n'),
    });
    await page.getByText('Recognised from the file name.').waitFor();
    const claimsBefore = await countClaims();
    await page.getByRole('button', { name: 'Preview' }).click();
    const problems = page.getByRole('table', { name: 'Import problems' });
    await problems.waitFor();
    await page.getByText('This file cannot be imported', { exact: true }).waitFor();
    const rows = problems.getByRole('row');
    expect(await rows.count()).toBe(3); // header + 2 problems
    expect(await rows.nth(1).textContent()).toMatch(
      /^3priority.*"SOON" is not one of the allowed values/,
    );
    expect(await rows.nth(2).textContent()).toMatch(/^4texttext is required\./);
    // No way to import it, and nothing was written.
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Import preview' }).count()).toBe(0);
    expect(await countClaims()).toBe(claimsBefore);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-import-errors');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await problems.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Preview' }).waitFor();

    // A larger file: once it is uploaded and checked, the page follows the import's stages. Its
    // claims are made of words drawn at random (mulberry32), so few look alike.
    const words =
      'ballot observer station district count protest march detained journalist court fine ministry commission statement report agency witness video photo police border union strike factory school hospital church village city region river bridge square night morning evening tractor garden harbour railway airport library museum theatre stadium market bakery pharmacy'.split(
        ' ',
      );
    let seed = 7;
    const draw = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return words[((t ^ (t >>> 14)) >>> 0) % words.length];
    };
    const big = ['text,claimant,priority'];
    for (let i = 0; i < 20_000; i++)
      big.push(`${Array.from({ length: 9 }, draw).join(' ')} ${i},Desk ${i % 9},NORMAL`);
    await fileInput.setInputFiles({
      name: 'stations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${big.join('\n')}\n`),
    });
    await page.evaluate(() => {
      // This runs in the page (the Node typecheck has no DOM types).
      const page = globalThis as unknown as {
        document: {
          body: unknown;
          querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
        };
        MutationObserver: new (callback: () => void) => {
          observe(target: unknown, options: Record<string, boolean>): void;
        };
        statuses: string[];
      };
      page.statuses = [];
      new page.MutationObserver(() => {
        for (const element of page.document.querySelectorAll('[role="status"]')) {
          const text = element.textContent ?? '';
          if (text && !page.statuses.includes(text)) page.statuses.push(text);
        }
      }).observe(page.document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The first 20 claims, as they will be imported').waitFor();
    await page.getByText('… and 19,980 more claims, checked the same way.').waitFor();
    await page.getByRole('button', { name: 'Import 20,000 claims' }).click();
    await page.getByText(/^Writing claims… [\d,]+ of 20,000$/).waitFor();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    // Leaving while it runs asks first: what it imported, or every problem found, shows only here.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queue' })
      .click();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.getByText(/^the import under way/).waitFor();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/import');
    await screenshot(page, 'intake-import-writing');
    await page
      .getByText('20,000 claims, 0 evidence items and 0 new sources from 20,000 records.', {
        exact: false,
      })
      .waitFor({ timeout: 120_000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const statuses = await page.evaluate(
      () => (globalThis as unknown as { statuses: string[] }).statuses,
    );
    expect(statuses).toContainEqual(
      expect.stringMatching(
        /^File checked\. Looking for likely duplicates of the first 1,000 claims…/,
      ),
    );
    const writing = statuses.filter((t) => t.startsWith('Writing claims… '));
    expect(writing.length).toBeGreaterThanOrEqual(2);
    // The result lists the first 100 created claims and sends the reader to the queue for the rest.
    const created = page.getByRole('list').filter({ has: page.getByRole('listitem') });
    expect(await created.getByRole('listitem').count()).toBe(100);
    await page.getByText('… and 19,900 more:', { exact: false }).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'open the project’s newest claims' })
        .getAttribute('href'),
    ).toMatch(/^\/queue\?project=[^&]+&sort=CREATED_DESC$/);
    await screenshot(page, 'intake-import-large-done');

    await fileInput.setInputFiles({
      name: 'claims.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(
        [
          JSON.stringify({ text: 'Authorities have detained more than 30,000 protesters.' }),
          JSON.stringify({ text: 'Several journalists were fined for covering the marches.' }),
        ].join('\n'),
      ),
    });
    // The preview shows each claim as it will be imported, with its likely duplicates, and
    // writes nothing until the import is confirmed.
    const beforePreview = await countClaims();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('table', { name: 'Import preview' });
    await preview.waitFor();
    await page
      .getByText('claims.ndjson holds 2 claims with 0 evidence items', { exact: false })
      .waitFor();
    const previewRows = preview.locator('tbody tr');
    expect(await previewRows.count()).toBe(2);
    expect(await previewRows.nth(0).locator('td').first().textContent()).toBe('1');
    await previewRows
      .nth(0)
      .getByRole('link', {
        name: 'Authorities have detained more than 30,000 protesters.',
        exact: true,
      })
      .waitFor();
    expect(await previewRows.nth(1).textContent()).toContain(
      'Several journalists were fined for covering the marches.',
    );
    expect(await previewRows.nth(1).locator('td').nth(4).textContent()).toBe('Normal');
    expect(await countClaims()).toBe(beforePreview);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-import-preview');
    await page.getByRole('button', { name: 'Import 2 claims' }).click();
    await page.getByText('2 claims, 0 evidence items and 0 new sources from 2 records.').waitFor();
    expect(await countClaims()).toBe(beforePreview + 2);
    await page.getByRole('table', { name: 'Likely duplicates' }).waitFor();
    await page
      .getByRole('link', { name: 'Several journalists were fined for covering the marches.' })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-import-done');

    // 120 near-copies of a claim the project holds: each is a likely duplicate of it and of the
    // copies before it. The table shows the first 100, three matches each, and says so.
    const copies = ['text'];
    for (let i = 1; i <= 120; i++)
      copies.push(`"Authorities have detained more than 30,000 protesters (copy ${i})."`);
    await fileInput.setInputFiles({
      name: 'copies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${copies.join('\n')}\n`),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import 120 claims' }).click();
    await page
      .getByText('120 claims, 0 evidence items and 0 new sources from 120 records.')
      .waitFor();
    await page.getByRole('heading', { name: 'Likely duplicates (120)' }).waitFor();
    const warnings = page.getByRole('table', { name: 'Likely duplicates' });
    expect(await warnings.locator('tbody tr').count()).toBe(100);
    await page.getByText('The first 100 are shown.', { exact: false }).waitFor();
    const last = warnings.locator('tbody tr').nth(99);
    expect(await last.getByRole('link').count()).toBe(3);
    await last.getByText(/^and \d+ more$/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'intake-import-many-duplicates');
    await context.close();
  }, 240_000);
});
