import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Verdict, verdictAlpha } from '@corroborate/domain';
import {
  ADJUDICATE,
  type ApiClient,
  ASSIGN,
  errorCode,
  newClaim,
  newProject,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  userIds,
} from './src';

const DASHBOARD = `query($filter: DashboardFilter) {
  dashboard(filter: $filter) {
    open verified overdue
    statusCounts { status count }
    throughput { weekStart intake verified }
    timeToVerify { medianSeconds claims }
    verdicts { verdict count }
    reviewerLoad { reviewer { email } open overdue submitted }
    agreement { month alpha computable reason pairableValues units }
  }
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
    reason: string | null;
    pairableValues: number;
    units: number;
  }[];
}

const DAY = 86_400;

describe('dashboard', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let projectId: string;

  const dashboard = async (filter: Record<string, unknown>, client = editor) =>
    (await client.ok<{ dashboard: Dashboard }>(DASHBOARD, { filter })).dashboard;

  /** Moves a recorded time into the past, as if the work had happened then. */
  const setTime = async (table: string, column: string, id: string, iso: string) => {
    const value =
      api.dataSource.options.type === 'postgres' ? iso : iso.replace('T', ' ').replace('Z', '');
    const sql =
      api.dataSource.options.type === 'postgres'
        ? `UPDATE "${table}" SET "${column}" = $1 WHERE "id" = $2`
        : `UPDATE "${table}" SET "${column}" = ? WHERE "id" = ?`;
    await api.dataSource.query(sql, [value, id]);
  };

  const submit = async (client: ApiClient, claimId: string, verdict: Verdict, at: string) => {
    const { submitAssessment } = await client.ok<{ submitAssessment: { id: string } }>(SUBMIT, {
      input: {
        claimId,
        verdict,
        likelihood: 'LIKELY',
        confidence: 'MODERATE',
        rationale: 'Checked against the sources.',
        evidenceIds: [],
      },
    });
    await setTime('assessments', 'submittedAt', submitAssessment.id, at);
  };

  const verify = async (claimId: string, verdict: Verdict, at: string) => {
    const { claim } = await editor.ok<{ claim: { version: number } }>(
      'query($id: ID!) { claim(id: $id) { version } }',
      { id: claimId },
    );
    const { adjudicateClaim } = await editor.ok<{ adjudicateClaim: { id: string } }>(ADJUDICATE, {
      input: {
        claimId,
        expectedVersion: claim.version,
        verdict,
        likelihood: 'LIKELY',
        confidence: 'HIGH',
        publicSummary: 'Verified against two sources.',
        citedAssessmentIds: [],
        citedEvidenceIds: [],
      },
    });
    await setTime('adjudications', 'createdAt', adjudicateClaim.id, at);
  };

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    const ids = await userIds({ reviewer, reviewer2, editor });
    projectId = await newProject(editor, 'Dashboard desk');
    const both = [ids.reviewer, ids.reviewer2];

    // c1: taken in Monday 10 August 2020, verified two days later; reviewers agree.
    const c1 = await newClaim(editor, projectId, 'The count of votes was falsified.');
    await editor.ok(ASSIGN, { input: { claimIds: [c1.id], reviewerIds: both } });
    await submit(reviewer, c1.id, 'TRUE', '2020-08-11T10:00:00.000Z');
    await submit(reviewer2, c1.id, 'TRUE', '2020-08-11T12:00:00.000Z');
    await verify(c1.id, 'TRUE', '2020-08-12T09:00:00.000Z');
    await setTime('claims', 'createdAt', c1.id, '2020-08-10T09:00:00.000Z');

    // c2: taken in 11 August, verified 14 days later; reviewers one step apart.
    const c2 = await newClaim(editor, projectId, 'Thirty thousand people were detained.');
    await editor.ok(ASSIGN, { input: { claimIds: [c2.id], reviewerIds: both } });
    await submit(reviewer, c2.id, 'FALSE', '2020-08-20T10:00:00.000Z');
    await submit(reviewer2, c2.id, 'MOSTLY_FALSE', '2020-08-24T10:00:00.000Z');
    await verify(c2.id, 'FALSE', '2020-08-25T09:00:00.000Z');
    await setTime('claims', 'createdAt', c2.id, '2020-08-11T09:00:00.000Z');

    // c3: taken in 1 September, one reviewer assigned, the assignment overdue.
    const c3 = await newClaim(editor, projectId, 'At least 30 marches took place.');
    const { assignReviewers } = await editor.ok<{ assignReviewers: { id: string }[] }>(ASSIGN, {
      input: { claimIds: [c3.id], reviewerIds: [ids.reviewer] },
    });
    await setTime('assignments', 'dueAt', assignReviewers[0].id, '2020-09-05T17:00:00.000Z');
    await setTime('claims', 'createdAt', c3.id, '2020-09-01T09:00:00.000Z');

    // c4: taken in 2 September, never assigned, past its due date.
    const c4 = await newClaim(editor, projectId, 'Protesters were tortured in detention.');
    await setTime('claims', 'createdAt', c4.id, '2020-09-02T09:00:00.000Z');
    await setTime('claims', 'dueAt', c4.id, '2020-09-04T09:00:00.000Z');
  });
  afterAll(() => api.close());

  it('counts, throughput, time to verify, verdicts, load and agreement for a project and range', async () => {
    const d = await dashboard({ projectId, from: '2020-08-01', to: '2020-09-30' });
    expect(d.open).toBe(2);
    expect(d.verified).toBe(2);
    expect(d.overdue).toBe(1); // c4; c3 has no due date of its own
    expect(Object.fromEntries(d.statusCounts.map((s) => [s.status, s.count]))).toEqual({
      NEW: 1,
      IN_REVIEW: 1,
      NEEDS_ADJUDICATION: 0,
      VERIFIED: 2,
      REJECTED: 0,
    });

    // Every ISO week of the range, Monday 27 July to Monday 28 September, quiet ones as zeros.
    expect(d.throughput.map((w) => w.weekStart)).toEqual([
      '2020-07-27',
      '2020-08-03',
      '2020-08-10',
      '2020-08-17',
      '2020-08-24',
      '2020-08-31',
      '2020-09-07',
      '2020-09-14',
      '2020-09-21',
      '2020-09-28',
    ]);
    const week = (start: string) => d.throughput.find((w) => w.weekStart === start);
    expect(week('2020-08-10')).toEqual({ weekStart: '2020-08-10', intake: 2, verified: 1 });
    expect(week('2020-08-24')).toMatchObject({ intake: 0, verified: 1 });
    expect(week('2020-08-31')).toMatchObject({ intake: 2, verified: 0 });

    // 2 days and 14 days: the median is 8 days.
    expect(d.timeToVerify).toEqual({ medianSeconds: 8 * DAY, claims: 2 });
    expect(Object.fromEntries(d.verdicts.map((v) => [v.verdict, v.count]))).toEqual({
      FALSE: 1,
      MOSTLY_FALSE: 0,
      MIXED: 0,
      MOSTLY_TRUE: 0,
      TRUE: 1,
      UNVERIFIABLE: 0,
    });

    const load = Object.fromEntries(d.reviewerLoad.map((l) => [l.reviewer.email, l]));
    expect(load['reviewer@example.org']).toMatchObject({ open: 1, overdue: 1, submitted: 2 });
    expect(load['reviewer2@example.org']).toMatchObject({ open: 0, overdue: 0, submitted: 2 });
    expect(d.reviewerLoad[0].reviewer.email).toBe('reviewer@example.org'); // busiest first

    expect(d.agreement.map((m) => m.month)).toEqual(['2020-08', '2020-09']);
    const expected = verdictAlpha([
      { claimId: 'c1', reviewerId: 'a', verdict: 'TRUE' },
      { claimId: 'c1', reviewerId: 'b', verdict: 'TRUE' },
      { claimId: 'c2', reviewerId: 'a', verdict: 'FALSE' },
      { claimId: 'c2', reviewerId: 'b', verdict: 'MOSTLY_FALSE' },
    ]);
    expect(d.agreement[0]).toMatchObject({ computable: true, pairableValues: 4, units: 2 });
    expect(d.agreement[0].alpha).toBeCloseTo(expected.alpha as number, 10);
    // September has no verdicts: no number, and the reason.
    expect(d.agreement[1]).toMatchObject({ alpha: null, computable: false, pairableValues: 0 });
    expect(d.agreement[1].reason).toBeTruthy();
  });

  it('narrows every figure to the range', async () => {
    const september = await dashboard({ projectId, from: '2020-09-01', to: '2020-09-30' });
    expect(september).toMatchObject({ open: 2, verified: 0, overdue: 1 });
    expect(september.timeToVerify).toEqual({ medianSeconds: null, claims: 0 });
    expect(september.verdicts.every((v) => v.count === 0)).toBe(true);
    expect(september.throughput[0]).toEqual({ weekStart: '2020-08-31', intake: 2, verified: 0 });
    const load = Object.fromEntries(september.reviewerLoad.map((l) => [l.reviewer.email, l]));
    // Open load is now; submissions count within the range only.
    expect(load['reviewer@example.org']).toMatchObject({ open: 1, submitted: 0 });

    const oneDay = await dashboard({ projectId, from: '2020-08-12', to: '2020-08-12' });
    expect(oneDay).toMatchObject({ open: 0, verified: 1 });
    expect(oneDay.timeToVerify).toEqual({ medianSeconds: 2 * DAY, claims: 1 });
  });

  it('covers every project when none is chosen', async () => {
    const all = await dashboard({});
    const { claims } = await editor.ok<{ claims: { totalCount: number } }>(
      '{ claims { totalCount } }',
    );
    expect(all.statusCounts.reduce((sum, s) => sum + s.count, 0)).toBe(claims.totalCount);
    expect(all.verified).toBeGreaterThanOrEqual(2);
    expect(all.reviewerLoad.map((l) => l.reviewer.email)).toEqual(
      expect.arrayContaining(['reviewer@example.org', 'reviewer2@example.org']),
    );
  });

  it('counts every claim by status without a range, as the claims themselves say, after changes of status', async () => {
    /** Claims per status counted from the claims table itself (every status listed). */
    const recount = async (project?: string) => {
      const rows = (await api.dataSource.query(
        `SELECT "status", COUNT(*) AS "n" FROM "claims"${project ? ' WHERE "projectId" = ' + (api.config.database.type === 'postgres' ? '$1' : '?') : ''} GROUP BY "status"`,
        project ? [project] : [],
      )) as { status: string; n: string | number }[];
      const counts = Object.fromEntries(
        ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'VERIFIED', 'REJECTED'].map((s) => [s, 0]),
      );
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    };
    const byStatus = (d: Dashboard) =>
      Object.fromEntries(d.statusCounts.map((c) => [c.status, c.count]));

    // The project's four claims, whenever they were taken in.
    expect(byStatus(await dashboard({ projectId }))).toEqual({
      NEW: 1,
      IN_REVIEW: 1,
      NEEDS_ADJUDICATION: 0,
      VERIFIED: 2,
      REJECTED: 0,
    });
    // A claim taken in and rejected now moves its count from NEW to REJECTED.
    const extra = await newClaim(editor, projectId, 'A rumour nobody could trace.');
    expect((await dashboard({ projectId })).statusCounts).toContainEqual({
      status: 'NEW',
      count: 2,
    });
    await editor.ok(
      'mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id status } }',
      { input: { claimId: extra.id, expectedVersion: extra.version, reason: 'Not check-worthy.' } },
    );
    const project = await dashboard({ projectId });
    expect(byStatus(project)).toEqual(await recount(projectId));
    expect(byStatus(project)).toMatchObject({ NEW: 1, REJECTED: 1 });
    expect(project.open).toBe(2);
    const all = await dashboard({});
    expect(byStatus(all)).toEqual(await recount());
  });

  it('refuses days that are not days, a range that ends before it starts and unknown projects', async () => {
    const refused = async (filter: Record<string, unknown>, code: string, field?: string) => {
      const result = await editor.request(DASHBOARD, { filter });
      expect(result.data ?? null).toBeNull();
      expect(errorCode(result)).toBe(code);
      if (field) expect(JSON.stringify(result.errors)).toContain(field);
    };
    await refused({ from: '2020-02-30' }, 'BAD_USER_INPUT', 'from');
    await refused({ to: '1 September' }, 'BAD_USER_INPUT', 'to');
    await refused({ from: '2020-09-02', to: '2020-09-01' }, 'BAD_USER_INPUT', 'to');
    await refused({ projectId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND');
  });

  it('is for editors and admins', async () => {
    const admin = await signedIn(api, 'admin');
    expect((await dashboard({ projectId }, admin)).verified).toBe(2);
    for (const client of [reviewer, await signedIn(api, 'viewer')]) {
      expect(errorCode(await client.request(DASHBOARD, { filter: { projectId } }))).toBe(
        'FORBIDDEN',
      );
    }
  });
});
