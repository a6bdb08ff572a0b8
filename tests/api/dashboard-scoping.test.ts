import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Verdict, verdictAlpha } from '@corroborate/domain';
import {
  ADJUDICATE,
  type ApiClient,
  ASSIGN,
  newClaim,
  newProject,
  REOPEN,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  userIds,
} from './src';

/**
 * The dashboard's and agreement's figures where counting in SQL could go wrong: a project among
 * others, a range, a claim reopened and verified again, corrected (superseded) verdicts, a claim
 * with a single verdict, an odd number of verified claims, and submissions exactly on the bounds
 * of agreement's window.
 */
const DASHBOARD = `query($filter: DashboardFilter) {
  dashboard(filter: $filter) {
    open verified overdue
    statusCounts { status count }
    throughput { weekStart intake verified }
    timeToVerify { medianSeconds claims }
    verdicts { verdict count }
    reviewerLoad { reviewer { email } open overdue submitted }
    agreement { month alpha computable pairableValues units }
  }
}`;
const AGREEMENT = `query($input: AgreementInput) {
  agreement(input: $input) { alpha computable pairableValues units reviewers { email } }
}`;

interface Dashboard {
  open: number;
  verified: number;
  overdue: number;
  statusCounts: { status: string; count: number }[];
  throughput: { weekStart: string; intake: number; verified: number }[];
  timeToVerify: { medianSeconds: number | null; claims: number };
  verdicts: { verdict: string; count: number }[];
  reviewerLoad: { reviewer: { email: string }; open: number; overdue: number; submitted: number }[];
  agreement: {
    month: string;
    alpha: number | null;
    computable: boolean;
    pairableValues: number;
    units: number;
  }[];
}
interface Agreement {
  alpha: number | null;
  computable: boolean;
  pairableValues: number;
  units: number;
  reviewers: { email: string }[];
}

const DAY = 86_400;

/** Alpha over claims given as their current rated verdicts, computed by the domain function. */
const alphaOf = (claims: Verdict[][]) =>
  verdictAlpha(
    claims.flatMap((verdicts, c) =>
      verdicts.map((verdict, r) => ({ claimId: `c${c}`, reviewerId: `r${r}`, verdict })),
    ),
  );

