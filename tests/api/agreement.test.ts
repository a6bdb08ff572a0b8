import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Verdict, verdictAlpha } from '@corroborate/domain';
import {
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

const AGREEMENT = `query($input: AgreementInput) {
  agreement(input: $input) { metric alpha computable reason pairableValues units reviewers { email } }
}`;

interface Agreement {
  metric: string;
  alpha: number | null;
  computable: boolean;
  reason: string | null;
  pairableValues: number;
  units: number;
  reviewers: { email: string }[];
}

describe('agreement (Krippendorff’s alpha over submitted verdicts)', () => {
  let api: TestApi;
  let editor: ApiClient;
  let admin: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let ids: Awaited<ReturnType<typeof userIds>>;
  let projectId: string;
  const claimIds: string[] = [];
  // Verdicts per claim: [reviewer, reviewer2]; UNVERIFIABLE counts as missing.
  const VERDICTS: [Verdict, Verdict][] = [
    ['TRUE', 'TRUE'],
    ['TRUE', 'MOSTLY_TRUE'],
    ['FALSE', 'MIXED'],
    ['MOSTLY_FALSE', 'FALSE'],
    ['UNVERIFIABLE', 'TRUE'],
  ];

  const agreement = async (client: ApiClient, input: Record<string, unknown> = {}) =>
    (await client.ok<{ agreement: Agreement }>(AGREEMENT, { input })).agreement;
  const submit = (
    client: ApiClient,
    claimId: string,
    verdict: Verdict,
    correctionReason?: string,
  ) =>
    client.ok(SUBMIT, {
      input: {
        claimId,
        verdict,
        likelihood: 'LIKELY',
        confidence: 'MODERATE',
        rationale: 'Because.',
        evidenceIds: [],
        ...(correctionReason ? { correctionReason } : {}),
      },
    });
  const expected = (rows: [Verdict, Verdict][], metric: 'ordinal' | 'nominal' = 'ordinal') =>
    verdictAlpha(
      rows.flatMap(([a, b], i) => [
        { claimId: `c${i}`, reviewerId: 'r1', verdict: a },
        { claimId: `c${i}`, reviewerId: 'r2', verdict: b },
      ]),
      metric,
    );

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    admin = await signedIn(api, 'admin');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    ids = await userIds({ reviewer, reviewer2, editor });
    projectId = await newProject(editor, 'Agreement desk');
    for (const [i, [a, b]] of VERDICTS.entries()) {
      const claim = await newClaim(editor, projectId, `Agreement claim ${i}`);
      claimIds.push(claim.id);
      await editor.ok(ASSIGN, {
        input: { claimIds: [claim.id], reviewerIds: [ids.reviewer, ids.reviewer2] },
      });
      await submit(reviewer, claim.id, a);
      await submit(reviewer2, claim.id, b);
    }
  });
  afterAll(() => api.close());

  it('computes ordinal alpha over a project, matching the domain function, with the values it rests on', async () => {
    const result = await agreement(editor, { projectId });
    const domain = expected(VERDICTS);
    expect(result.metric).toBe('ORDINAL');
    expect(result.computable).toBe(true);
    expect(result.alpha).toBeCloseTo(domain.alpha as number, 10);
    // UNVERIFIABLE is missing: the fifth claim has one value, so 4 units and 8 pairable values.
    expect(result.units).toBe(4);
    expect(result.pairableValues).toBe(8);
    expect(result.reviewers.map((r) => r.email).sort()).toEqual([
      'reviewer2@example.org',
      'reviewer@example.org',
    ]);
  });

  it('computes the nominal metric when asked, and admins may ask too', async () => {
    const result = await agreement(admin, { projectId, metric: 'NOMINAL' });
    expect(result.metric).toBe('NOMINAL');
    expect(result.alpha).toBeCloseTo(expected(VERDICTS, 'nominal').alpha as number, 10);
  });

  it('computes a pair of reviewers, and refuses anything but exactly two different reviewers', async () => {
    const pair = await agreement(editor, { projectId, reviewerIds: [ids.reviewer, ids.reviewer2] });
    expect(pair.alpha).toBeCloseTo(expected(VERDICTS).alpha as number, 10);
    for (const reviewerIds of [
      [ids.reviewer],
      [ids.reviewer, ids.reviewer],
      [ids.reviewer, ids.reviewer2, ids.editor],
    ]) {
      const result = await editor.request(AGREEMENT, { input: { projectId, reviewerIds } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('reviewerIds');
    }
  });

  it('says "not computable" (alpha null) rather than a misleading number when there is too little data', async () => {
    const empty = await newProject(editor, 'Empty agreement desk');
    const none = await agreement(editor, { projectId: empty });
    expect(none).toMatchObject({ alpha: null, computable: false, pairableValues: 0, units: 0 });
    expect(none.reason).toMatch(/nothing to compare/);
    // A window after every submission holds nothing either.
    const later = await agreement(editor, { projectId, from: '2999-01-01T00:00:00.000Z' });
    expect(later).toMatchObject({ alpha: null, computable: false });
    // A window around now holds everything.
    const around = await agreement(editor, {
      projectId,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(around.units).toBe(4);
    const backwards = await editor.request(AGREEMENT, {
      input: { from: '2021-02-01T00:00:00.000Z', to: '2021-01-01T00:00:00.000Z' },
    });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0]?.extensions?.['field']).toBe('to');
  });

  it('uses only the latest submission of each reviewer (corrections supersede)', async () => {
    // Correct the FALSE/MIXED claim to agree: FALSE/FALSE.
    await submit(reviewer2, claimIds[2], 'FALSE', 'Misread the source');
    const corrected: [Verdict, Verdict][] = VERDICTS.map((v, i) =>
      i === 2 ? ['FALSE', 'FALSE'] : v,
    );
    const result = await agreement(editor, { projectId });
    expect(result.alpha).toBeCloseTo(expected(corrected).alpha as number, 10);
    expect(result.pairableValues).toBe(8);
  });

  it('refuses viewers and reviewers (FORBIDDEN)', async () => {
    const viewer = await signedIn(api, 'viewer');
    expect(errorCode(await viewer.request(AGREEMENT, { input: {} }))).toBe('FORBIDDEN');
    expect(errorCode(await reviewer.request(AGREEMENT, { input: {} }))).toBe('FORBIDDEN');
  });
});
