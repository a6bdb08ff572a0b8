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

const CLAIM = /^Protesters staged at least 30 marches and rallies on January 17/;

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

/**
 * The demo's march-count claim has one submitted assessment (Ruslan) and one open assignment
 * (Rita): Rita assesses it blind, then the editor adjudicates it.
 */
describe('blind review and adjudication', () => {
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

  it('lets the second reviewer assess without seeing the first verdict, then shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer2@example.org', 'demo-reviewer-pass');
    await page.getByRole('link', { name: 'Queue' }).click();
    await page
      .getByRole('navigation', { name: 'Queue presets' })
      .getByRole('link', { name: 'My queue' })
      .click();
    await page.getByRole('table', { name: 'Claims' }).getByRole('link', { name: CLAIM }).click();
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    claimUrl = page.url();

    const assessments = page.getByRole('region', { name: 'Assessments' });
    await assessments
      .getByText("Other reviewers' assessments appear once you submit yours.")
      .waitFor();
    expect(await assessments.getByRole('article').count()).toBe(0);
    expect(await assessments.getByRole('heading', { name: 'Ruslan Reviewer' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-blind-before-submit');

    await page.getByLabel(/^Verdict/).selectOption('MOSTLY_TRUE');
    await page.getByLabel(/^Likelihood/).selectOption('LIKELY');
    await page.getByLabel(/^Confidence/).selectOption('MODERATE');
    await page
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('BelaPAN counted the marches; two outlets re-report it, nobody contradicts.');

    // Leaving with the assessment unsaved asks first and names what would be lost; staying keeps
    // every field as typed.
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    await mainNav.getByRole('link', { name: 'Queue' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.getByText('your assessment of this claim').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-leave-unsaved');
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(claimUrl);
    expect(await page.getByRole('textbox', { name: /^Rationale/ }).inputValue()).toBe(
      'BelaPAN counted the marches; two outlets re-report it, nobody contradicts.',
    );
    expect(await page.getByLabel(/^Verdict/).inputValue()).toBe('MOSTLY_TRUE');
    // Closing the tab with something unsaved (typed just now: the draft saves itself only once
    // typing pauses) asks the browser's own question; dismissing it keeps the page.
    const rationale = page.getByRole('textbox', { name: /^Rationale/ });
    await rationale.click();
    await rationale.press('End');
    await rationale.pressSequentially(' Checked twice.');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    // Once typing pauses the assessment saves itself as the private draft: a reload (which no
    // longer asks) brings every field back.
    await page.getByText(/^Draft saved by itself at/).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    expect(await rationale.inputValue()).toBe(
      'BelaPAN counted the marches; two outlets re-report it, nobody contradicts. Checked twice.',
    );
    expect(await page.getByLabel(/^Verdict/).inputValue()).toBe('MOSTLY_TRUE');
    expect(await page.getByLabel(/^Likelihood/).inputValue()).toBe('LIKELY');

    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit assessment?' });
    await confirm.getByRole('button', { name: 'Submit', exact: true }).click();

    await page.getByRole('button', { name: 'Correct assessment' }).waitFor();
    await assessments.getByRole('heading', { name: 'Ruslan Reviewer' }).waitFor();
    await page.getByText('Needs adjudication').first().waitFor();
    await screenshot(page, 'review-after-submit');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Submitted: nothing is left unsaved, so leaving asks nothing.
    await mainNav.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Leave this page?' }).count()).toBe(0);
    await context.close();
  });

  it("keeps a correction as the reviewer's private draft across a reload, until discarded", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer2@example.org', 'demo-reviewer-pass');
    await page.goto(claimUrl);
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    // A correction saves itself as a private draft too: after a reload it is offered to resume,
    // with its reason; discarding it leaves the submission as it was.
    await page.getByRole('button', { name: 'Correct assessment' }).click();
    await page
      .getByRole('textbox', { name: /^Correction reason/ })
      .fill('The second outlet re-reports the first.');
    await page.getByLabel(/^Likelihood/).selectOption('ROUGHLY_EVEN');
    await page.getByText(/^Draft saved by itself at/).waitFor();
    await page.reload();
    await page.getByText('Unsent correction').waitFor();
    expect(await page.getByLabel(/^Likelihood/).count()).toBe(0);
    await screenshot(page, 'review-unsent-correction');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Resume correction' }).click();
    expect(await page.getByRole('textbox', { name: /^Correction reason/ }).inputValue()).toBe(
      'The second outlet re-reports the first.',
    );
    expect(await page.getByLabel(/^Likelihood/).inputValue()).toBe('ROUGHLY_EVEN');
    await page.getByRole('button', { name: 'Discard correction' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard this correction?' });
    await discard.getByRole('button', { name: 'Discard correction' }).click();
    await page.getByRole('button', { name: 'Correct assessment' }).waitFor();
    expect(await page.getByText('Unsent correction').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Correct assessment' }).waitFor();
    expect(await page.getByText('Unsent correction').count()).toBe(0);
    await context.close();
  });

  it('saves a correction the first reviewer leaves unsent before the claim is verified', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(claimUrl);
    await page.getByRole('button', { name: 'Correct assessment' }).click();
    await page
      .getByRole('textbox', { name: /^Correction reason/ })
      .fill('Viasna counted fewer marches in Brest.');
    await page.getByText(/^Draft saved by itself at/).waitFor();
    await context.close();
  });

  it('lets the editor adjudicate: the claim is VERIFIED, locked, and the story is in its history', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(claimUrl);
    await page.getByRole('heading', { name: 'Adjudicate' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel(/^Final verdict/).selectOption('MOSTLY_TRUE');
    await page.getByLabel(/^Likelihood/).selectOption('LIKELY');
    await page.getByLabel(/^Confidence/).selectOption('MODERATE');
    await page
      .getByRole('textbox', { name: /^Public summary/ })
      .fill(
        'At least 30 marches took place on 17 January, per BelaPAN; other reports re-report that count.',
      );
    // The tab closes (reloads) before the claim is verified: this browser kept the adjudication,
    // and it comes back with every field, saying so.
    await expect
      .poll(async () =>
        (await keptDrafts(page)).map((kept) => (kept as { publicSummary?: string }).publicSummary),
      )
      .toEqual([
        'At least 30 marches took place on 17 January, per BelaPAN; other reports re-report that count.',
      ]);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    const adjudication = page.getByRole('form', { name: 'Adjudication' });
    await adjudication.getByText('Brought back what you typed').waitFor();
    expect(await page.getByRole('textbox', { name: /^Public summary/ }).inputValue()).toBe(
      'At least 30 marches took place on 17 January, per BelaPAN; other reports re-report that count.',
    );
    expect(await page.getByLabel(/^Final verdict/).inputValue()).toBe('MOSTLY_TRUE');
    expect(await page.getByLabel(/^Confidence/).inputValue()).toBe('MODERATE');
    await screenshot(page, 'review-adjudication-brought-back');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verify claim' }).click();

    await page.getByRole('heading', { name: 'Adjudication' }).waitFor();
    await page.getByText('Verified').first().waitFor();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit claim' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add evidence' }).count()).toBe(0);

    const history = page.getByRole('region', { name: 'History' });
    const story = (await history.textContent()) ?? '';
    for (const step of [/adjudicat/i, /assessment/i, /assign/i]) expect(story).toMatch(step);
    await screenshot(page, 'review-verified');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Recorded: nothing of it is kept in the browser any more.
    expect(await keptDrafts(page)).toEqual([]);
    await context.close();
  });

  it('shows a correction left unsent on the verified claim to its reviewer, who can discard it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(claimUrl);
    const unsent = page.getByRole('status').filter({ hasText: 'Unsent correction' });
    await unsent.getByText(/The claim was verified before you sent this correction/).waitFor();
    await unsent.getByText('Corrected: Viasna counted fewer marches in Brest.').waitFor();
    // Locked: there is no form to send it with.
    expect(await page.getByRole('button', { name: 'Resume correction' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: /^Correction reason/ }).count()).toBe(0);
    await screenshot(page, 'review-unsent-on-verified');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await unsent.getByRole('button', { name: 'Discard correction' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard this correction?' });
    await discard.getByRole('button', { name: 'Discard correction' }).click();
    await unsent.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    await page
      .getByText(/^Submitted /)
      .first()
      .waitFor();
    expect(await page.getByText('Unsent correction').count()).toBe(0);
    await context.close();
  });

  it('lets the editor assign two reviewers to a new claim, which moves it into review', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'editor@example.org', 'demo-editor-pass');
    await page.goto(`${product.url}/queue?q=recognize`);
    await page
      .getByRole('table', { name: 'Claims' })
      .getByRole('link', { name: /^The United States and the European Union/ })
      .click();
    await page.getByRole('heading', { name: 'Assignments' }).waitFor();
    await page.getByLabel('Reviewers to assign').first().click();
    await page.getByRole('option', { name: 'Ruslan Reviewer' }).click();
    await page.getByRole('option', { name: 'Rita Reviewer' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('button', { name: 'Remove Ruslan Reviewer' }).waitFor();
    await page.getByRole('button', { name: 'Remove Rita Reviewer' }).waitFor();
    await page.getByText('In review').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-assigned');
    await context.close();
  });
});

/**
 * A reviewer's own side of an assignment, on claims the editor sets up over GraphQL: declining it
 * with a reason, and citing evidence from the assessment form's checklist.
 */
describe('the reviewer and their assignment', () => {
  let product: RunningProduct;
  let browser: Browser;
  let editor: Awaited<ReturnType<typeof graphqlAs>>;
  let ruslanId = '';
  let sourceId = '';
  let desks = 0;

  /** A claim of a new project needing `requiredReviews` reviews, assigned to Ruslan alone. */
  const claimAssignedToRuslan = async (text: string, requiredReviews: number) => {
    const { createProject } = await editor<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: `Single-review desk ${++desks}`, requiredReviews } },
    );
    const { createClaim } = await editor<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { projectId: createProject.id, text } },
    );
    await editor(
      'mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }',
      { input: { claimIds: [createClaim.id], reviewerIds: [ruslanId] } },
    );
    return createClaim.id;
  };
  const addEvidence = async (claimId: string, title: string) =>
    (
      await editor<{ addEvidence: { id: string } }>(
        'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
        {
          input: {
            claimId,
            sourceId,
            title,
            url: `https://example.org/${encodeURIComponent(title)}`,
            stance: 'SUPPORTS',
            credibility: 2,
          },
        },
      )
    ).addEvidence.id;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    editor = await graphqlAs(product.url, 'editor@example.org', 'demo-editor-pass');
    const { reviewers } = await editor<{ reviewers: { id: string; email: string }[] }>(
      '{ reviewers { id email } }',
    );
    ruslanId = reviewers.find((u) => u.email === 'reviewer@example.org')!.id;
    const { sources } = await editor<{ sources: { edges: { node: { id: string } }[] } }>(
      '{ sources(first: 1) { edges { node { id } } } }',
    );
    sourceId = sources.edges[0].node.id;
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lets a reviewer decline with a reason; the editor finds the claim unassigned again', async () => {
    const text = 'Metro stations near the march were closed from 14:00';
    const claimId = await claimAssignedToRuslan(text, 1);
    const unassigned = async (page: Page) => {
      await page.goto(`${product.url}/queue`);
      await page
        .getByRole('navigation', { name: 'Queue presets' })
        .getByRole('link', { name: 'Unassigned' })
        .click();
      await page.waitForURL(/[?&]unassigned=1/);
      // The list shown is the preset's, not the whole queue's still on screen.
      const { claims } = await editor<{ claims: { totalCount: number } }>(
        '{ claims(filter: { unassigned: true }) { totalCount } }',
      );
      await page.getByText(new RegExp(`^Showing \\d+ of ${claims.totalCount} claims?$`)).waitFor();
      return page.getByRole('table', { name: 'Claims' }).getByRole('link', { name: text });
    };
    const editorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const editorPage = await signIn(
      editorContext,
      product.url,
      'editor@example.org',
      'demo-editor-pass',
    );
    // Assigned to as many reviewers as it needs: not in the unassigned queue.
    expect(await (await unassigned(editorPage)).count()).toBe(0);

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(`${product.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    await page.getByRole('button', { name: 'Decline assignment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decline assignment' });
    // No reason: the field says what is missing, and nothing is declined.
    await dialog.getByRole('button', { name: 'Decline assignment' }).click();
    await dialog.getByText('Say why you decline, e.g. a conflict of interest.').waitFor();
    const reason = dialog.getByRole('textbox', { name: /^Reason/ });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('I photographed this march myself: a conflict of interest.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-decline-dialog');
    await dialog.getByRole('button', { name: 'Decline assignment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Assignment declined').first().waitFor();
    // No longer theirs to assess.
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor({ state: 'detached' });
    await context.close();

    const link = await unassigned(editorPage);
    await link.waitFor();
    await screenshot(editorPage, 'review-declined-unassigned-queue');
    await link.click();
    const panel = editorPage.getByRole('region', { name: 'Assignments' });
    await panel
      .getByText('Declined: I photographed this march myself: a conflict of interest.')
      .waitFor();
    expect(await panel.getByText('Declined', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(editorPage)).toEqual([]);
    await editorContext.close();
  });

  it('submits the evidence items a reviewer ticks, and shows them as relied on', async () => {
    const text = 'A pharmacy on Pushkinskaya sheltered injured marchers';
    const claimId = await claimAssignedToRuslan(text, 1);
    await addEvidence(claimId, 'Pharmacist interview');
    await addEvidence(claimId, 'Crowd video at the pharmacy door');
    await addEvidence(claimId, 'Unrelated city statement');

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, product.url, 'reviewer@example.org', 'demo-reviewer-pass');
    await page.goto(`${product.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: 'Your assessment' }).waitFor();
    await page.getByLabel(/^Verdict/).selectOption('MOSTLY_TRUE');
    await page.getByLabel(/^Likelihood/).selectOption('LIKELY');
    await page.getByLabel(/^Confidence/).selectOption('MODERATE');
    await page
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('The pharmacist and the video agree; the city statement is about another street.');
    const checklist = page.getByRole('group', { name: 'Evidence relied on' });
    const item = (title: string) => checklist.getByRole('checkbox', { name: new RegExp(title) });
    // From the keyboard: tab to the first item's box and tick it with the space bar.
    await item('Pharmacist interview').focus();
    await page.keyboard.press('Space');
    await item('Crowd video at the pharmacy door').check();
    expect(await item('Pharmacist interview').isChecked()).toBe(true);
    expect(await item('Unrelated city statement').isChecked()).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-evidence-checklist');

    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit assessment?' });
    await confirm.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Correct assessment' }).waitFor();

    const mine = page.getByRole('region', { name: 'Your assessment' });
    const cited = async () =>
      (await mine.getByRole('listitem').allTextContents()).map((t) => t.trim()).sort();
    expect(await cited()).toEqual(['Crowd video at the pharmacy door', 'Pharmacist interview']);
    await screenshot(page, 'review-evidence-relied-on');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Stored as submitted: after a reload, the same two.
    await page.reload();
    await page.getByRole('button', { name: 'Correct assessment' }).waitFor();
    expect(await cited()).toEqual(['Crowd video at the pharmacy door', 'Pharmacist interview']);
    await context.close();
  });
});
