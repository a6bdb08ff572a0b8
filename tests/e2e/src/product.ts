import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningProduct {
  url: string;
  /** The product's data folder (its SQLite database is `corroborate.db` there). */
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

let serverChecked = false;

/**
 * The web app must be built, and the server built from the sources under test: the server's
 * build runs here when its sources changed since (`npm run test:e2e` builds both first).
 */
function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('The web app is not built: run `npm run build` first (npm run test:e2e does).');
  if (serverChecked) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  serverChecked = true;
}

/**
 * Starts the product the way `npm start` does (the built server, after the builds) on a fresh
 * embedded database, and waits until /health answers.
 */
export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', 'server', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The product exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The product did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Mantine honours prefers-reduced-motion (theme.respectReducedMotion): no half-faded toasts
      // or dialogs while axe measures contrast.
      '--force-prefers-reduced-motion',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The part of the DOM's Document that the settled-page wait uses. */
interface AnimatedDocument {
  getAnimations(): {
    playState: string;
    effect: { getComputedTiming(): { endTime?: number | string } } | null;
  }[];
}

/** axe-core violations of serious or critical impact on the current page. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Measure a settled page: a toast or dialog still fading in or out has a blended colour that
  // axe would report as low contrast although the settled element is fine.
  await page.waitForFunction(
    () => {
      // This runs in the page (the Node typecheck has no DOM types): the page's own document.
      const { document } = globalThis as unknown as { document: AnimatedDocument };
      return document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' ||
            animation.effect?.getComputedTiming().endTime === Infinity,
        );
    },
    undefined,
    { timeout: 5000 },
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/** A GraphQL caller signed in as a demo user, for setting up or cross-checking what a page shows. */
export async function graphqlAs(
  url: string,
  email: string,
  password: string,
): Promise<
  <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>
> {
  const call = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return { data: json.data!, setCookie: res.headers.get('set-cookie') };
  };
  const signedIn = await call(
    '',
    'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
    { input: { email, password } },
  );
  const cookie = signedIn.setCookie!.split(';')[0];
  return async <T>(query: string, variables: Record<string, unknown> = {}) =>
    (await call(cookie, query, variables)).data as T;
}

/** As the demo editor: verifies the demo claim with this text (the demo has none verified). */
export async function verifyDemoClaim(
  url: string,
  text: string,
  publicSummary = 'Verified against independent sources.',
): Promise<void> {
  const call = await graphqlAs(url, 'editor@example.org', 'demo-editor-pass');
  const queue = await call<{
    claims: { edges: { node: { id: string; text: string; version: number } }[] };
  }>(
    '{ claims(filter: { statuses: [NEEDS_ADJUDICATION] }) { edges { node { id text version } } } }',
  );
  const claim = queue.claims.edges.map((e) => e.node).find((c) => c.text === text)!;
  await call(`mutation($input: AdjudicateClaimInput!) { adjudicateClaim(input: $input) { id } }`, {
    input: {
      claimId: claim.id,
      expectedVersion: claim.version,
      verdict: 'TRUE',
      likelihood: 'ALMOST_CERTAIN',
      confidence: 'HIGH',
      publicSummary,
      citedAssessmentIds: [],
      citedEvidenceIds: [],
    },
  });
}

/** The part of the page's local storage the helpers below use (the DOM types are not loaded here). */
interface PageStorage {
  length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The values of the unsaved input this browser keeps for its forms (`corroborate.draft.*`). */
export function keptDrafts(page: Page): Promise<unknown[]> {
  return page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: PageStorage }).localStorage;
    const values: unknown[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith('corroborate.draft.'))
        values.push((JSON.parse(storage.getItem(key) ?? '{}') as { values?: unknown }).values);
    }
    return values;
  });
}

/** Keeps `values` as a form's unsaved input in the page's browser, as the web app does. */
export function keepDraft(page: Page, form: string, values: unknown): Promise<void> {
  return page.evaluate(
    ([name, kept]) => {
      const storage = (globalThis as unknown as { localStorage: PageStorage }).localStorage;
      storage.setItem(
        `corroborate.draft.${name}`,
        JSON.stringify({ v: 1, at: new Date().toISOString(), values: kept }),
      );
    },
    [form, values] as const,
  );
}
