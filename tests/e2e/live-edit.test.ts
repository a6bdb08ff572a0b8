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

const FLASH_MOB = /^Protesters have resorted to flash-mob tactics/;
const TORTURE = /^There have been credible reports of torture/;
const RECOGNITION = /^The United States and the European Union have refused to recognize/;

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
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  return page;
}

interface ClaimRow {
  id: string;
  text: string;
  version: number;
  priority: string;
}

/**
 * Someone else saves while a person is halfway through a form on the same claim: the live
 * refresh must keep what they typed, say what changed, and never let their save overwrite it.
 */
describe('typing while someone else changes the claim', () => {
  let product: RunningProduct;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof graphqlAs>>;

  const findClaim = async (text: RegExp): Promise<ClaimRow> => {
    const result = await admin<{ claims: { edges: { node: ClaimRow }[] } }>(
      '{ claims(first: 50) { edges { node { id text version priority } } } }',
    );
    return result.claims.edges.map((e) => e.node).find((c) => text.test(c.text))!;
  };

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await graphqlAs(product.url, 'admin@example.org', 'demo-admin-pass');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('keeps an open claim edit, names the change, and merges it in on request', async () => {
    const claim = await findClaim(FLASH_MOB);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/claims/${claim.id}`);
    await page.getByRole('heading', { name: FLASH_MOB }).waitFor();
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit claim' });
    const claimant = dialog.getByLabel(/^Claimant/);
    await claimant.fill('RFE/RL Belarus Service');

    // The admin raises the priority meanwhile.
    await admin(
      'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version } }',
      { input: { claimId: claim.id, expectedVersion: claim.version, priority: 'URGENT' } },
    );

    await page.getByText('Updated while you were here').waitFor();
    await page.getByText('Ada Admin edited the claim (priority)', { exact: false }).waitFor();
    await dialog.getByText('This claim changed while you were working').waitFor();
    expect(await claimant.inputValue()).toBe('RFE/RL Belarus Service');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'edit-claim-changed-meanwhile');

    await dialog.getByRole('button', { name: 'Load latest, keep my input' }).click();
    await dialog
      .getByText('This claim changed while you were working')
      .waitFor({ state: 'detached' });
    expect(await claimant.inputValue()).toBe('RFE/RL Belarus Service');
    expect(await dialog.getByLabel(/^Priority/).inputValue()).toBe('Urgent');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    const saved = await findClaim(FLASH_MOB);
    expect(saved.priority).toBe('URGENT');
    expect(saved.version).toBe(claim.version + 2);
    await page.getByText('RFE/RL Belarus Service').first().waitFor();
    await page.getByRole('button', { name: 'Dismiss the list of changes' }).click();
    expect(await page.getByText('Updated while you were here').count()).toBe(0);
    await context.close();
  });

  it('brings a claim edit back after a reload, moved onto what was saved meanwhile', async () => {
    const claim = await findClaim(RECOGNITION);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/claims/${claim.id}`);
    await page.getByRole('heading', { name: RECOGNITION }).waitFor();
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit claim' });
    await dialog.getByLabel(/^Claimant/).fill('US State Department; EU High Representative');
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(1);

    // The tab goes away with the edit unsaved; the admin raises the priority meanwhile.
    page.once('dialog', (question) => void question.accept());
    await page.goto('about:blank');
    await admin(
      'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version } }',
      { input: { claimId: claim.id, expectedVersion: claim.version, priority: 'HIGH' } },
    );
    await page.goto(`${product.url}/claims/${claim.id}`);
    // The dialog opens by itself with the claimant typed and the priority saved meanwhile.
    await dialog.getByText('Brought back what you typed').waitFor();
    expect(await dialog.getByLabel(/^Claimant/).inputValue()).toBe(
      'US State Department; EU High Representative',
    );
    expect(await dialog.getByLabel(/^Priority/).inputValue()).toBe('High');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'edit-claim-brought-back');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await findClaim(RECOGNITION);
    expect(saved.priority).toBe('HIGH');
    expect(saved.version).toBe(claim.version + 2);
    await page.getByText('US State Department; EU High Representative').first().waitFor();
    expect(await keptDrafts(page)).toEqual([]);

    // Cancel lets an edit go: nothing is kept, and a reload opens no dialog.
    await page.getByRole('button', { name: 'Edit claim' }).click();
    await dialog.getByLabel(/^Claimant/).fill('Someone else');
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await keptDrafts(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: RECOGNITION }).waitFor();
    expect(await dialog.count()).toBe(0);
    await context.close();
  }, 90_000);

  it('keeps a half-written adjudication when the claim changes underneath it', async () => {
    const claim = await findClaim(TORTURE);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/claims/${claim.id}`);
    await page.getByRole('heading', { name: 'Adjudicate' }).waitFor();
    await page.getByLabel(/^Final verdict/).selectOption('MOSTLY_TRUE');
    await page.getByLabel(/^Likelihood/).selectOption('VERY_LIKELY');
    await page.getByLabel(/^Confidence/).selectOption('MODERATE');
    const summary = page.getByRole('textbox', { name: /^Public summary/ });
    const text =
      'Several rights groups and the UN describe beatings in detention; the accounts agree.';
    await summary.fill(text);

    await admin(
      'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version } }',
      {
        input: {
          claimId: claim.id,
          expectedVersion: claim.version,
          topics: ['torture', 'detentions'],
        },
      },
    );
    await page.getByText('This claim changed while you were working').waitFor();
    expect(await summary.inputValue()).toBe(text);

    // Saving on the old version is refused, naming what changed; nothing typed is lost.
    await page.getByRole('button', { name: 'Verify claim' }).click();
    await page.getByText('Changed: topics.', { exact: true }).waitFor();
    expect(await summary.inputValue()).toBe(text);
    await page.getByRole('button', { name: 'Load latest, keep my input' }).click();
    await page.getByText('Changed: topics.', { exact: true }).waitFor({ state: 'detached' });
    expect(await summary.inputValue()).toBe(text);
    await page.getByRole('button', { name: 'Verify claim' }).click();
    await page.getByRole('heading', { name: 'Adjudication' }).waitFor();
    await page.getByText(text).first().waitFor();
    await context.close();
  });

  it('keeps a reason for rejecting or reopening across a reload until it is sent or cancelled', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    const cases = [
      { claim: RECOGNITION, open: 'Reject', dialog: 'Reject claim', reason: 'Not check-worthy.' },
      // Verified by the test before.
      { claim: TORTURE, open: 'Reopen', dialog: 'Reopen claim', reason: 'New UN report.' },
    ];
    for (const { claim, open, dialog: name, reason } of cases) {
      const { id } = await findClaim(claim);
      await page.goto(`${product.url}/claims/${id}`);
      await page.getByRole('heading', { name: claim }).waitFor();
      await page.getByRole('button', { name: open, exact: true }).click();
      const dialog = page.getByRole('dialog', { name });
      await dialog.getByRole('textbox', { name: /^Reason/ }).fill(reason);
      await expect.poll(() => keptDrafts(page)).toEqual([reason]);
      page.once('dialog', (question) => void question.accept());
      await page.reload();
      // The dialog opens again by itself, with the reason and a note saying so.
      await dialog.getByText('Brought back what you typed').waitFor();
      expect(await dialog.getByRole('textbox', { name: /^Reason/ }).inputValue()).toBe(reason);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await keptDrafts(page)).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { name: claim }).waitFor();
      expect(await dialog.count()).toBe(0);
      // Nothing was sent: the claim can still be rejected (or reopened).
      await page.getByRole('button', { name: open, exact: true }).waitFor();
    }
    await context.close();
  }, 90_000);
});
