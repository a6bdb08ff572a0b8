import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
  keptDrafts,
} from './src/product';

const MARCHES = /^Protesters staged at least 30 marches and rallies on January 17/;

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

/** "Notifications, 2 unread" → 2. */
async function unreadCount(page: Page): Promise<number> {
  // Wait for the bell's count to load before reading it.
  await page.getByRole('link', { name: /^Notifications, (none|\d+) unread$/ }).waitFor();
  const label =
    (await page.getByRole('link', { name: /^Notifications,/ }).getAttribute('aria-label')) ?? '';
  const match = /(\d+) unread/.exec(label);
  return match ? Number(match[1]) : 0;
}

/**
 * Ruslan (reviewer) asks Rita (the other reviewer of the march-count claim) a question with an
 * @mention; Rita's bell counts it at once, and her notifications page takes her to the claim.
 * The editor auto-assigns the unassigned claims from the queue.
 */
describe('discussion, notifications and auto-assignment', () => {
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

  it('notifies a mentioned reviewer live, and their notification leads to the claim', async () => {
    const ritaContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const rita = await signIn(
      ritaContext,
      product.url,
      'reviewer2@example.org',
      'demo-reviewer-pass',
    );
    const before = await unreadCount(rita);

    const ruslanContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const ruslan = await signIn(
      ruslanContext,
      product.url,
      'reviewer@example.org',
      'demo-reviewer-pass',
    );
    await ruslan.goto(`${product.url}/queue?q=marches`);
    await ruslan
      .getByRole('table', { name: 'Claims' })
      .getByRole('link', { name: MARCHES })
      .click();
    const discussion = ruslan.getByRole('region', { name: /^Discussion/ });
    await discussion.getByText('Blind review in progress').waitFor();
    const box = discussion.getByRole('textbox', { name: 'Add a comment' });
    await box.fill('Viasna also listed marches; ');
    await box.pressSequentially('@Rit');
    await discussion.getByRole('option', { name: /Rita Reviewer/ }).waitFor();
    await box.press('Enter');
    await discussion.getByText('Notifies Rita Reviewer.').waitFor();
    await box.pressSequentially('can you compare?');
    expect(await box.inputValue()).toBe(
      'Viasna also listed marches; @reviewer2@example.org can you compare?',
    );
    // Not posted yet: this browser keeps it, so a reloaded (or crashed, or closed) tab brings it
    // back, saying so.
    await expect
      .poll(() => keptDrafts(ruslan))
      .toEqual(['Viasna also listed marches; @reviewer2@example.org can you compare?']);
    ruslan.once('dialog', (dialog) => void dialog.accept());
    await ruslan.reload();
    await discussion.getByText('Brought back what you typed').waitFor();
    expect(await box.inputValue()).toBe(
      'Viasna also listed marches; @reviewer2@example.org can you compare?',
    );
    await discussion.getByText('Notifies Rita Reviewer.').waitFor();
    await screenshot(ruslan, 'discussion-brought-back');
    expect(await seriousAccessibilityViolations(ruslan)).toEqual([]);
    await discussion.getByRole('button', { name: 'Post comment' }).click();
    const posted = discussion.getByRole('article', { name: 'Comment by Ruslan Reviewer' });
    await posted.getByText('@reviewer2@example.org').waitFor();
    // Posted: nothing is kept any more.
    expect(await discussion.getByText('Brought back what you typed').count()).toBe(0);
    expect(await keptDrafts(ruslan)).toEqual([]);
    expect(await posted.textContent()).toContain('can you compare?');
    await posted.getByRole('button', { name: /^Edit \(until/ }).waitFor();
    await screenshot(ruslan, 'discussion-posted');
    expect(await seriousAccessibilityViolations(ruslan)).toEqual([]);

    // Rita's header counts the mention without a reload.
    await rita.getByRole('link', { name: `Notifications, ${before + 1} unread` }).waitFor();
    await rita.getByRole('link', { name: /^Notifications,/ }).click();
    await rita.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const item = rita
      .getByRole('listitem')
      .filter({ hasText: 'Ruslan Reviewer mentioned you in a comment' });
    await item.waitFor();
    expect(await seriousAccessibilityViolations(rita)).toEqual([]);
    await screenshot(rita, 'notifications');
    await item.getByRole('button', { name: MARCHES }).click();
    await rita
      .getByRole('region', { name: /^Discussion/ })
      .getByText('can you compare?')
      .waitFor();
    await rita.getByRole('link', { name: `Notifications, ${before} unread` }).waitFor();
    await ruslanContext.close();
    await ritaContext.close();
  });

  it('keeps a reply and an edit in this browser until posted, and shows an edit that came too late', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/queue?q=marches`);
    await page.getByRole('table', { name: 'Claims' }).getByRole('link', { name: MARCHES }).click();
    const discussion = page.getByRole('region', { name: /^Discussion/ });
    await discussion
      .getByRole('textbox', { name: 'Add a comment' })
      .fill('BelaPAN and Viasna count the Minsk marches differently.');
    await discussion.getByRole('button', { name: 'Post comment' }).click();
    const mine = discussion
      .getByRole('article', { name: 'Comment by Elena Editor' })
      .filter({ hasText: 'count the Minsk marches differently' });
    await mine.waitFor();

    // A reply half written survives a reload: its box opens again with the text.
    await mine.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = discussion.getByRole('textbox', { name: 'Reply to Elena Editor' });
    await reply.fill('Viasna lists 31, with Brest twice.');
    await expect.poll(() => keptDrafts(page)).toEqual(['Viasna lists 31, with Brest twice.']);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await discussion.getByText('Brought back what you typed').waitFor();
    expect(await reply.inputValue()).toBe('Viasna lists 31, with Brest twice.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Escape closes the box and keeps the text; Cancel closes it and lets the text go.
    await reply.press('End');
    await reply.pressSequentially(' Checking.');
    await reply.press('Escape');
    await reply.waitFor({ state: 'detached' });
    await mine.getByRole('button', { name: 'Reply', exact: true }).click();
    expect(await reply.inputValue()).toBe('Viasna lists 31, with Brest twice. Checking.');
    await discussion.getByRole('button', { name: 'Cancel' }).click();
    await reply.waitFor({ state: 'detached' });
    expect(await keptDrafts(page)).toEqual([]);
    await mine.getByRole('button', { name: 'Reply', exact: true }).click();
    expect(await reply.inputValue()).toBe('');
    await discussion.getByRole('button', { name: 'Cancel' }).click();

    // An edit is kept the same way; if the comment's 15 minutes run out before it is saved, the
    // text is shown with a way to post it as a reply instead of being dropped.
    await mine.getByRole('button', { name: /^Edit \(until/ }).click();
    const edit = discussion.getByRole('textbox', { name: 'Edit comment' });
    await edit.fill('BelaPAN and Viasna count the Minsk marches differently: 12 against 9.');
    await expect
      .poll(() => keptDrafts(page))
      .toEqual(['BelaPAN and Viasna count the Minsk marches differently: 12 against 9.']);
    const db = new Database(join(product.dataDir, 'corroborate.db'));
    try {
      db.prepare(
        `UPDATE comments SET "createdAt" = strftime('%Y-%m-%d %H:%M:%f', "createdAt", '-20 minutes')
         WHERE body = ?`,
      ).run('BelaPAN and Viasna count the Minsk marches differently.');
    } finally {
      db.close();
    }
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    const late = discussion.getByRole('status').filter({
      hasText: 'Your edit of this comment was not saved',
    });
    await late.getByText('12 against 9.').waitFor();
    expect(await mine.getByRole('button', { name: /^Edit \(until/ }).count()).toBe(0);
    await screenshot(page, 'discussion-late-edit');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await late.getByRole('button', { name: 'Post it as a reply' }).click();
    expect(await reply.inputValue()).toBe(
      'BelaPAN and Viasna count the Minsk marches differently: 12 against 9.',
    );
    await page
      .locator('form')
      .filter({ has: page.getByRole('textbox', { name: 'Reply to Elena Editor' }) })
      .getByRole('button', { name: 'Reply', exact: true })
      .click();
    await discussion
      .getByRole('article', { name: 'Comment by Elena Editor' })
      .filter({ hasText: '12 against 9.' })
      .waitFor();
    expect(await keptDrafts(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets an editor auto-assign the unassigned claims across reviewers by load', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/queue?unassigned=1`);
    const table = page.getByRole('table', { name: 'Claims' });
    await table.waitFor();
    // Pick the first claim with the keyboard and assign one reviewer to it: Rita, whom neither
    // claim of this view has (the flash-mob claim has Ruslan, the other no one).
    await page.keyboard.press('x');
    const selection = page.getByRole('region', { name: 'Selected claims' });
    await selection.getByText('1 selected').waitFor();
    await selection.getByRole('button', { name: 'Assign…', exact: true }).click();
    const assignDialog = page.getByRole('dialog', { name: 'Assign selected claims' });
    await assignDialog
      .getByLabel(/^Reviewers/)
      .first()
      .click();
    await page.getByRole('option', { name: /^Rita Reviewer \(\d+ open\)$/ }).click();
    await page.keyboard.press('Escape');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await assignDialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(/1 assignment on 1 claim/).waitFor();
    await assignDialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Auto-assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto-assign reviewers' });
    await dialog.getByText(/still needs? reviewers/).waitFor();
    await dialog.getByRole('button', { name: /^Auto-assign \d+ claims?$/ }).click();
    await dialog.getByText('Choose at least one reviewer to share the claims between.').waitFor();
    await dialog
      .getByLabel(/^Reviewers to share them between/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Ruslan Reviewer' }).click();
    await page.getByRole('option', { name: 'Rita Reviewer' }).click();
    await page.keyboard.press('Escape');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^Auto-assign \d+ claims?$/ }).click();
    const loads = dialog.getByRole('table', { name: 'Open assignments per reviewer' });
    await loads.waitFor();
    expect(await loads.getByRole('row').count()).toBe(3);
    await screenshot(page, 'auto-assign-result');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByText('No claims match these filters').waitFor();
    await context.close();
  });
});
