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

/** More than the first page and two later pages (50 claims each): four pages in all. */
const CLAIMS = 170;
const EDITOR = { email: 'editor@example.org', password: 'demo-editor-pass' };

async function signInCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      variables: { input: EDITOR },
    }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

interface FarPage {
  data: { claims: { edges: { cursor: string; node: { id: string; text: string } }[] } };
}

interface Box {
  top: number;
  bottom: number;
}

interface RowsDocument {
  querySelector(s: string): {
    parentElement: { scrollTop: number; clientHeight: number; getBoundingClientRect(): Box };
  } | null;
  querySelectorAll(s: string): ArrayLike<{
    getAttribute(name: string): string | null;
    getBoundingClientRect(): Box;
    querySelector(s: string): { textContent: string | null } | null;
  }>;
}

/**
 * Scrolls the queue's own scroll container down a screenful at a time until `done` holds, and
 * returns the text of every row rendered on the way, by row index. After each scroll it waits
 * until a row is drawn across the middle of the visible area (rows coming into view mount in a
 * deferred render, later on a busy machine), so every screenful a reader would see is sampled.
 */
async function scrollQueueUntil(
  page: Page,
  done: () => Promise<boolean>,
): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await page.evaluate(() => {
      // This runs in the page (the Node typecheck has no DOM types): the page's own document.
      const { document } = globalThis as unknown as { document: RowsDocument };
      return Array.from(document.querySelectorAll('[aria-label="Claims"] [data-row-index]')).map(
        (row) =>
          [
            Number(row.getAttribute('data-row-index')),
            row.querySelector('a')?.textContent ?? '',
          ] as const,
      );
    });
    for (const [index, text] of rows) seen.set(index, text);
    if (await done()) return seen;
    if (Date.now() > deadline) throw new Error('The queue did not load its later pages');
    await page.evaluate(() => {
      const { document } = globalThis as unknown as { document: RowsDocument };
      const container = document.querySelector('[aria-label="Claims"]')?.parentElement;
      if (container) container.scrollTop += container.clientHeight;
    });
    await page.waitForFunction(
      () => {
        const { document } = globalThis as unknown as { document: RowsDocument };
        const container = document.querySelector('[aria-label="Claims"]')?.parentElement;
        if (!container) return false;
        const box = container.getBoundingClientRect();
        const middle = (box.top + box.bottom) / 2;
        return Array.from(document.querySelectorAll('[aria-label="Claims"] [data-row-index]')).some(
          (row) => {
            const rowBox = row.getBoundingClientRect();
            return rowBox.top <= middle && rowBox.bottom >= middle;
          },
        );
      },
      undefined,
      { timeout: 10_000 },
    );
    // While the next page loads the list cannot scroll further: do not spin.
    await page.waitForTimeout(50);
  }
}

