import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningProduct,
  screenshot,
  seriousAccessibilityViolations,
  startProduct,
} from './src/product';

const CLAIM = /^The United States and the European Union have refused to recognize/;

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

async function assess(page: Page, verdict: string, likelihood: string, rationale: string) {
  await page.getByLabel(/^Verdict/).selectOption(verdict);
  await page.getByLabel(/^Likelihood/).selectOption(likelihood);
  await page.getByLabel(/^Confidence/).selectOption('HIGH');
  await page.getByRole('textbox', { name: /^Rationale/ }).fill(rationale);
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  await page
    .getByRole('dialog', { name: 'Submit assessment?' })
    .getByRole('button', { name: 'Submit', exact: true })
    .click();
  await page.getByRole('button', { name: 'Correct assessment' }).waitFor();
}

/**
 * The whole review loop on one claim that starts NEW and unassigned, through the UI only:
 * assign two reviewers, both assess blind, the editor adjudicates, the claim is locked.
 */
describe('the review loop on one claim', () => {
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

  it('assign two → both submit blind → adjudicate → verified, locked, the story in its history', async () => {
    // The editor assigns both reviewers.
    const editorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const editor = await signIn(
      editorContext,
      product.url,
      'editor@example.org',
      'demo-editor-pass',
    );
    await editor.goto(`${product.url}/queue?q=recognize`);
    await editor.getByRole('table', { name: 'Claims' }).getByRole('link', { name: CLAIM }).click();
    await editor.getByText('New').first().waitFor();
    claimUrl = editor.url();
    await editor.getByLabel('Reviewers to assign').first().click();
    await editor.getByRole('option', { name: 'Ruslan Reviewer' }).click();
    await editor.getByRole('option', { name: 'Rita Reviewer' }).click();
    await editor.keyboard.press('Escape');
    await editor.getByRole('button', { name: 'Assign', exact: true }).click();
    await editor.getByRole('button', { name: 'Remove Rita Reviewer' }).waitFor();
    await editor.getByText('In review').first().waitFor();

    // Ruslan assesses first: there is nothing of anyone else's to see.
    const ruslanContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const ruslan = await signIn(
      ruslanContext,
      product.url,
      'reviewer@example.org',
      'demo-reviewer-pass',
    );
    await ruslan.goto(claimUrl);
    await ruslan.getByRole('heading', { name: 'Your assessment' }).waitFor();
    await assess(ruslan, 'TRUE', 'ALMOST_CERTAIN', 'Both governments said so on the record.');

    // Rita cannot see Ruslan's verdict before she submits hers, then she can.
    const ritaContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const rita = await signIn(
      ritaContext,
      product.url,
      'reviewer2@example.org',
      'demo-reviewer-pass',
    );
    await rita.goto(claimUrl);
    await rita.getByRole('heading', { name: 'Your assessment' }).waitFor();
    const assessments = rita.getByRole('region', { name: 'Assessments' });
    await assessments
      .getByText("Other reviewers' assessments appear once you submit yours.")
      .waitFor();
    expect(await assessments.getByRole('heading', { name: 'Ruslan Reviewer' }).count()).toBe(0);
    expect(await rita.getByText('Both governments said so on the record.').count()).toBe(0);
    const historyBefore = (await rita.getByRole('region', { name: 'History' }).textContent()) ?? '';
    expect(historyBefore).not.toContain('ALMOST_CERTAIN');
    expect(await seriousAccessibilityViolations(rita)).toEqual([]);
    await assess(
      rita,
      'MOSTLY_TRUE',
      'VERY_LIKELY',
      'Statements from the State Department and EU.',
    );
    await assessments.getByRole('heading', { name: 'Ruslan Reviewer' }).waitFor();
    await assessments.getByText('Both governments said so on the record.').first().waitFor();
    await rita.getByText('Needs adjudication').first().waitFor();

    // The editor adjudicates with both assessments side by side.
    await editor.reload();
    await editor.getByRole('heading', { name: 'Adjudicate' }).waitFor();
    // Almost certain against very likely: the flag names the reviewers, not ids.
    await editor
      .getByText(
        'Likelihood bands do not overlap: Rita Reviewer says “very likely / highly probable” (80–95%), Ruslan Reviewer says “almost certain / nearly certain” (95–99%).',
      )
      .waitFor();
    await editor
      .getByRole('region', { name: 'Assessments' })
      .getByRole('heading', { name: 'Rita Reviewer' })
      .waitFor();
    await editor.getByLabel(/^Final verdict/).selectOption('TRUE');
    await editor.getByLabel(/^Likelihood/).selectOption('ALMOST_CERTAIN');
    await editor.getByLabel(/^Confidence/).selectOption('HIGH');
    await editor
      .getByRole('textbox', { name: /^Public summary/ })
      .fill('The US and the EU said they do not recognise the result of the August 9 vote.');
    await editor.getByRole('button', { name: 'Verify claim' }).click();
    await editor.getByRole('heading', { name: 'Adjudication' }).waitFor();
    await editor.getByText('Verified').first().waitFor();
    expect(await editor.getByRole('button', { name: 'Edit claim' }).isDisabled()).toBe(true);
    expect(await editor.getByRole('button', { name: 'Add evidence' }).count()).toBe(0);

    // The whole story, step by step, in the history.
    const history = editor.getByRole('region', { name: 'History' });
    const titles = await history.locator('.mantine-Timeline-itemTitle').allTextContents();
    const count = (title: string) => titles.filter((t) => t === title).length;
    expect(count('Assignment created')).toBe(2);
    expect(count('Assessment submitted')).toBe(2);
    expect(titles.filter((t) => /adjudicat/i.test(t))).toHaveLength(1);
    // → in review (first assignment), → needs adjudication (second submission); the move to
    // verified is the adjudication's own event.
    expect(count('Claim status changed')).toBe(2);
    // In words: fields by their names, people by theirs, not the claim's own id in every step.
    const story = (await history.textContent()) ?? '';
    expect(story).toContain('Reviewer: — → Ruslan Reviewer');
    expect(story).toContain('Status: Needs adjudication → Verified');
    expect(story).toContain('Final verdict: — → True');
    expect(story).toContain('Final confidence: — → High confidence');
    expect(story).not.toMatch(/claimId|reviewerId/);
    // Times as dates, not as recorded (ISO 8601); no id spelled out in full.
    expect(story).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(story).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    await screenshot(editor, 'review-loop-verified');
    expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    for (const context of [editorContext, ruslanContext, ritaContext]) await context.close();
  });
});
