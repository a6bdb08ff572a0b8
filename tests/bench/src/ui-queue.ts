/**
 * UI benchmark: a queue of 10,000 claims in headless Chromium (issue target: first rows visible
 * ≤ 1.5 s after navigation, and scrolling to the end without jank), measured with the page's own
 * Performance API. The product runs on a fresh embedded database; the claims arrive through the
 * product's own CSV import. The baseline, in the same run and browser, is the product's static
 * 404 page: what navigation alone costs on this machine.
 *
 *   npm run build:web && npm run bench:ui      (UI_CLAIMS=10000, UI_ROUNDS=3)
 *
 * To compare web builds in one run (e.g. before and after a change), build each into its own
 * folder and list them: `UI_BUILDS=dist/web-before,dist/web npm run bench:ui`. Each build is
 * served by its own product process on the same data folder (so the same claims); every round
 * measures each build in turn, alternating the order, and the table reports each build's median
 * and its ratio to the first build. `UI_PROFILE=1` also records a CPU profile of each scroll
 * (CDP `Profiler`) into tests/bench/.data/profiles/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser, ROOT, startProduct, type RunningProduct } from '@corroborate/tests-e2e';

const CLAIMS = Number(process.env['UI_CLAIMS'] ?? 10_000);
const ROUNDS = Number(process.env['UI_ROUNDS'] ?? 3);
const BUILDS = (process.env['UI_BUILDS'] ?? 'dist/web')
  .split(',')
  .map((b) => b.trim())
  .filter((b) => b !== '')
  .map((b) => (isAbsolute(b) ? b : join(ROOT, b)));
const PROFILE = process.env['UI_PROFILE'] === '1';
const PROFILES = join(ROOT, 'tests', 'bench', '.data', 'profiles');
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
/** The queue is at its end once its last claim is rendered. */
const QUEUE_END = `(() => {
  const rows = document.querySelectorAll('[aria-label="Claims"] [data-row-index]');
  const last = rows[rows.length - 1];
  return last !== undefined && Number(last.getAttribute('data-row-index')) >= ${CLAIMS - 1};
})()`;

async function scrollToEnd(
  page: Page,
  profileTo?: string,
  endExpression = QUEUE_END,
): Promise<{ frames: number[]; longTasks: number[]; ms: number }> {
  const cdp = profileTo === undefined ? undefined : await page.context().newCDPSession(page);
  if (cdp !== undefined) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
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
    const done = await page.evaluate<boolean>(endExpression);
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
  if (cdp !== undefined && profileTo !== undefined) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(PROFILES, { recursive: true });
    writeFileSync(profileTo, JSON.stringify(profile));
    await cdp.detach();
  }
  const result = await page.evaluate<{ frames: number[]; longTasks: number[] }>(
    '(() => { cancelAnimationFrame(window.__raf); return { frames: window.__frames.slice(1), longTasks: window.__longTasks }; })()',
  );
  return { ...result, ms };
}

/**
 * The scroll's baseline, in the same browser and round: the same rows as static HTML (no
 * framework, no data loading, every row in the DOM from the start, same row height and scroll
 * container), scrolled the same way to its end. Frames it drops are what the machine itself costs.
 */
async function staticScroll(context: BrowserContext): Promise<Round> {
  const page = await context.newPage();
  try {
    const rows: string[] = [];
    for (let i = 1; i <= CLAIMS; i++) {
      rows.push(
        `<div data-row-index="${i - 1}" style="height:76px;display:grid;grid-template-columns:minmax(260px,1fr) 150px 84px 200px 112px 72px;gap:12px;align-items:center;padding:0 12px;border-bottom:1px solid #e9ecef">` +
          `<div><a href="#">Report ${i}: ${i * 7} people detained in district ${i % 97} after the march of week ${i % 52}.</a><div>Source ${i % 300}</div></div>` +
          `<div>New</div><div>${PRIORITIES[i % 4]}</div><div>${TOPICS[i % TOPICS.length]}</div><div>—</div><div>0</div></div>`,
      );
    }
    await page.setContent(
      `<!doctype html><html><body style="margin:0;font:14px sans-serif"><div style="height:650px;overflow:auto;contain:strict"><div aria-label="Claims" role="table">${rows.join('')}</div></div></body></html>`,
    );
    const scroll = await scrollToEnd(
      page,
      undefined,
      `(() => { const el = document.querySelector('[aria-label="Claims"]').parentElement; return el.scrollTop + el.clientHeight >= el.scrollHeight - 1; })()`,
    );
    return { firstRows: 0, baseline: 0, scrollMs: scroll.ms, ...scroll };
  } finally {
    await page.close();
  }
}