describe('a long queue', () => {
  let product: RunningProduct;
  let browser: Browser;
  let projectId = '';
  /** The claims' texts in the queue's default order, as the API pages them. */
  const expected: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const call = await graphqlAs(product.url, EDITOR.email, EDITOR.password);
    const { createProject } = await call<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Long queue desk' } },
    );
    projectId = createProject.id;
    const lines = ['text,claimant,topics,priority'];
    for (let i = 1; i <= CLAIMS; i++) {
      lines.push(`"Long queue claim number ${i} about the march.",Source ${i % 7},marches,NORMAL`);
    }
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'claims.csv');
    const res = await fetch(`${product.url}/api/projects/${projectId}/imports`, {
      method: 'POST',
      headers: { cookie: await signInCookie(product.url), 'x-requested-with': 'XMLHttpRequest' },
      body: form,
    });
    expect(res.status).toBe(201);
    let after: string | null = null;
    do {
      const page: {
        claims: {
          edges: { node: { text: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await call(
        `query($filter: ClaimFilter, $after: String) {
          claims(filter: $filter, first: 200, after: $after) {
            edges { node { text } } pageInfo { hasNextPage endCursor }
          }
        }`,
        { filter: { projectId }, after },
      );
      expected.push(...page.claims.edges.map((edge) => edge.node.text));
      after = page.claims.pageInfo.hasNextPage ? page.claims.pageInfo.endCursor : null;
    } while (after !== null);
    expect(expected).toHaveLength(CLAIMS);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('loads every page while scrolling, in order and once each; selection and j/k/x/Enter keep working', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const [name, value] = (await signInCookie(product.url)).split('=');
    await context.addCookies([{ name, value, url: product.url }]);
    const page = await context.newPage();
    await page.goto(`${product.url}/queue?project=${projectId}`);
    const table = page.getByRole('table', { name: 'Claims' });
    const row = (index: number) => table.locator(`[data-row-index="${index}"]`);
    await row(0).waitFor();
    const status = page.getByRole('status').filter({ hasText: /^Showing/ });
    await expect.poll(() => status.textContent()).toBe(`Showing 50 of ${CLAIMS} claims`);

    // Select the first claim for assignment before the later pages load.
    await row(0).getByRole('checkbox').check();
    const selection = page.getByRole('region', { name: 'Selected claims' });
    await expect.poll(() => selection.getByText(/selected$/).textContent()).toBe('1 selected');

    const seen = await scrollQueueUntil(page, () => row(CLAIMS - 1).isVisible());
    expect(await status.textContent()).toBe(`Showing ${CLAIMS} of ${CLAIMS} claims`);
    expect(await page.getByRole('button', { name: 'Load more claims' }).count()).toBe(0);
    // The later pages follow on from one another: every row, in the API's order, none twice.
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(expected.map((_, i) => i));
    expect(expected.map((_, i) => seen.get(i))).toEqual(expected);
    // The selection survived the later pages.
    expect(await selection.getByText(/selected$/).textContent()).toBe('1 selected');
    await screenshot(page, 'queue-long-scrolled');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // j/k move the selection among the rows of the later pages; x selects; Enter opens.
    await row(CLAIMS - 1)
      .getByRole('link')
      .focus();
    await expect.poll(() => row(CLAIMS - 1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect.poll(() => row(CLAIMS - 3).getAttribute('aria-selected')).toBe('true');
    expect(await row(CLAIMS - 1).getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('x');
    await expect.poll(() => selection.getByText(/selected$/).textContent()).toBe('2 selected');
    await page.keyboard.press('j');
    await expect.poll(() => row(CLAIMS - 2).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('checkbox', { name: 'Select all loaded claims' }).check();
    await expect
      .poll(() => selection.getByText(/selected$/).textContent())
      .toBe(`${CLAIMS} selected`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: expected[CLAIMS - 2], level: 1 }).waitFor();
    await context.close();
  }, 120_000);

  it('focuses the search box on /, so typing there filters the queue', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const [name, value] = (await signInCookie(product.url)).split('=');
    await context.addCookies([{ name, value, url: product.url }]);
    const page = await context.newPage();
    await page.goto(`${product.url}/queue?project=${projectId}`);
    const table = page.getByRole('table', { name: 'Claims' });
    await table.locator('[data-row-index="0"]').waitFor();
    const status = page.getByRole('status').filter({ hasText: /^Showing/ });
    await expect.poll(() => status.textContent()).toBe(`Showing 50 of ${CLAIMS} claims`);
    const search = page.getByRole('searchbox', { name: 'Search claims' });
    const searchFocused = () =>
      search.evaluate((input) => input === input.ownerDocument.activeElement);
    // From a row of the list, as someone working through it with j/k would be.
    await table.locator('[data-row-index="0"]').getByRole('link').focus();
    expect(await searchFocused()).toBe(false);

    await page.keyboard.press('/');
    await expect.poll(searchFocused).toBe(true);
    // The / itself is not typed into the box; what follows is, and it filters the list.
    expect(await search.inputValue()).toBe('');
    await page.keyboard.type('"claim number 123"');
    expect(await search.inputValue()).toBe('"claim number 123"');
    await expect.poll(() => status.textContent()).toBe('Showing 1 of 1 claim');
    expect(await table.getByRole('link').allTextContents()).toEqual([
      'Long queue claim number 123 about the march.',
    ]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('"claim number 123"');
    await screenshot(page, 'queue-search-by-slash');
    await context.close();
  });

  it('fits every column without scrolling sideways: topics under the claim at 1400px, in their own column at 1920px', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const [name, value] = (await signInCookie(product.url)).split('=');
    await context.addCookies([{ name, value, url: product.url }]);
    const page = await context.newPage();
    await page.goto(`${product.url}/queue?project=${projectId}`);
    const table = page.getByRole('table', { name: 'Claims' });
    const first = table.locator('[data-row-index="0"]');
    await first.waitFor();
    const overflow = () =>
      table.evaluate((element) => {
        const container = (
          element as unknown as { parentElement: { scrollWidth: number; clientWidth: number } }
        ).parentElement;
        return container.scrollWidth - container.clientWidth;
      });
    const headers = () => table.getByRole('columnheader').allTextContents();

    // Beside the filters at 1400px: no Topics column, the topic follows the claimant, the due
    // column and the evidence count are in view.
    await expect.poll(headers).toEqual(['', 'Claim', 'Status', 'Priority', 'Due', 'Evidence']);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await first.getByRole('cell').nth(1).textContent()).toMatch(
      /Long queue desk · marches$/,
    );

    // A wide screen gives topics their own column, still without scrolling sideways.
    await page.setViewportSize({ width: 1920, height: 900 });
    await expect
      .poll(headers)
      .toEqual(['', 'Claim', 'Status', 'Priority', 'Topics', 'Due', 'Evidence']);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await first.getByRole('cell').nth(4).textContent()).toBe('marches');
    await screenshot(page, 'queue-wide');
    await context.close();
  }, 60_000);

  it('works through a queue view from a claim: n opens the next claim of the view, p the one before, the way back restores it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const [name, value] = (await signInCookie(product.url)).split('=');
    await context.addCookies([{ name, value, url: product.url }]);
    const page = await context.newPage();
    const view = `project=${projectId}`;
    await page.goto(`${product.url}/queue?${view}`);
    const table = page.getByRole('table', { name: 'Claims' });
    await table.locator('[data-row-index="0"]').waitFor();
    // Enter opens the selected (first) claim of the view.
    await page.keyboard.press('Enter');
    const heading = (text: string) => page.getByRole('heading', { name: text, level: 1 });
    await heading(expected[0]).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('queue')).toBe(view);
    expect(url.searchParams.get('after')).not.toBeNull();

    const nav = page.getByRole('navigation', { name: 'Queue navigation' });
    const only = page.getByRole('status').filter({ hasText: /^Showing/ });
    const next = nav.getByRole('link', { name: /^Next in queue/ });
    const previous = nav.getByRole('link', { name: /^Previous/ });
    await expect.poll(() => next.getAttribute('title')).toBe(expected[1]);
    // The first claim of the view has nothing before it.
    expect(await previous.count()).toBe(0);
    // The key, then the link, each to the claim after the one shown, in the view's order.
    await page.keyboard.press('n');
    await heading(expected[1]).waitFor();
    await expect.poll(() => next.getAttribute('title')).toBe(expected[2]);
    await expect.poll(() => previous.getAttribute('title')).toBe(expected[0]);
    await screenshot(page, 'claim-next-in-queue');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // p goes back to the claim before, in the same view; n forwards again.
    await page.keyboard.press('p');
    await heading(expected[0]).waitFor();
    expect(new URL(page.url()).searchParams.get('queue')).toBe(view);
    await expect.poll(() => next.getAttribute('title')).toBe(expected[1]);
    await page.keyboard.press('n');
    await heading(expected[1]).waitFor();
    await expect.poll(() => next.getAttribute('title')).toBe(expected[2]);
    await next.click();
    await heading(expected[2]).waitFor();
    // The place in the queue is in the address: a reload keeps it.
    await page.reload();
    await heading(expected[2]).waitFor();
    await expect.poll(() => next.getAttribute('title')).toBe(expected[3]);
    await expect.poll(() => previous.getAttribute('title')).toBe(expected[1]);
    // Typing in a field never jumps to the next claim.
    const at = page.url();
    const field = page.getByRole('textbox').first();
    await field.focus();
    await page.keyboard.press('n');
    await expect.poll(() => field.inputValue()).toBe('n');
    await page.keyboard.press('Backspace');
    expect(page.url()).toBe(at);
    await heading(expected[2]).waitFor();

    // Back to the very view it came from, not the default queue.
    await page.locator('#main-content').getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe(`?${view}`);
    // …with the claim last shown from it selected and focused, to go on from there.
    const row = (index: number) => table.locator(`[data-row-index="${index}"]`);
    await expect.poll(() => row(2).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() =>
        row(2)
          .getByRole('link')
          .evaluate((link) => link === link.ownerDocument.activeElement),
      )
      .toBe(true);
    // The browser's Back from a claim does the same.
    await page.keyboard.press('j');
    await expect
      .poll(() =>
        row(3)
          .getByRole('link')
          .evaluate((link) => link === link.ownerDocument.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Enter');
    await heading(expected[3]).waitFor();
    await page.keyboard.press('n');
    await heading(expected[4]).waitFor();
    // Two steps back in the browser's history, straight to the view: the claim last shown (4).
    await page.evaluate(() =>
      (globalThis as unknown as { history: { go(delta: number): void } }).history.go(-2),
    );
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe(`?${view}`);
    await expect.poll(() => row(4).getAttribute('aria-selected')).toBe('true');

    // A place in the queue that is not one (a mangled link) says so, and the way back stays.
    const claimUrl = new URL(url.href);
    claimUrl.searchParams.set('after', 'not-a-cursor');
    await page.goto(claimUrl.href);
    await heading(expected[0]).waitFor();
    await expect
      .poll(() => nav.getByRole('status').textContent())
      .toMatch(/no longer valid; go back to the queue/);
    expect(
      await page
        .locator('#main-content')
        .getByRole('link', { name: 'Queue', exact: true })
        .getAttribute('href'),
    ).toBe(`/queue?${view}`);

    // A claim far down the view (past its first page of 50), opened from it: back in the view,
    // the pages down to it load again and it is the one selected and focused.
    const far = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${name}=${value}` },
      body: JSON.stringify({
        query:
          'query($filter: ClaimFilter) { claims(filter: $filter, first: 130) { edges { cursor node { id text } } } }',
        variables: { filter: { projectId } },
      }),
    });
    const farEdges = ((await far.json()) as FarPage).data.claims.edges;
    const deep = farEdges[127];
    expect(deep.node.text).toBe(expected[127]);
    await page.goto(
      `${product.url}/claims/${deep.node.id}?${new URLSearchParams({ queue: view, after: deep.cursor }).toString()}`,
    );
    await heading(expected[127]).waitFor();
    await page.locator('#main-content').getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await expect
      .poll(() => row(127).getAttribute('aria-selected'), { timeout: 20_000 })
      .toBe('true');
    await expect
      .poll(() =>
        row(127)
          .getByRole('link')
          .evaluate((link) => link === link.ownerDocument.activeElement),
      )
      .toBe(true);
    expect(await page.getByText('Finding the claim you last opened…').count()).toBe(0);

    // The only claim of a view says so, with the way back.
    const last = `project=${projectId}&q=${encodeURIComponent('"claim number 170"')}`;
    await page.goto(`${product.url}/queue?${last}`);
    await expect.poll(() => only.textContent()).toBe('Showing 1 of 1 claim');
    await table.locator('[data-row-index="0"]').getByRole('link').click();
    await heading('Long queue claim number 170 about the march.').waitFor();
    await expect
      .poll(() => nav.getByRole('status').textContent())
      .toBe('No other claim in this queue view.');
    expect(await previous.count()).toBe(0);
    await context.close();
  }, 90_000);
});