describe('dashboard and agreement: a project among others, a range, reopened and corrected work', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let ids: Awaited<ReturnType<typeof userIds>>;
  let projectId: string;
  let otherProjectId: string;
  /** The whole organisation before this suite's claims (the demo data). */
  let before: Dashboard;
  let agreementBefore: Agreement;

  const dashboard = async (filter: Record<string, unknown>) =>
    (await editor.ok<{ dashboard: Dashboard }>(DASHBOARD, { filter })).dashboard;
  const agreement = async (input: Record<string, unknown>) =>
    (await editor.ok<{ agreement: Agreement }>(AGREEMENT, { input })).agreement;

  const setTime = async (table: string, column: string, id: string, iso: string) => {
    const postgres = api.dataSource.options.type === 'postgres';
    const value = postgres ? iso : iso.replace('T', ' ').replace('Z', '');
    await api.dataSource.query(
      postgres
        ? `UPDATE "${table}" SET "${column}" = $1 WHERE "id" = $2`
        : `UPDATE "${table}" SET "${column}" = ? WHERE "id" = ?`,
      [value, id],
    );
  };
  const submit = async (
    client: ApiClient,
    claimId: string,
    verdict: Verdict,
    at: string,
    correctionReason?: string,
  ) => {
    const { submitAssessment } = await client.ok<{ submitAssessment: { id: string } }>(SUBMIT, {
      input: {
        claimId,
        verdict,
        likelihood: 'LIKELY',
        confidence: 'MODERATE',
        rationale: 'Checked.',
        evidenceIds: [],
        ...(correctionReason ? { correctionReason } : {}),
      },
    });
    await setTime('assessments', 'submittedAt', submitAssessment.id, at);
  };
  const version = async (claimId: string) =>
    (
      await editor.ok<{ claim: { version: number } }>(
        'query($id: ID!) { claim(id: $id) { version } }',
        { id: claimId },
      )
    ).claim.version;
  const verify = async (claimId: string, verdict: Verdict, at: string) => {
    const { adjudicateClaim } = await editor.ok<{ adjudicateClaim: { id: string } }>(ADJUDICATE, {
      input: {
        claimId,
        expectedVersion: await version(claimId),
        verdict,
        likelihood: 'LIKELY',
        confidence: 'HIGH',
        publicSummary: 'Verified.',
        citedAssessmentIds: [],
        citedEvidenceIds: [],
      },
    });
    await setTime('adjudications', 'createdAt', adjudicateClaim.id, at);
  };
  const claimIn = async (project: string, text: string, createdAt: string, reviewers: string[]) => {
    const claim = await newClaim(editor, project, text);
    const { assignReviewers } = await editor.ok<{ assignReviewers: { id: string }[] }>(ASSIGN, {
      input: { claimIds: [claim.id], reviewerIds: reviewers },
    });
    await setTime('claims', 'createdAt', claim.id, createdAt);
    return { id: claim.id, assignments: assignReviewers.map((a) => a.id) };
  };

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    ids = await userIds({ reviewer, reviewer2, editor });
    before = await dashboard({});
    agreementBefore = await agreement({});
    projectId = await newProject(editor, 'Scoped desk');
    otherProjectId = await newProject(editor, 'Other desk');
    const both = [ids.reviewer, ids.reviewer2];

    // c1, March: TRUE / MOSTLY_TRUE, verified 3 days after intake.
    const c1 = await claimIn(
      projectId,
      'The turnout figure was inflated.',
      '2021-03-01T09:00:00.000Z',
      both,
    );
    await submit(reviewer, c1.id, 'TRUE', '2021-03-02T10:00:00.000Z');
    await submit(reviewer2, c1.id, 'MOSTLY_TRUE', '2021-03-03T10:00:00.000Z');
    await verify(c1.id, 'TRUE', '2021-03-04T09:00:00.000Z');

    // c2, March: FALSE / MIXED, reviewer2 corrects to FALSE; verified FALSE, reopened, reviewer
    // corrects to MOSTLY_FALSE, verified again MOSTLY_FALSE 15 days after intake.
    const c2 = await claimIn(
      projectId,
      'Ten thousand ballots were destroyed.',
      '2021-03-05T09:00:00.000Z',
      both,
    );
    await submit(reviewer, c2.id, 'FALSE', '2021-03-06T10:00:00.000Z');
    await submit(reviewer2, c2.id, 'MIXED', '2021-03-07T10:00:00.000Z');
    await submit(reviewer2, c2.id, 'FALSE', '2021-03-08T10:00:00.000Z', 'Misread the count');
    await verify(c2.id, 'FALSE', '2021-03-10T09:00:00.000Z');
    await editor.ok(REOPEN, {
      input: { claimId: c2.id, expectedVersion: await version(c2.id), reason: 'New records' },
    });
    await submit(reviewer, c2.id, 'MOSTLY_FALSE', '2021-03-15T10:00:00.000Z', 'New records');
    await verify(c2.id, 'MOSTLY_FALSE', '2021-03-20T09:00:00.000Z');

    // c3, March: one verdict so far; reviewer2's assignment overdue.
    const c3 = await claimIn(
      projectId,
      'Police used water cannon.',
      '2021-03-06T09:00:00.000Z',
      both,
    );
    await submit(reviewer, c3.id, 'TRUE', '2021-03-07T10:00:00.000Z');
    await setTime('assignments', 'dueAt', c3.assignments[1], '2021-03-09T17:00:00.000Z');

    // c4, April (outside the March range): UNVERIFIABLE / TRUE, verified after 1 day.
    const c4 = await claimIn(
      projectId,
      'The station was closed all day.',
      '2021-04-02T09:00:00.000Z',
      both,
    );
    await submit(reviewer, c4.id, 'UNVERIFIABLE', '2021-04-02T12:00:00.000Z');
    await submit(reviewer2, c4.id, 'TRUE', '2021-04-02T13:00:00.000Z');
    await verify(c4.id, 'TRUE', '2021-04-03T09:00:00.000Z');

    // Another project in March: verdicts far apart, verified, and an open overdue assignment.
    const q1 = await claimIn(
      otherProjectId,
      'Two hundred were arrested.',
      '2021-03-02T09:00:00.000Z',
      both,
    );
    await submit(reviewer, q1.id, 'FALSE', '2021-03-03T10:00:00.000Z');
    await submit(reviewer2, q1.id, 'TRUE', '2021-03-04T10:00:00.000Z');
    await verify(q1.id, 'MIXED', '2021-03-05T09:00:00.000Z');
    const q2 = await claimIn(otherProjectId, 'The internet was cut.', '2021-03-03T09:00:00.000Z', [
      ids.reviewer,
    ]);
    await setTime('assignments', 'dueAt', q2.assignments[0], '2021-03-04T17:00:00.000Z');
  });
  afterAll(() => api.close());

  it('a project in a range: only its claims, the current adjudication, every submission', async () => {
    const d = await dashboard({ projectId, from: '2021-03-01', to: '2021-03-31' });
    expect(Object.fromEntries(d.statusCounts.map((s) => [s.status, s.count]))).toEqual({
      NEW: 0,
      IN_REVIEW: 1,
      NEEDS_ADJUDICATION: 0,
      VERIFIED: 2,
      REJECTED: 0,
    });
    expect(d).toMatchObject({ open: 1, verified: 2, overdue: 0 });
    // c1 after 3 days, c2 after 15 (its current adjudication): the median is 9 days.
    expect(d.timeToVerify).toEqual({ medianSeconds: 9 * DAY, claims: 2 });
    expect(Object.fromEntries(d.verdicts.map((v) => [v.verdict, v.count]))).toEqual({
      FALSE: 0, // c2's first adjudication was reopened
      MOSTLY_FALSE: 1,
      MIXED: 0,
      MOSTLY_TRUE: 0,
      TRUE: 1,
      UNVERIFIABLE: 0,
    });
    const week = (start: string) => d.throughput.find((w) => w.weekStart === start);
    expect(week('2021-03-01')).toEqual({ weekStart: '2021-03-01', intake: 3, verified: 1 });
    expect(week('2021-03-08')).toEqual({ weekStart: '2021-03-08', intake: 0, verified: 0 });
    expect(week('2021-03-15')).toEqual({ weekStart: '2021-03-15', intake: 0, verified: 1 });

    const load = Object.fromEntries(d.reviewerLoad.map((l) => [l.reviewer.email, l]));
    // Superseded submissions count as work done; the other project's do not.
    expect(load['reviewer@example.org']).toMatchObject({ open: 0, overdue: 0, submitted: 4 });
    expect(load['reviewer2@example.org']).toMatchObject({ open: 1, overdue: 1, submitted: 3 });

    // March: c1 and c2 with their current verdicts; c3 has one verdict, c4 is in April.
    expect(d.agreement.map((m) => m.month)).toEqual(['2021-03']);
    const march = alphaOf([
      ['TRUE', 'MOSTLY_TRUE'],
      ['MOSTLY_FALSE', 'FALSE'],
    ]);
    expect(d.agreement[0]).toMatchObject({ pairableValues: 4, units: 2, computable: true });
    expect(d.agreement[0].alpha).toBe(march.alpha);
  });

  it('a project without a range, and the whole organisation', async () => {
    const p = await dashboard({ projectId });
    expect(p).toMatchObject({ open: 1, verified: 3, overdue: 0 });
    // 1, 3 and 15 days: the middle one.
    expect(p.timeToVerify).toEqual({ medianSeconds: 3 * DAY, claims: 3 });
    expect(p.agreement.map((m) => [m.month, m.units])).toEqual([
      ['2021-03', 2],
      ['2021-04', 0], // UNVERIFIABLE is missing: one value, no unit
    ]);
    const load = Object.fromEntries(p.reviewerLoad.map((l) => [l.reviewer.email, l]));
    expect(load['reviewer@example.org']).toMatchObject({ open: 0, submitted: 5 });
    expect(load['reviewer2@example.org']).toMatchObject({ open: 1, overdue: 1, submitted: 4 });

    const all = await dashboard({});
    expect(all.verified - before.verified).toBe(4);
    const verdicts = (d: Dashboard) =>
      Object.fromEntries(d.verdicts.map((v) => [v.verdict, v.count]));
    const added = Object.fromEntries(
      Object.entries(verdicts(all)).map(([v, n]) => [v, n - (verdicts(before)[v] ?? 0)]),
    );
    expect(added).toEqual({
      FALSE: 0,
      MOSTLY_FALSE: 1,
      MIXED: 1,
      MOSTLY_TRUE: 0,
      TRUE: 2,
      UNVERIFIABLE: 0,
    });
    const loadOf = (d: Dashboard, email: string) => {
      const l = d.reviewerLoad.find((r) => r.reviewer.email === email);
      return { open: l?.open ?? 0, overdue: l?.overdue ?? 0, submitted: l?.submitted ?? 0 };
    };
    const grew = (email: string) => {
      const [now, then] = [loadOf(all, email), loadOf(before, email)];
      return {
        open: now.open - then.open,
        overdue: now.overdue - then.overdue,
        submitted: now.submitted - then.submitted,
      };
    };
    expect(grew('reviewer@example.org')).toEqual({ open: 1, overdue: 1, submitted: 6 });
    expect(grew('reviewer2@example.org')).toEqual({ open: 1, overdue: 1, submitted: 5 });
    const march = alphaOf([
      ['TRUE', 'MOSTLY_TRUE'],
      ['MOSTLY_FALSE', 'FALSE'],
      ['FALSE', 'TRUE'],
    ]);
    const marchAll = all.agreement.find((m) => m.month === '2021-03');
    expect(marchAll).toMatchObject({ units: 3, pairableValues: 6 });
    expect(marchAll?.alpha).toBe(march.alpha);
  });

  it('agreement: a project, a pair, and a window whose bounds are included to the millisecond', async () => {
    const current = alphaOf([
      ['TRUE', 'MOSTLY_TRUE'],
      ['MOSTLY_FALSE', 'FALSE'],
    ]);
    const project = await agreement({ projectId });
    expect(project).toMatchObject({ units: 2, pairableValues: 4, alpha: current.alpha });
    expect(project.reviewers.map((r) => r.email).sort()).toEqual([
      'reviewer2@example.org',
      'reviewer@example.org',
    ]);
    const pair = await agreement({ projectId, reviewerIds: [ids.reviewer, ids.reviewer2] });
    expect(pair).toMatchObject({ units: 2, alpha: current.alpha });

    const window = (from: string, to: string) => agreement({ projectId, from, to });
    // c1's verdicts were submitted at 2021-03-02T10:00 and 2021-03-03T10:00 exactly.
    expect(await window('2021-03-02T10:00:00.000Z', '2021-03-03T10:00:00.000Z')).toMatchObject({
      units: 1,
      pairableValues: 2,
    });
    expect(await window('2021-03-02T10:00:00.001Z', '2021-03-03T10:00:00.000Z')).toMatchObject({
      units: 0,
      pairableValues: 0,
    });
    const early = await window('2021-03-02T10:00:00.000Z', '2021-03-03T09:59:59.999Z');
    expect(early).toMatchObject({ units: 0, pairableValues: 0 });
    expect(early.reviewers.map((r) => r.email)).toEqual(['reviewer@example.org']);

    // Everywhere: the other project's claim too.
    const all = await agreement({});
    expect(all.units - agreementBefore.units).toBe(3);
    expect(all.pairableValues - agreementBefore.pairableValues).toBe(6);
  });
});
