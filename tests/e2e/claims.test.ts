import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  keptDrafts,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

async function signIn(
  context: BrowserContext,
  url: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  return page;
}

/** A form field by its label, with or without the required-field asterisk. */
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));

/** Picks an option of a Mantine Select by the select's label and the option's visible text. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option }).click();
}

const CLAIM_TEXT = 'Police detained at least 200 people at the Hrodna march on January 17.';

describe('cross-checking a claim', () => {
  let product: RunningProduct;
  let browser: Browser;
  let claimUrl = '';

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lets an editor create a claim from the queue and edit it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Claims' }).getByRole('link').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'queue-as-editor');

    await page.getByRole('button', { name: 'New claim' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Project').click();
    await page.getByRole('option', { name: 'Belarus protests, Jan 2021' }).click();
    await field(dialog, 'Claim').fill(CLAIM_TEXT);
    await field(dialog, 'Claimant').fill('Viasna Human Rights Centre');
    await dialog.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    claimUrl = page.url();
    await page.getByRole('heading', { name: CLAIM_TEXT }).waitFor();

    // Editing sends the version it read; the change shows at once.
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const edit = page.getByRole('dialog');
    await field(edit, 'Claimant').fill('Viasna Human Rights Centre, Hrodna office');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Viasna Human Rights Centre, Hrodna office').first().waitFor();

    // Reviewers work the claims assigned to them: assign Ruslan.
    await page.getByLabel('Reviewers to assign').first().click();
    await page.getByRole('option', { name: 'Ruslan Reviewer' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('button', { name: 'Remove Ruslan Reviewer' }).waitFor();
    await context.close();
  });

  it('lets a reviewer add two evidence items, one derived from the other, counted as one independent chain', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(claimUrl);
    await page.getByRole('heading', { name: CLAIM_TEXT }).waitFor();

    // First item: from a source in the registry.
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByRole('combobox', { name: 'Source' }).fill('Viasna');
    await page.getByRole('option', { name: /Viasna Human Rights Centre/ }).click();
    await field(page, 'URL').fill('https://spring96.org/en/news/hrodna');
    await field(page, 'Title').fill('Hrodna: list of detained on 17 January');
    await choose(page, 'Credibility', '2 — Probably true');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByRole('group', { name: 'Supporting: 1 independent chain' }).waitFor();

    // Second item: a new source created inline, re-reporting the first.
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByText('New source', { exact: true }).click();
    await field(page, 'Source name').fill('Hrodna regional news site');
    await choose(page, 'Kind', /^Media/);
    await choose(page, 'Reliability', /^C — /);
    await field(page, 'URL').fill('https://example.org/hrodna-detentions');
    await field(page, 'Title').fill('Viasna: hundreds detained in Hrodna');
    await choose(page, 'Credibility', '3 — Possibly true');
    await choose(page, 'Derived from', /Viasna Human Rights Centre/);
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByRole('heading', { name: /Evidence \(2\)/ }).waitFor();

    // Preserve what the first source said: upload a capture and see its SHA-256.
    const html =
      '<html><body><p>Viasna lists 212 people detained in Hrodna on 17 January.</p></body></html>';
    await page.getByRole('button', { name: /^Actions for Viasna Human Rights Centre/ }).click();
    await page.getByRole('menuitem', { name: 'Upload capture' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload capture' });
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'hrodna.html',
      mimeType: 'text/html',
      buffer: Buffer.from(html),
    });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('Stored as version 1').waitFor();
    const digest = createHash('sha256').update(html).digest('hex');
    expect(await upload.textContent()).toContain(digest.slice(0, 16));
    await upload.getByRole('button', { name: 'Close', exact: true }).click();

    const supporting = page.getByRole('group', { name: 'Supporting: 1 independent chain' });
    await supporting.waitFor();
    expect(await page.getByText(/Collapsed into this root \(1\)/).count()).toBeGreaterThan(0);
    await screenshot(page, 'workbench-one-chain');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('brings back evidence being added or edited after a reload, never saving a kept edit over a later change', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(claimUrl);
    await page.getByRole('heading', { name: CLAIM_TEXT }).waitFor();

    // Adding: the source picked and what was typed come back after a reload.
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByRole('combobox', { name: 'Source' }).fill('Viasna');
    await page.getByRole('option', { name: /Viasna Human Rights Centre/ }).click();
    await field(page, 'URL').fill('https://spring96.org/en/news/hrodna-names');
    await field(page, 'Excerpt').fill('The list names 212 people detained in Hrodna.');
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(1);
    page.once('dialog', (question) => void question.accept());
    await page.reload();
    const adding = page.getByRole('form', { name: 'Add evidence' });
    await adding.getByText('Brought back what you typed').waitFor();
    expect(await field(adding, 'URL').inputValue()).toBe(
      'https://spring96.org/en/news/hrodna-names',
    );
    expect(await field(adding, 'Excerpt').inputValue()).toBe(
      'The list names 212 people detained in Hrodna.',
    );
    expect(await adding.getByRole('combobox', { name: 'Source' }).inputValue()).toBe(
      'Viasna Human Rights Centre',
    );
    await screenshot(page, 'evidence-brought-back');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // "Discard it" starts the form afresh; Cancel closes it keeping nothing.
    await adding.getByRole('button', { name: 'Discard it' }).click();
    expect(await field(adding, 'URL').inputValue()).toBe('');
    expect(await keptDrafts(page)).toEqual([]);
    await adding.getByRole('button', { name: 'Cancel' }).click();
    await adding.waitFor({ state: 'detached' });

    // Editing: the kept edit comes back, and is saved against the version it started from, so
    // the editor's change made meanwhile is named in a conflict, not overwritten.
    await page.getByRole('button', { name: /^Actions for Viasna Human Rights Centre/ }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const editing = page.getByRole('dialog', { name: 'Edit evidence' });
    await field(editing, 'Note').fill('The list names 212 people.');
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(1);
    await page.goto('about:blank');
    const editor = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const claimId = new URL(claimUrl).pathname.split('/').pop() ?? '';
    const read = async () =>
      (
        await editor<{
          claim: {
            evidence: { id: string; version: number; title: string; note: string | null }[];
          };
        }>('query($id: ID!) { claim(id: $id) { evidence { id version title note } } }', {
          id: claimId,
        })
      ).claim.evidence.find((item) => item.title.startsWith('Hrodna: list of'))!;
    const before = await read();
    await editor(
      'mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id version } }',
      {
        input: {
          evidenceId: before.id,
          expectedVersion: before.version,
          title: 'Hrodna: list of the detained, 17 January',
        },
      },
    );
    await page.goto(claimUrl);
    await editing.getByText('Brought back what you typed').waitFor();
    expect(await field(editing, 'Note').inputValue()).toBe('The list names 212 people.');
    await editing.getByRole('button', { name: 'Save evidence' }).click();
    await editing.getByText('Someone else changed this evidence item').waitFor();
    await editing.getByText(/^Changed: .*title/).waitFor();
    const after = await read();
    expect(after).toMatchObject({
      version: before.version + 1,
      title: 'Hrodna: list of the detained, 17 January',
      note: before.note,
    });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('refreshes an open claim when someone else changes it, saying what changed', async () => {
    const watcherContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const watcher = await signIn(
      watcherContext,
      product.url,
      'reviewer2@example.org',
      'demo-reviewer-pass',
    );
    await watcher.goto(claimUrl);
    await watcher.getByRole('heading', { name: CLAIM_TEXT }).waitFor();

    const editorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const editor = await signIn(
      editorContext,
      product.url,
      'editor@example.org',
      'demo-editor-pass',
    );
    await editor.goto(claimUrl);
    await editor.getByRole('button', { name: 'Edit claim' }).click();
    await field(editor.getByRole('dialog'), 'Claimant').fill('Viasna, as quoted by RFE/RL');
    await editor.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Viasna, as quoted by RFE/RL').first().waitFor();

    await watcher.getByText('Elena Editor edited the claim', { exact: false }).waitFor();
    await watcher.getByText('Viasna, as quoted by RFE/RL').first().waitFor();
    await screenshot(watcher, 'workbench-live-update');
    await watcherContext.close();
    await editorContext.close();
  });

  it('reproduces a queue filtered through the URL after a reload, and the source registry passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'viewer@example.org', 'demo-viewer-pass');
    await page.goto(`${product.url}/queue?priority=URGENT&priority=HIGH&sort=PRIORITY_DESC`);
    const table = page.getByRole('table', { name: 'Claims' });
    await table.getByRole('link').first().waitFor();
    const before = await table.getByRole('link').allTextContents();
    const status = await page
      .getByRole('status')
      .filter({ hasText: /Showing/ })
      .textContent();
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(7);
    await page.reload();
    await table.getByRole('link').first().waitFor();
    expect(await table.getByRole('link').allTextContents()).toEqual(before);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /Showing/ })
        .textContent(),
    ).toBe(status);
    await screenshot(page, 'queue-filtered');

    await page.getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('heading', { name: 'Sources', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'BelaPAN' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'BelaPAN' }).click();
    await page.getByRole('heading', { name: 'Evidence from this source' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'source-belapan');
    await context.close();
  });
});

describe('preserving a source page and anchoring the excerpt in it', () => {
  const PAGE = `<!DOCTYPE html><html><head><title>Sunday marches</title></head><body>
<p>BelaPAN: protesters staged at least 30 marches and rallies on January 17.</p></body></html>`;
  const MARCHES = 'Protesters staged at least 30 marches';
  const TITLE = 'Marches counted by BelaPAN (local copy)';
  let server: Server;
  let pageUrl = '';
  let product: RunningProduct;
  let browser: Browser;
  let claimId = '';
  let call: Awaited<ReturnType<typeof graphqlAs>>;

  beforeAll(async () => {
    // The page to capture, on this machine: the product refuses loopback targets unless the
    // operator allows them, which it does here through CAPTURE_ALLOW_HOSTS.
    server = createServer((req, res) => {
      if (req.url === '/belapan-marches') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/belapan-marches`;
    product = await startProduct({ CAPTURE_ALLOW_HOSTS: '127.0.0.1' });
    browser = await launchBrowser();
    call = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const { claims } = await call<{ claims: { edges: { node: { id: string; text: string } }[] } }>(
      'query($filter: ClaimFilter) { claims(filter: $filter, first: 10) { edges { node { id text } } } }',
      { filter: { text: 'marches rallies January' } },
    );
    const claim = claims.edges.find((e) => e.node.text.startsWith(MARCHES));
    expect(claim).toBeDefined();
    claimId = claim?.node.id ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    server?.closeAllConnections();
    server?.close();
  });

  it('captures the URL of an evidence item server-side and shows its SHA-256', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: new RegExp(`^${MARCHES}`) }).waitFor();

    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByRole('combobox', { name: 'Source' }).fill('BelaPAN');
    await page.getByRole('option', { name: /BelaPAN/ }).click();
    await field(page, 'URL').fill(pageUrl);
    await field(page, 'Title').fill(TITLE);
    await choose(page, 'Credibility', '2 — Probably true');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    const capture = page.getByRole('button', { name: `Capture URL of ${TITLE}` });
    await capture.waitFor();

    await capture.click();
    const digest = createHash('sha256').update(PAGE).digest('hex');
    const stored = page.getByRole('status').filter({ hasText: /^Captured version 1: SHA-256/ });
    await stored.waitFor({ timeout: 20_000 });
    expect(await stored.textContent()).toContain(digest.slice(0, 16));
    expect(await stored.locator(`[title="${digest}"]`).count()).toBe(1);
    // The item's captures list it too, as the API stored it.
    expect(
      await page.getByRole('button', { name: 'Copy SHA-256 of capture version 1' }).count(),
    ).toBeGreaterThan(0);
    const { claim } = await call<{
      claim: {
        evidence: { title: string; latestCapture: { sha256: string; url: string } | null }[];
      };
    }>('query($id: ID!) { claim(id: $id) { evidence { title latestCapture { sha256 url } } } }', {
      id: claimId,
    });
    expect(claim.evidence.find((e) => e.title === TITLE)?.latestCapture).toEqual({
      sha256: digest,
      url: pageUrl,
    });
    await screenshot(page, 'workbench-url-captured');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it("shows the API's refusal of an anchor the capture lacks under the anchor field, saving nothing", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: new RegExp(`^${MARCHES}`) }).waitFor();
    const saved = async () => {
      const { claim } = await call<{
        claim: {
          evidence: {
            title: string;
            version: number;
            anchor: { exact: string } | null;
            anchorStatus: string;
          }[];
        };
      }>(
        'query($id: ID!) { claim(id: $id) { evidence { title version anchor { exact } anchorStatus } } }',
        {
          id: claimId,
        },
      );
      return claim.evidence.find((e) => e.title === TITLE);
    };
    expect(await saved()).toMatchObject({ version: 1, anchor: null, anchorStatus: 'NO_ANCHOR' });

    await page.getByRole('button', { name: `Actions for BelaPAN: ${TITLE}` }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit evidence' });
    await dialog.getByRole('checkbox', { name: 'Anchor the excerpt in the capture' }).check();
    const exact = field(dialog, 'Exact text');
    await exact.fill('at least 40 marches');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();

    // The browser cannot know what the capture says: the API's answer lands on the field.
    await expect.poll(() => exact.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await exact.getAttribute('aria-describedby')) ?? '';
    const message = dialog.locator(`[id="${describedBy.split(' ')[0]}"]`);
    expect(await message.textContent()).toMatch(
      /"at least 40 marches" is not in the text of capture version 1/,
    );
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'evidence-anchor-refused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await saved()).toMatchObject({ version: 1, anchor: null, anchorStatus: 'NO_ANCHOR' });

    // Quoting the page as it reads is saved, and the anchor is found.
    await exact.fill('at least 30 marches');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await saved()).toMatchObject({
      version: 2,
      anchor: { exact: 'at least 30 marches' },
      anchorStatus: 'FOUND',
    });
    await page.getByText('Anchor found').first().waitFor();
    await context.close();
  }, 90_000);
});
