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

const EDITOR = { email: 'editor@example.org', password: 'demo-editor-pass' };

/**
 * Markup that would show up as elements (`#inj`) or run script (`window.__pwned`) if any page
 * rendered user text as HTML instead of text. (The product's Content-Security-Policy also blocks
 * inline handlers and scripts, so the elements are what shows such a mistake first: rendering the
 * comment as HTML makes `#inj` appear while `__pwned` stays unset.)
 */
const PAYLOAD =
  '<img src=x onerror="window.__pwned=1"><b id=inj>bold</b><script>window.__pwned=2</script>';

/** What the page's window holds: a marker set only by the payload's script. */
interface PwnedWindow {
  __pwned?: unknown;
}

/** How many of the payload's elements are in the page, and whether its script ran. */
async function untouched(page: Page): Promise<{ elements: number; pwned: unknown }> {
  return {
    elements: await page.locator('#inj, img[src="x"], b#inj').count(),
    pwned: await page.evaluate(() => (globalThis as unknown as PwnedWindow).__pwned),
  };
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel(/^Password/).fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
}

/**
 * A claim, a comment and an evidence item (with a new source) whose every text field carries
 * HTML and a script: the queue and the workbench show each text literally, as typed, and the
 * browser never turns it into elements or runs it.
 */
describe('user text is shown as text, never as HTML', () => {
  let product: RunningProduct;
  let browser: Browser;
  let claimId = '';
  const claimText = `Markup in a claim ${PAYLOAD} must stay text`;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const call = await graphqlAs(product.url, EDITOR.email, EDITOR.password);
    const { projects } = await call<{ projects: { id: string }[] }>('{ projects { id } }');
    const { createClaim } = await call<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      {
        input: {
          projectId: projects[0]!.id,
          text: claimText,
          claimant: `Claimant ${PAYLOAD}`,
          topics: ['markup'],
        },
      },
    );
    claimId = createClaim.id;
    await call('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
      input: { claimId, body: `Comment ${PAYLOAD}` },
    });
    await call('mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }', {
      input: {
        claimId,
        url: 'https://example.org/markup',
        title: `Evidence title ${PAYLOAD}`,
        excerpt: `Excerpt ${PAYLOAD}`,
        note: `Note ${PAYLOAD}`,
        stance: 'SUPPORTS',
        credibility: 3,
        newSource: { name: `Source ${PAYLOAD}`, kind: 'MEDIA', reliability: 'B' },
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('in the queue', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, product.url);
    await page.goto(`${product.url}/queue?q=markup`);
    const row = page.getByRole('table', { name: 'Claims' }).getByRole('link', { name: claimText });
    await row.waitFor();
    expect(await row.textContent()).toBe(claimText);
    expect(await untouched(page)).toEqual({ elements: 0, pwned: undefined });
    await screenshot(page, 'user-text-queue');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('on the claim workbench: claim, claimant, comment, evidence and source', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, product.url);
    await page.goto(`${product.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: claimText, level: 1 }).waitFor();
    for (const text of [
      `Claimant ${PAYLOAD}`,
      `Comment ${PAYLOAD}`,
      `Evidence title ${PAYLOAD}`,
      `Excerpt ${PAYLOAD}`,
      `Note ${PAYLOAD}`,
      `Source ${PAYLOAD}`,
    ]) {
      await page.getByText(text, { exact: false }).first().waitFor();
    }
    // The evidence title is a link to its (http) URL, with the markup as its literal text.
    const link = page.getByRole('link', { name: `Evidence title ${PAYLOAD}`, exact: true });
    expect(await link.getAttribute('href')).toBe('https://example.org/markup');
    expect(await untouched(page)).toEqual({ elements: 0, pwned: undefined });
    await screenshot(page, 'user-text-workbench');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
