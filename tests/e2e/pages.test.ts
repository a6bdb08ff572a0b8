import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

/** Every page an admin can reach, each checked with axe and looked at. */
describe('every page as an admin', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@example.org');
    await page.getByLabel(/^Password/).fill('demo-admin-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const check = async (name: string) => {
    await screenshot(page, `page-${name}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  };

  it('project list: each project counts its claims and opens them in the queue', async () => {
    const row = page.getByRole('row').filter({ hasText: 'Belarus protests, Jan 2021' });
    // The heading shows before the list has loaded (slowly on a busy machine).
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // The demo project: six claims, all still open, none verified yet.
    expect(cells.slice(1, 4)).toEqual(['6 claims', '6 open claims', '0 verified claims']);
    await check('projects');
    await row.getByRole('link', { name: '6 open claims' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.getAll('status')).toEqual(['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION']);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Showing/ })
          .textContent(),
      )
      .toBe('Showing 6 of 6 claims');
    await page.goto(`${product.url}/projects`);
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  });

  it('project page, with the agreement figure and what it rests on', async () => {
    await page.getByRole('link', { name: 'Belarus protests, Jan 2021' }).click();
    await page.getByRole('heading', { name: 'Belarus protests, Jan 2021', level: 1 }).waitFor();
    // Its claims, counted and linked to their queues.
    expect(await page.getByRole('link', { name: '6 claims' }).getAttribute('href')).toMatch(
      /^\/queue\?project=[0-9a-f-]+$/,
    );
    await page.getByRole('link', { name: '6 open' }).waitFor();
    await page.getByRole('link', { name: '0 verified' }).waitFor();
    // The figure shown is the API's, with the number of values behind it.
    const api = await graphqlAs(product.url, 'admin@example.org', 'demo-admin-pass');
    const projectId = page.url().split('/').pop();
    const { agreement } = await api<{
      agreement: { alpha: number | null; computable: boolean; pairableValues: number };
    }>(
      'query($input: AgreementInput!) { agreement(input: $input) { alpha computable pairableValues } }',
      { input: { projectId } },
    );
    expect(agreement.computable).toBe(true);
    const panel = page.getByRole('region', { name: /agreement/i });
    await panel.getByText(`α = ${agreement.alpha!.toFixed(2)}`).waitFor();
    await panel
      .getByText(`over ${agreement.pairableValues} pairable values`, { exact: false })
      .waitFor();
    await check('project');
  });

  it('user administration, with the create-user dialog', async () => {
    await page.goto(`${product.url}/admin/users`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByText('editor@example.org').waitFor();
    await check('admin-users');
    await page
      .getByRole('button', { name: /New user|Create user|Add user/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await check('admin-create-user');
    await page.keyboard.press('Escape');
  });

  it('the activity log: sign-ins with who and from where, failed ones filtered, kept in the address', async () => {
    // A failed sign-in to look for (as anyone could try one).
    const failed = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
        variables: { input: { email: 'editor@example.org', password: 'a wrong password' } },
      }),
    });
    expect(await failed.text()).toContain('UNAUTHENTICATED');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Activity' })
      .click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Activity' });
    // The admin's own sign-in (this browser's), with the address it came from.
    const signIn = table
      .getByRole('row')
      .filter({ hasText: 'auth.signed_in' })
      .filter({ hasText: 'Ada Admin' });
    await signIn.first().waitFor();
    expect(await signIn.first().textContent()).toMatch(/address: "[^"]+"/);
    // Evidence opens its claim.
    const evidence = table.getByRole('row').filter({ hasText: 'evidence.added' }).first();
    expect(await evidence.getByRole('link', { name: 'Evidence' }).getAttribute('href')).toMatch(
      /^\/claims\/[0-9a-f-]{36}$/,
    );
    await check('activity');

    await page.getByRole('combobox', { name: 'Events' }).click();
    await page.getByRole('option', { name: 'Failed and blocked sign-ins' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('events')).toBe('failed');
    const rows = table.locator('tbody tr');
    await expect
      .poll(async () =>
        (await rows.allTextContents()).every((t) => /auth\.sign_in_(failed|blocked)/.test(t)),
      )
      .toBe(true);
    const first = await rows.first().textContent();
    expect(first).toContain('No one signed in');
    expect(first).toContain('reason: "wrong password"');
    // The download is of what the filters show, with this browser's session.
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe('/api/activity.csv?actions=auth.sign_in_failed%2Cauth.sign_in_blocked');
    const csv = await page.context().request.get(`${product.url}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,actorId,actorEmail,actorName,action,entityType,entityId,changes,reason',
    );
    expect(lines.slice(1).every((line) => /auth\.sign_in_(failed|blocked)/.test(line))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    // The filter survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Events' }).inputValue()).toBe(
      'Failed and blocked sign-ins',
    );
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain('auth.sign_in_failed');

    // A range of days: today's failed sign-ins are there, none before 2020, and the download
    // takes the range along.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    await page.goto(`${product.url}/admin/activity?events=failed&from=${today}&to=${today}`);
    await rows.first().waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(today);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(
      /&from=\d{4}-\d\d-\d\dT[^&]+&to=\d{4}-\d\d-\d\dT/,
    );
    await page.goto(`${product.url}/admin/activity?events=failed&to=2019-12-31`);
    await page.getByRole('heading', { name: 'No events match these filters' }).waitFor();
    await check('activity-empty');

    // From a user's actions on the Users page: that person's activity.
    await page.goto(`${product.url}/admin/users`);
    await page.getByRole('button', { name: 'Actions for editor@example.org' }).click();
    await page.getByRole('menuitem', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('person')).not.toBeNull();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Person' }).inputValue())
      .toBe('Elena Editor (editor@example.org)');
    await rows.first().waitFor();
    const who = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(who.length).toBeGreaterThan(0);
    expect(new Set(who)).toEqual(new Set(['Elena Editor']));
  });

  it('API tokens', async () => {
    await page.goto(`${product.url}/account/tokens`);
    await page.getByRole('heading', { name: /API tokens/, level: 1 }).waitFor();
    await check('api-tokens');
  });

  it('a page that does not exist says so and links home', async () => {
    await page.goto(`${product.url}/no/such/page`);
    await page.getByRole('heading', { name: /not found/i, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: /Projects|home/i }).count()).toBeGreaterThan(0);
    await check('not-found');
  });

  it('a queue search that matches nothing shows its empty state', async () => {
    await page.goto(`${product.url}/queue?q=zzzznotaword`);
    await page.getByRole('heading', { name: 'No claims match these filters' }).waitFor();
    await check('queue-empty');
  });

  it('the new-claim dialog', async () => {
    await page.goto(`${product.url}/queue`);
    await page.getByRole('button', { name: 'New claim' }).click();
    await page.getByRole('dialog').waitFor();
    await check('new-claim');
  });

  it('the keyboard shortcuts, from ? anywhere and from the account menu; no other key acts behind them', async () => {
    await page.goto(`${product.url}/queue`);
    const table = page.getByRole('table', { name: 'Claims' });
    await table.locator('[data-row-index="0"]').waitFor();
    await page.keyboard.press('Shift+Slash');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const where of ['Anywhere', 'Queue', 'A claim opened from the queue', 'Writing a comment'])
      await dialog.getByRole('table', { name: `Shortcuts: ${where}` }).waitFor();
    const row = (does: RegExp) => dialog.getByRole('row').filter({ hasText: does });
    expect(await row(/Open the next claim of the same queue view/).textContent()).toMatch(/^n/);
    expect(await row(/Post the comment/).textContent()).toMatch(/^Ctrl \+ Enter/);
    await check('keyboard-shortcuts');
    // j behind the dialog does not move the queue's selection.
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await table.locator('[data-row-index="0"]').getAttribute('aria-selected')).toBe('true');
    // The account menu offers it too, with its key.
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    const item = page.getByRole('menuitem', { name: /Keyboard shortcuts/ });
    expect(await item.getAttribute('aria-keyshortcuts')).toBe('?');
    await item.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Typed in a field, ? is just a character.
    const search = page.getByLabel('Search claims');
    await search.fill('');
    await search.press('Shift+Slash');
    expect(await search.inputValue()).toBe('?');
    expect(await dialog.count()).toBe(0);
  });
});