interface Round {
  firstRows: number;
  baseline: number;
  scrollMs: number;
  frames: number[];
  longTasks: number[];
}

interface Summary {
  firstRows: number;
  baseline: number;
  scrollS: number;
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  jankPct: number;
  longTaskCount: number;
  longestTask: number;
}

/** Medians over the rounds of each round's own figures. */
function summarise(rounds: Round[]): Summary {
  const of = (f: (r: Round) => number) => median(rounds.map(f));
  return {
    firstRows: of((r) => r.firstRows),
    baseline: of((r) => r.baseline),
    scrollS: of((r) => r.scrollMs / 1000),
    frames: of((r) => r.frames.length),
    p50: of((r) => percentile(r.frames, 50)),
    p95: of((r) => percentile(r.frames, 95)),
    p99: of((r) => percentile(r.frames, 99)),
    jankPct: of(
      (r) => (100 * r.frames.filter((f) => f > 50).length) / Math.max(1, r.frames.length),
    ),
    longTaskCount: of((r) => r.longTasks.length),
    longestTask: of((r) => Math.max(0, ...r.longTasks)),
  };
}

async function measureRound(
  context: BrowserContext,
  url: string,
  projectId: string,
  profileTo: string | undefined,
): Promise<Round> {
  const page = await context.newPage();
  try {
    // Warm the browser's cache of the app's files first, as in a person's second visit.
    await firstRows(page, `${url}/no-such-page`, 'h1');
    const baseline = await firstRows(page, `${url}/no-such-page`, 'h1');
    const queue = await firstRows(
      page,
      `${url}/queue?project=${projectId}`,
      '[aria-label="Claims"] [data-row-index] a',
    );
    const scroll = await scrollToEnd(page, profileTo);
    return { firstRows: queue, baseline, scrollMs: scroll.ms, ...scroll };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  for (const build of BUILDS) {
    if (!existsSync(join(build, 'index.html')))
      throw new Error(
        `No web build in ${build}: npm run build:web (or list built folders in UI_BUILDS)`,
      );
  }
  // One data folder for every product, so each build scrolls the same claims.
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-ui-bench-'));
  const env = { IMPORT_MAX_BYTES: String(512 * 1024 * 1024), DATA_DIR: dataDir };
  const products: RunningProduct[] = [];
  const browser = await launchBrowser();
  try {
    products.push(await startProduct({ ...env, WEB_DIST: BUILDS[0] }));
    const cookie = await signInCookie(products[0].url);
    const seedStart = Date.now();
    const projectId = await seedProject(products[0].url, cookie);
    console.log(`Imported ${CLAIMS} claims in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    for (const build of BUILDS.slice(1))
      products.push(await startProduct({ ...env, WEB_DIST: build }));

    const rounds: Round[][] = BUILDS.map(() => []);
    const staticRounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const staticContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const still = await staticScroll(staticContext);
      await staticContext.close();
      staticRounds.push(still);
      console.log(
        `round ${round + 1} static HTML: scroll ${(still.scrollMs / 1000).toFixed(1)} s, ` +
          `${still.frames.filter((f) => f > 50).length} of ${still.frames.length} frames over 50 ms, longest task ${Math.max(0, ...still.longTasks).toFixed(0)} ms`,
      );
      const order = BUILDS.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        // A fresh context per measurement: nothing cached from the previous build or round.
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript(FIRST_ROW_PROBE);
        const [name, value] = cookie.split('=');
        await context.addCookies([{ name, value, url: products[i].url }]);
        const profileTo = PROFILE
          ? join(PROFILES, `ui-${basename(BUILDS[i])}-${round + 1}-${Date.now()}.cpuprofile`)
          : undefined;
        const result = await measureRound(context, products[i].url, projectId, profileTo);
        await context.close();
        rounds[i].push(result);
        console.log(
          `round ${round + 1} ${basename(BUILDS[i])}: first rows ${result.firstRows.toFixed(0)} ms, scroll ${(result.scrollMs / 1000).toFixed(1)} s, ` +
            `${result.frames.filter((f) => f > 50).length} of ${result.frames.length} frames over 50 ms, longest task ${Math.max(0, ...result.longTasks).toFixed(0)} ms` +
            (profileTo ? `, profile ${profileTo}` : ''),
        );
      }
    }

    const summaries = rounds.map(summarise);
    const still = summarise(staticRounds);
    const ratio = (value: number, first: number) =>
      BUILDS.length > 1 ? ` (${(value / Math.max(first, 1e-9)).toFixed(2)}×)` : '';
    const cell = (i: number, f: (s: Summary) => number, digits = 0) =>
      `${f(summaries[i]).toFixed(digits)}${i > 0 ? ratio(f(summaries[i]), f(summaries[0])) : ''}`;
    const header = [
      'measure (median of ' + ROUNDS + ' rounds)',
      ...BUILDS.map((b) => basename(b)),
      'target',
    ];
    const rows = [
      [...header.slice(0, -1), 'static HTML (scroll baseline)', 'target'],
      ['first rows visible (ms)', ...BUILDS.map((_, i) => cell(i, (s) => s.firstRows)), '≤ 1500'],
      [
        "baseline: a static page's heading (ms)",
        ...BUILDS.map((_, i) => cell(i, (s) => s.baseline)),
        '',
      ],
      [
        'ratio first rows / baseline',
        ...BUILDS.map((_, i) => (summaries[i].firstRows / summaries[i].baseline).toFixed(2)),
        '',
      ],
      [`scroll to claim ${CLAIMS} (s)`, ...BUILDS.map((_, i) => cell(i, (s) => s.scrollS, 1)), ''],
      ['frames sampled while scrolling', ...BUILDS.map((_, i) => cell(i, (s) => s.frames)), ''],
      ['frame interval p50 (ms)', ...BUILDS.map((_, i) => cell(i, (s) => s.p50, 1)), ''],
      ['frame interval p95 (ms)', ...BUILDS.map((_, i) => cell(i, (s) => s.p95, 1)), ''],
      ['frame interval p99 (ms)', ...BUILDS.map((_, i) => cell(i, (s) => s.p99, 1)), ''],
      ['frames over 50 ms (jank, %)', ...BUILDS.map((_, i) => cell(i, (s) => s.jankPct, 2)), ''],
      [
        'long tasks over 50 ms (count)',
        ...BUILDS.map((_, i) => cell(i, (s) => s.longTaskCount)),
        '',
      ],
      ['longest long task (ms)', ...BUILDS.map((_, i) => cell(i, (s) => s.longestTask)), ''],
    ];
    const staticColumn: Record<string, string> = {
      [`scroll to claim ${CLAIMS} (s)`]: still.scrollS.toFixed(1),
      'frames sampled while scrolling': still.frames.toFixed(0),
      'frame interval p50 (ms)': still.p50.toFixed(1),
      'frame interval p95 (ms)': still.p95.toFixed(1),
      'frame interval p99 (ms)': still.p99.toFixed(1),
      'frames over 50 ms (jank, %)': still.jankPct.toFixed(2),
      'long tasks over 50 ms (count)': still.longTaskCount.toFixed(0),
      'longest long task (ms)': still.longestTask.toFixed(0),
    };
    const table = rows.map((r, i) =>
      i === 0 ? r : [...r.slice(0, -1), staticColumn[r[0]] ?? '', r[r.length - 1]],
    );
    console.log(table.map((r) => `| ${r.join(' | ')} |`).join('\n'));
  } finally {
    await browser.close();
    for (const product of products) await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
