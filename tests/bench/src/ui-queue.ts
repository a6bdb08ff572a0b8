/**
 * UI benchmark: a queue of 10,000 claims in headless Chromium (issue target: first rows visible
 * ≤ 1.5 s after navigation, and scrolling to the end without jank), measured with the page's own
 * Performance API. The product runs on a fresh embedded database; the claims arrive through the
 * product's own CSV import. The baseline, in the same run and browser, is the product's static
 * 404 page: what navigation alone costs on this machine.
 *
 *   npm run build:web && npm run bench:ui      (UI_CLAIMS=10000, UI_ROUNDS=3)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { launchBrowser, ROOT, startProduct } from '@corroborate/tests-e2e';

const CLAIMS = Number(process.env['UI_CLAIMS'] ?? 10_000);
const ROUNDS = Number(process.env['UI_ROUNDS'] ?? 3);
const EDITOR = { email: 'editor@example.org', password: 'demo-editor-pass' };
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const TOPICS = ['detentions', 'elections', 'marches', 'torture', 'sanctions', 'media'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

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

async function graphql<T>(url: string, cookie: string, query: string, variables = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data as T;
}

/** A project holding `CLAIMS` claims, imported as one CSV through the product's import endpoint. */
async function seedProject(url: string, cookie: string): Promise<string> {
  const { createProject } = await graphql<{ createProject: { id: string } }>(
    url,
    cookie,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { name: 'UI bench desk' } },
  );
  const lines = ['text,claimant,topics,priority'];
  for (let i = 1; i <= CLAIMS; i++) {
    const topic = TOPICS[i % TOPICS.length];
    lines.push(
      `"Report ${i}: ${i * 7} people detained in district ${i % 97} after the march of week ${i % 52}.",Source ${i % 300},${topic},${PRIORITIES[i % 4]}`,
    );
  }
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')]), 'claims.csv');
  const res = await fetch(`${url}/api/projects/${createProject.id}/imports`, {
    method: 'POST',
    headers: { cookie, 'x-requested-with': 'XMLHttpRequest' },
    body: form,
  });
  if (res.status !== 201) throw new Error(`Import failed: ${res.status} ${await res.text()}`);
  return createProject.id;
}

/** Records, in the page, when the first queue row appears (ms since navigation start). */
const FIRST_ROW_PROBE = `(() => {
  const mark = () => {
    if (window.__firstRowAt === undefined && document.querySelector('[aria-label="Claims"] [data-row-index] a')) {
      window.__firstRowAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
})();`;

async function firstRows(page: Page, path: string, selector: string): Promise<number> {
  await page.goto(`about:blank`);
  await page.goto(path);
  await page.locator(selector).first().waitFor();
  return page.evaluate<number>(
    'window.__firstRowAt ?? performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd',
  );
}

/**
 * Scrolls the queue to its last claim, a screenful at a time as a person would, loading pages as it
 * goes; samples every animation frame. Returns frame intervals and long tasks.
 */
async function scrollToEnd(
  page: Page,
): Promise<{ frames: number[]; longTasks: number[]; ms: number }> {
  await page.evaluate(`(() => {
    window.__frames = []; window.__longTasks = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick);
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  })()`);
  const started = Date.now();
  const deadline = started + Number(process.env['UI_SCROLL_LIMIT_MS'] ?? 10 * 60_000);
  for (;;) {
    // The queue's own scroll container, scrolled as a wheel or trackpad would (the window
    // itself never scrolls the list).
    await page.evaluate(
      `document.querySelector('[aria-label="Claims"]').parentElement.scrollBy(0, 1200)`,
    );
    await page.waitForTimeout(16);
    const done = await page.evaluate<boolean>(`(() => {
      const rows = document.querySelectorAll('[aria-label="Claims"] [data-row-index]');
      const last = rows[rows.length - 1];
      return last !== undefined && Number(last.getAttribute('data-row-index')) >= ${CLAIMS - 1};
    })()`);
    if (done) break;
    if (Date.now() > deadline) {
      const state = await page.evaluate<string>(`(() => {
        const rows = document.querySelectorAll('[aria-label="Claims"] [data-row-index]');
        const el = document.querySelector('[aria-label="Claims"]').parentElement;
        return 'last row ' + rows[rows.length - 1]?.getAttribute('data-row-index') + ', scrollTop ' + el.scrollTop + ' of ' + el.scrollHeight;
      })()`);
      throw new Error(`Scrolling to the end took over 10 minutes (${state}).`);
    }
  }
  const ms = Date.now() - started;
  const result = await page.evaluate<{ frames: number[]; longTasks: number[] }>(
    '(() => { cancelAnimationFrame(window.__raf); return { frames: window.__frames.slice(1), longTasks: window.__longTasks }; })()',
  );
  return { ...result, ms };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('Build the web app first: npm run build:web');
  const product = await startProduct({ IMPORT_MAX_BYTES: String(512 * 1024 * 1024) });
  const browser = await launchBrowser();
  try {
    const cookie = await signInCookie(product.url);
    const seedStart = Date.now();
    const projectId = await seedProject(product.url, cookie);
    console.log(`Imported ${CLAIMS} claims in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(FIRST_ROW_PROBE);
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: product.url }]);
    const page = await context.newPage();

    const queue: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await firstRows(page, `${product.url}/no-such-page`, 'h1'));
      queue.push(
        await firstRows(
          page,
          `${product.url}/queue?project=${projectId}`,
          '[aria-label="Claims"] [data-row-index] a',
        ),
      );
    }
    const scroll = await scrollToEnd(page);
    const longFrames = scroll.frames.filter((f) => f > 50).length;
    const rows = [
      ['measure', 'value', 'target'],
      [`first rows visible, median of ${ROUNDS} (ms)`, median(queue).toFixed(0), '≤ 1500'],
      [`baseline: a static page's heading (ms)`, median(baseline).toFixed(0), ''],
      ['ratio first rows / baseline', (median(queue) / median(baseline)).toFixed(2), ''],
      [`scroll to claim ${CLAIMS} (s)`, (scroll.ms / 1000).toFixed(1), ''],
      ['frames sampled while scrolling', String(scroll.frames.length), ''],
      [
        'frame interval p50 / p95 / p99 (ms)',
        `${percentile(scroll.frames, 50).toFixed(1)} / ${percentile(scroll.frames, 95).toFixed(1)} / ${percentile(scroll.frames, 99).toFixed(1)}`,
        '',
      ],
      [
        'frames over 50 ms (jank)',
        `${longFrames} (${((100 * longFrames) / Math.max(1, scroll.frames.length)).toFixed(2)}%)`,
        '',
      ],
      [
        'long tasks (> 50 ms): count, longest (ms)',
        `${scroll.longTasks.length}, ${Math.max(0, ...scroll.longTasks).toFixed(0)}`,
        '',
      ],
    ];
    console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
    await context.close();
  } finally {
    await browser.close();
    await product.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
