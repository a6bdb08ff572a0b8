import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlAs,
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

const FLASH_MOB = /^Protesters have resorted to flash-mob tactics/;

describe('reassigning a reviewer on the claim page', () => {
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

  it('moves an open assignment to another reviewer in one step, with the reason in the history', async () => {
    const admin = await graphqlAs(product.url, 'admin@example.org', 'demo-admin-pass');
    await admin('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'yana@example.org',
        displayName: 'Yana Reviewer',
        password: 'a-long-enough-password',
        role: 'REVIEWER',
      },
    });
    const { claims } = await admin<{ claims: { edges: { node: { id: string; text: string } }[] } }>(
      '{ claims(first: 50) { edges { node { id text } } } }',
    );
    const claim = claims.edges.map((e) => e.node).find((c) => FLASH_MOB.test(c.text))!;

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel(/^Password/).fill('demo-editor-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.goto(`${product.url}/claims/${claim.id}`);
    const panel = page.getByRole('region', { name: 'Assignments' });
    await panel.getByText('Ruslan Reviewer').waitFor();

    await panel.getByRole('button', { name: 'Reassign Ruslan Reviewer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign reviewer' });
    // Nothing chosen: the field says what to do.
    await dialog.getByRole('button', { name: 'Reassign', exact: true }).click();
    await dialog.getByText('Choose who takes the claim over.').waitFor();
    await dialog.getByRole('combobox', { name: /^New reviewer/ }).click();
    // Rita never had this claim; Ruslan has it: only Rita and the new reviewer are offered.
    const offered = await page.getByRole('option').allTextContents();
    expect(offered.sort()).toEqual(['Rita Reviewer', 'Yana Reviewer']);
    await page.getByRole('option', { name: 'Yana Reviewer' }).click();
    await dialog.getByLabel(/^Reason/).fill('Ruslan is covering the Hrodna march this week.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'reassign-dialog');
    await dialog.getByRole('button', { name: 'Reassign', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await panel.getByText('Yana Reviewer').waitFor();
    expect(await panel.getByRole('button', { name: 'Reassign Yana Reviewer' }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Reassign Ruslan Reviewer' }).count()).toBe(0);
    await page
      .getByRole('region', { name: 'History' })
      .getByText('Ruslan is covering the Hrodna march this week.')
      .first()
      .waitFor();
    await context.close();
  });
});

describe('one reviewer’s claims', () => {
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

  it('opens from the dashboard’s reviewer load as a queue filtered by assignee, kept in the URL', async () => {
    const editorApi = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const { reviewers } = await editorApi<{ reviewers: { id: string; displayName: string }[] }>(
      '{ reviewers { id displayName } }',
    );
    const rita = reviewers.find((r) => r.displayName === 'Rita Reviewer')!;
    const { claims } = await editorApi<{
      claims: { totalCount: number; edges: { node: { text: string } }[] };
    }>(
      'query($f: ClaimFilter) { claims(filter: $f, first: 50) { totalCount edges { node { text } } } }',
      {
        f: { assigneeId: rita.id },
      },
    );
    expect(claims.totalCount).toBeGreaterThan(0);

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel(/^Password/).fill('demo-editor-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'The numbers behind “Reviewer load”' }).click();
    await page.getByRole('link', { name: 'Rita Reviewer' }).click();
    await page.waitForURL(/\/queue\?.*assignee=/, { waitUntil: 'commit' });
    const table = page.getByRole('table', { name: 'Claims' });
    await table.getByRole('link').first().waitFor();
    const shown = async () => (await table.getByRole('link').allTextContents()).sort();
    const expected = claims.edges.map((e) => e.node.text).sort();
    // Rows mount in a deferred render: wait for the list to settle on the filtered claims.
    await expect.poll(shown, { timeout: 15_000 }).toEqual(expected);
    expect(await page.getByRole('combobox', { name: /^Assigned to/ }).inputValue()).toBe(
      'Rita Reviewer',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'queue-by-assignee');
    await page.reload();
    await expect.poll(shown, { timeout: 15_000 }).toEqual(expected);
    await context.close();
  });
});
