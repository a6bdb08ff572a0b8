import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADJUDICATE,
  addEvidence,
  type ApiClient,
  ASSIGN,
  AUTO_ASSIGN,
  CLAIM_REVIEW,
  DECLINE,
  demoSourceId,
  DRAFT,
  errorCode,
  type GraphQLResponse,
  newClaim,
  newProject,
  REASSIGN,
  REOPEN,
  reviewSnapshot,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  UNASSIGN,
  userIds,
} from './src';

const QUEUE = `query($filter: ClaimFilter) { claims(filter: $filter, first: 200) { totalCount edges { node { id status } } } }`;
const REJECT = `mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id status rejectionReason duplicateOf { id } } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface ClaimReview {
  id: string;
  status: string;
  version: number;
  assignments: {
    id: string;
    status: string;
    declineReason: string | null;
    reviewer: { email: string };
  }[];
  assessments: { id: string; status: string; verdict: string; reviewer: { email: string } }[];
  myAssessment: { id: string; status: string; verdict: string | null } | null;
  disagreement: { flagged: boolean; reasons: { code: string }[] } | null;
  adjudication: {
    id: string;
    verdict: string;
    publicSummary: string;
    reopenedAt: string | null;
    reopenReason: string | null;
  } | null;
  history: {
    action: string;
    entityType: string;
    reason: string | null;
    actor: { email: string } | null;
    changes: { field: string; before: string | null; after: string | null }[];
  }[];
}

const submission = (claimId: string, input: Record<string, unknown> = {}) => ({
  input: {
    claimId,
    verdict: 'TRUE',
    likelihood: 'LIKELY',
    confidence: 'MODERATE',
    rationale: 'Two independent sources agree.',
    evidenceIds: [],
    ...input,
  },
});

describe('review workflow', () => {
  let api: TestApi;
  let admin: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let viewer: ApiClient;
  let ids: Awaited<ReturnType<typeof userIds>>;
  let sourceId: string;
  let projectId: string;
  let counter = 0;

  const read = async (client: ApiClient, id: string) =>
    (await client.ok<{ claim: ClaimReview }>(CLAIM_REVIEW, { id })).claim;
  const claim = async (text = `Claim ${++counter}`) => newClaim(editor, projectId, text);
  const assign = (claimIds: string[], reviewerIds: string[], client = editor, dueAt?: string) =>
    client.request<{
      assignReviewers: { id: string; status: string; claim: { status: string } }[];
    }>(ASSIGN, { input: { claimIds, reviewerIds, ...(dueAt ? { dueAt } : {}) } });
  const assigned = async (claimIds: string[], reviewerIds: string[]) => {
    const result = await assign(claimIds, reviewerIds);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data?.assignReviewers ?? [];
  };
  const queue = async (client: ApiClient, filter: Record<string, unknown>) =>
    (
      await client.ok<{ claims: { edges: { node: { id: string; status: string } }[] } }>(QUEUE, {
        filter: { projectId, ...filter },
      })
    ).claims.edges.map((e) => e.node.id);
  /** Asserts a refusal: code, field where given, and an unchanged database. */
  const refused = async (
    attempt: () => Promise<GraphQLResponse>,
    code: string,
    field?: string,
    message?: RegExp,
  ) => {
    const before = await reviewSnapshot(api);
    const result = await attempt();
    expect(errorCode(result), JSON.stringify(result.errors)).toBe(code);
    if (field) expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    if (message) expect(result.errors?.[0]?.message).toMatch(message);
    expect(await reviewSnapshot(api)).toEqual(before);
    return result;
  };

  beforeAll(async () => {
    api = await startApi();
    admin = await signedIn(api, 'admin');
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    viewer = await signedIn(api, 'viewer');
    ids = await userIds({ reviewer, reviewer2, editor });
    sourceId = await demoSourceId(editor);
    projectId = await newProject(editor, 'Review workflow desk');
  });
  afterAll(() => api.close());

  describe('assignment', () => {
    it('assigns reviewers to claims in bulk; the first assignment moves NEW to IN_REVIEW, audited', async () => {
      const a = await claim();
      const b = await claim();
      const made = await assigned([a.id, b.id], [ids.reviewer, ids.reviewer2]);
      expect(made).toHaveLength(4);
      expect(made.every((m) => m.status === 'OPEN')).toBe(true);
      for (const id of [a.id, b.id]) {
        const read1 = await read(editor, id);
        expect(read1.status).toBe('IN_REVIEW');
        expect(read1.version).toBe(2);
        expect(read1.assignments.map((x) => x.reviewer.email).sort()).toEqual([
          'reviewer2@example.org',
          'reviewer@example.org',
        ]);
        const actions = read1.history.map((h) => h.action);
        expect(actions.filter((x) => x === 'assignment.created')).toHaveLength(2);
        expect(actions).toContain('claim.statusChanged');
      }
    });

    it("shows each reviewer's open load to editors, counting only OPEN assignments", async () => {
      const LOADS = '{ reviewers { id openAssignmentCount } }';
      const load = async () =>
        new Map(
          (
            await editor.ok<{ reviewers: { id: string; openAssignmentCount: number }[] }>(LOADS)
          ).reviewers.map((r) => [r.id, r.openAssignmentCount]),
        );
      const before = await load();
      const c = await claim();
      await assigned([c.id], [ids.reviewer]);
      const after = await load();
      expect(after.get(ids.reviewer)).toBe((before.get(ids.reviewer) ?? 0) + 1);
      expect(after.get(ids.reviewer2)).toBe(before.get(ids.reviewer2));
      const mine = (await read(reviewer, c.id)).assignments[0];
      await reviewer.ok(DECLINE, {
        input: { assignmentId: mine?.id, reason: 'Conflict of interest' },
      });
      expect((await load()).get(ids.reviewer)).toBe(before.get(ids.reviewer));
    });

    it('names the people, sources and projects behind the ids in the history', async () => {
      const c = await claim('A claim whose history is read by people');
      await assigned([c.id], [ids.reviewer]);
      await addEvidence(reviewer, c.id, sourceId);
      const { claim: read } = await editor.ok<{
        claim: {
          history: {
            action: string;
            changes: { field: string; after: string | null; afterLabel: string | null }[];
          }[];
        };
      }>(
        'query($id: ID!) { claim(id: $id) { history { action changes { field after afterLabel } } } }',
        { id: c.id },
      );
      const change = (action: string, field: string) =>
        read.history.find((h) => h.action === action)?.changes.find((ch) => ch.field === field);
      expect(change('assignment.created', 'reviewerId')).toMatchObject({
        after: JSON.stringify(ids.reviewer),
        afterLabel: 'Ruslan Reviewer',
      });
      expect(change('claim.created', 'projectId')?.afterLabel).toBe('Review workflow desk');
      expect(change('evidence.added', 'sourceId')?.afterLabel).toEqual(expect.any(String));
      expect(change('evidence.added', 'claimId')?.afterLabel).toBe(
        'A claim whose history is read by people',
      );
      // Values that are not ids carry no label.
      expect(change('claim.created', 'text')?.afterLabel).toBeNull();
    });

    it('lets admins assign too and records the due date', async () => {
      const c = await claim();
      const dueAt = '2030-01-01T00:00:00.000Z';
      const result = await assign([c.id], [ids.reviewer], admin, dueAt);
      expect(result.errors).toBeUndefined();
      expect(result.data?.assignReviewers[0]).toMatchObject({
        status: 'OPEN',
        claim: { status: 'IN_REVIEW' },
      });
      // Read back: the due date is stored, for the editor and for the reviewer it is assigned to.
      const DUE = `query($id: ID!) { claim(id: $id) { assignments { dueAt assignedBy { email } reviewer { email } } } }`;
      for (const client of [editor, reviewer]) {
        const { claim: read } = await client.ok<{
          claim: { assignments: { dueAt: string | null }[] };
        }>(DUE, { id: c.id });
        expect(read.assignments).toEqual([
          {
            dueAt,
            assignedBy: { email: 'admin@example.org' },
            reviewer: { email: 'reviewer@example.org' },
          },
        ]);
      }
    });

    it('refuses a user who is not a reviewer, naming them (BAD_USER_INPUT reviewerIds), all or nothing', async () => {
      const c = await claim();
      const d = await claim();
      await refused(
        () => assign([c.id, d.id], [ids.reviewer, ids.editor]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /editor@example\.org.*not an active reviewer/,
      );
      await refused(() => assign([c.id], [UNKNOWN]), 'BAD_USER_INPUT', 'reviewerIds');
      expect((await read(editor, c.id)).status).toBe('NEW');
    });

    it('refuses locked claims (CONFLICT) without assigning any of the batch', async () => {
      const open = await claim();
      const locked = await claim();
      await editor.ok(REJECT, {
        input: { claimId: locked.id, expectedVersion: locked.version, reason: 'Not check-worthy' },
      });
      await refused(
        () => assign([open.id, locked.id], [ids.reviewer]),
        'CONFLICT',
        undefined,
        /REJECTED and locked/,
      );
      expect((await read(editor, open.id)).assignments).toEqual([]);
    });

    it("refuses more reviewers than the project's requiredReviews (counting OPEN + SUBMITTED)", async () => {
      const single = await newProject(editor, 'Single review desk', 1);
      const c = await newClaim(editor, single, 'Needs one review');
      await refused(
        () => assign([c.id], [ids.reviewer, ids.reviewer2]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /needs 1 review/,
      );
      await assigned([c.id], [ids.reviewer]);
      await refused(
        () => assign([c.id], [ids.reviewer2]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /at most 0 more/,
      );
    });

    it('refuses assigning the same reviewer twice, and again after they declined', async () => {
      const c = await claim();
      const [assignment] = await assigned([c.id], [ids.reviewer]);
      await refused(
        () => assign([c.id], [ids.reviewer]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /already assigned/,
      );
      await reviewer.ok(DECLINE, {
        input: { assignmentId: assignment.id, reason: 'Conflict of interest' },
      });
      await refused(
        () => assign([c.id], [ids.reviewer]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /declined this claim; a reviewer never gets the same claim twice/,
      );
    });

    it('validates the input: 1–500 claims, 1–20 reviewers', async () => {
      const c = await claim();
      await refused(() => assign([], [ids.reviewer]), 'BAD_USER_INPUT', 'claimIds');
      await refused(() => assign([c.id], []), 'BAD_USER_INPUT', 'reviewerIds');
      await refused(() => assign(['not-an-id'], [ids.reviewer]), 'BAD_USER_INPUT', 'claimIds');
    });

    it('lets the assigned reviewer decline with a reason; the claim stays IN_REVIEW and is unassigned again', async () => {
      const c = await claim();
      const [mine, theirs] = await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      expect(await queue(editor, { unassigned: true })).not.toContain(c.id);
      await refused(
        () => reviewer.request(DECLINE, { input: { assignmentId: mine.id, reason: '   ' } }),
        'BAD_USER_INPUT',
        'reason',
      );
      await refused(
        () => reviewer.request(DECLINE, { input: { assignmentId: theirs.id, reason: 'Not mine' } }),
        'FORBIDDEN',
      );
      await refused(
        () => editor.request(DECLINE, { input: { assignmentId: mine.id, reason: 'For them' } }),
        'FORBIDDEN',
      );
      const declined = await reviewer.ok<{
        declineAssignment: { status: string; declineReason: string };
      }>(DECLINE, { input: { assignmentId: mine.id, reason: ' Conflict of interest ' } });
      expect(declined.declineAssignment).toMatchObject({
        status: 'DECLINED',
        declineReason: 'Conflict of interest',
      });
      const after = await read(editor, c.id);
      expect(after.status).toBe('IN_REVIEW');
      expect(after.history.find((h) => h.action === 'assignment.declined')?.reason).toBe(
        'Conflict of interest',
      );
      expect(await queue(editor, { unassigned: true })).toContain(c.id);
      await refused(
        () => reviewer.request(DECLINE, { input: { assignmentId: mine.id, reason: 'again' } }),
        'CONFLICT',
      );
    });

    it('unassigns and reassigns OPEN assignments only', async () => {
      const c = await claim();
      const [a] = await assigned([c.id], [ids.reviewer]);
      const moved = await editor.ok<{
        reassignReviewer: { id: string; reviewer: { email: string } };
      }>(REASSIGN, {
        input: { assignmentId: a.id, reviewerId: ids.reviewer2, reason: 'Workload' },
      });
      expect(moved.reassignReviewer.reviewer.email).toBe('reviewer2@example.org');
      expect((await read(editor, c.id)).assignments.map((x) => x.reviewer.email)).toEqual([
        'reviewer2@example.org',
      ]);
      await refused(
        () =>
          editor.request(REASSIGN, {
            input: { assignmentId: moved.reassignReviewer.id, reviewerId: ids.editor },
          }),
        'BAD_USER_INPUT',
        'reviewerId',
      );
      await editor.ok(UNASSIGN, { input: { assignmentId: moved.reassignReviewer.id } });
      const after = await read(editor, c.id);
      expect(after.assignments).toEqual([]);
      expect(after.history.map((h) => h.action)).toEqual(
        expect.arrayContaining(['assignment.reassigned', 'assignment.removed']),
      );
      await refused(
        () => editor.request(UNASSIGN, { input: { assignmentId: moved.reassignReviewer.id } }),
        'NOT_FOUND',
      );
      // A submitted assignment cannot be removed.
      const [b] = await assigned([c.id], [ids.reviewer]);
      await reviewer.ok(SUBMIT, submission(c.id));
      await refused(
        () => editor.request(UNASSIGN, { input: { assignmentId: b.id } }),
        'CONFLICT',
        undefined,
        /SUBMITTED/,
      );
    });

    it('auto-assigns by open load, filling each claim to requiredReviews, never twice to one reviewer', async () => {
      const desk = await newProject(editor, 'Auto-assign desk', 1);
      const claims = [];
      for (let i = 0; i < 4; i++) claims.push(await newClaim(editor, desk, `Auto ${i}`));
      // reviewer starts with more open work than reviewer2 in this database.
      const before = await editor.ok<{
        autoAssign: {
          assignments: { claim: { id: string }; reviewer: { id: string } }[];
          loads: {
            reviewer: { id: string };
            openBefore: number;
            assigned: number;
            openAfter: number;
          }[];
          unfilledClaimIds: string[];
        };
      }>(AUTO_ASSIGN, {
        input: { claimIds: claims.map((c) => c.id), reviewerIds: [ids.reviewer, ids.reviewer2] },
      });
      const { assignments, loads, unfilledClaimIds } = before.autoAssign;
      expect(assignments).toHaveLength(4);
      expect(unfilledClaimIds).toEqual([]);
      expect(new Set(assignments.map((a) => a.claim.id)).size).toBe(4);
      const [l1, l2] = loads;
      expect(l1.openAfter).toBe(l1.openBefore + l1.assigned);
      expect(l2.openAfter).toBe(l2.openBefore + l2.assigned);
      expect(l1.assigned + l2.assigned).toBe(4);
      // Least-loaded first: the final loads differ by at most one unless one started far ahead.
      const gapBefore = Math.abs(l1.openBefore - l2.openBefore);
      expect(Math.abs(l1.openAfter - l2.openAfter)).toBeLessThanOrEqual(Math.max(1, gapBefore - 4));
      for (const c of claims) expect((await read(editor, c.id)).status).toBe('IN_REVIEW');
      // Running it again adds nothing: every claim has its one review assigned.
      const again = await editor.ok<{ autoAssign: { assignments: unknown[] } }>(AUTO_ASSIGN, {
        input: { claimIds: claims.map((c) => c.id), reviewerIds: [ids.reviewer, ids.reviewer2] },
      });
      expect(again.autoAssign.assignments).toEqual([]);
    });

    it('auto-assign never gives a reviewer a claim they declined, and reports claims it could not fill', async () => {
      const c = await claim();
      const [a] = await assigned([c.id], [ids.reviewer]);
      await reviewer.ok(DECLINE, { input: { assignmentId: a.id, reason: 'Too close to it' } });
      const data = await editor.ok<{
        autoAssign: { assignments: { reviewer: { id: string } }[]; unfilledClaimIds: string[] };
      }>(AUTO_ASSIGN, { input: { claimIds: [c.id], reviewerIds: [ids.reviewer, ids.reviewer2] } });
      expect(data.autoAssign.assignments.map((x) => x.reviewer.id)).toEqual([ids.reviewer2]);
      expect(data.autoAssign.unfilledClaimIds).toEqual([c.id]);
    });

    it('refuses auto-assign with no reviewers, more reviewers than exist, or a non-reviewer', async () => {
      const c = await claim();
      const auto = (reviewerIds: string[]) =>
        editor.request(AUTO_ASSIGN, { input: { claimIds: [c.id], reviewerIds } });
      await refused(() => auto([]), 'BAD_USER_INPUT', 'reviewerIds');
      await refused(
        () => auto([ids.reviewer, ids.reviewer2, UNKNOWN]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /only 2 active reviewer/,
      );
      await refused(
        () => auto([ids.editor]),
        'BAD_USER_INPUT',
        'reviewerIds',
        /not an active reviewer/,
      );
    });
  });

  describe('assessments', () => {
    it('refuses a reviewer who is not assigned (FORBIDDEN saying so), for drafts and submissions', async () => {
      const c = await claim();
      await assigned([c.id], [ids.reviewer]);
      await refused(
        () => reviewer2.request(SUBMIT, submission(c.id)),
        'FORBIDDEN',
        undefined,
        /not assigned/,
      );
      await refused(
        () => reviewer2.request(DRAFT, { input: { claimId: c.id, verdict: 'TRUE' } }),
        'FORBIDDEN',
        undefined,
        /not assigned/,
      );
      await refused(() => reviewer.request(SUBMIT, submission(UNKNOWN)), 'NOT_FOUND');
    });

    it('saves drafts privately, then submits; the draft becomes the submission', async () => {
      const c = await claim();
      const e1 = await addEvidence(editor, c.id, sourceId, 'https://example.org/e1');
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      const draft = await reviewer.ok<{
        saveAssessmentDraft: { id: string; status: string; evidence: { id: string }[] };
      }>(DRAFT, { input: { claimId: c.id, verdict: 'MOSTLY_TRUE', evidenceIds: [e1] } });
      expect(draft.saveAssessmentDraft).toMatchObject({ status: 'DRAFT', evidence: [{ id: e1 }] });
      const again = await reviewer.ok<{
        saveAssessmentDraft: { id: string; verdict: string; rationale: string };
      }>(DRAFT, { input: { claimId: c.id, rationale: 'Working on it' } });
      expect(again.saveAssessmentDraft).toMatchObject({
        id: draft.saveAssessmentDraft.id,
        verdict: 'MOSTLY_TRUE',
        rationale: 'Working on it',
      });
      expect((await read(reviewer, c.id)).myAssessment).toMatchObject({ status: 'DRAFT' });
      // Nobody else sees a draft, not even an editor.
      expect((await read(editor, c.id)).assessments).toEqual([]);
      const submitted = await reviewer.ok<{
        submitAssessment: {
          id: string;
          status: string;
          evidence: { id: string }[];
          claim: { status: string };
        };
      }>(SUBMIT, submission(c.id, { evidenceIds: [e1] }));
      expect(submitted.submitAssessment).toMatchObject({
        id: draft.saveAssessmentDraft.id,
        status: 'SUBMITTED',
        evidence: [{ id: e1 }],
        claim: { status: 'IN_REVIEW' },
      });
      const read1 = await read(editor, c.id);
      expect(read1.assessments).toHaveLength(1);
      expect(
        read1.assignments.find((a) => a.reviewer.email === 'reviewer@example.org')?.status,
      ).toBe('SUBMITTED');
      expect(read1.history.find((h) => h.action === 'assessment.submitted')?.entityType).toBe(
        'Assessment',
      );
    });

    it('validates submissions: rationale 1–10,000, evidence must be current evidence of this claim', async () => {
      const c = await claim();
      const other = await claim();
      const foreign = await addEvidence(editor, other.id, sourceId);
      const retracted = await addEvidence(editor, c.id, sourceId, 'https://example.org/retracted');
      await editor.ok(
        'mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { id } }',
        { input: { evidenceId: retracted, expectedVersion: 1, reason: 'Fabricated' } },
      );
      await assigned([c.id], [ids.reviewer]);
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { rationale: '  ' })),
        'BAD_USER_INPUT',
        'rationale',
      );
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { rationale: 'x'.repeat(10_001) })),
        'BAD_USER_INPUT',
        'rationale',
      );
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { evidenceIds: [foreign] })),
        'BAD_USER_INPUT',
        'evidenceIds',
      );
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { evidenceIds: [retracted] })),
        'BAD_USER_INPUT',
        'evidenceIds',
      );
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { verdict: 'PROBABLY' })),
        'BAD_USER_INPUT',
      );
    });

    it('makes a submission final: submitting again needs a correctionReason and supersedes, both kept', async () => {
      const c = await claim();
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      const first = (
        await reviewer.ok<{ submitAssessment: { id: string } }>(SUBMIT, submission(c.id))
      ).submitAssessment;
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { verdict: 'MIXED' })),
        'BAD_USER_INPUT',
        'correctionReason',
        /correction/,
      );
      const second = await reviewer.ok<{
        submitAssessment: {
          id: string;
          status: string;
          correctionReason: string;
          supersedes: { id: string; status: string; verdict: string };
        };
      }>(
        SUBMIT,
        submission(c.id, { verdict: 'MIXED', correctionReason: 'A source was retracted' }),
      );
      expect(second.submitAssessment).toMatchObject({
        status: 'SUBMITTED',
        correctionReason: 'A source was retracted',
        supersedes: { id: first.id, status: 'SUPERSEDED', verdict: 'TRUE' },
      });
      const all = await editor.ok<{
        claim: { assessments: { status: string }[]; current: { status: string }[] };
      }>(
        'query($id: ID!) { claim(id: $id) { assessments(includeSuperseded: true) { status } current: assessments { status } } }',
        { id: c.id },
      );
      expect(all.claim.assessments.map((a) => a.status).sort()).toEqual([
        'SUBMITTED',
        'SUPERSEDED',
      ]);
      expect(all.claim.current).toEqual([{ status: 'SUBMITTED' }]);
      const history = (await read(editor, c.id)).history.find(
        (h) => h.action === 'assessment.corrected',
      );
      expect(history?.reason).toBe('A source was retracted');
      expect(history?.changes).toContainEqual({
        field: 'verdict',
        before: '"TRUE"',
        after: '"MIXED"',
      });
      // Still IN_REVIEW: only one reviewer has submitted.
      expect((await read(editor, c.id)).status).toBe('IN_REVIEW');
    });

    it('keeps an unsent correction as a private draft beside the submission, and discards drafts on request', async () => {
      const c = await claim();
      const e1 = await addEvidence(editor, c.id, sourceId, 'https://example.org/correction-draft');
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      const DISCARD =
        'mutation($input: DiscardAssessmentDraftInput!) { discardAssessmentDraft(input: $input) }';
      const MINE =
        'query($id: ID!) { claim(id: $id) { myAssessment { id status verdict correctionReason } myCorrectionDraft { id status verdict rationale correctionReason evidence { id } } } }';
      type Mine = {
        claim: {
          myAssessment: { id: string; status: string; verdict: string | null } | null;
          myCorrectionDraft: {
            id: string;
            status: string;
            verdict: string | null;
            rationale: string | null;
            correctionReason: string | null;
            evidence: { id: string }[];
          } | null;
        };
      };
      const mine = async (client = reviewer) => (await client.ok<Mine>(MINE, { id: c.id })).claim;

      // A first draft cannot carry a correction's reason, and is discarded on request.
      await refused(
        () =>
          reviewer.request(DRAFT, {
            input: { claimId: c.id, verdict: 'TRUE', correctionReason: 'Changed my mind' },
          }),
        'BAD_USER_INPUT',
        'correctionReason',
        /not submitted/,
      );
      await reviewer.ok(DRAFT, { input: { claimId: c.id, verdict: 'MIXED', evidenceIds: [e1] } });
      expect((await mine()).myAssessment).toMatchObject({ status: 'DRAFT', verdict: 'MIXED' });
      expect(
        (
          await reviewer.ok<{ discardAssessmentDraft: boolean }>(DISCARD, {
            input: { claimId: c.id },
          })
        ).discardAssessmentDraft,
      ).toBe(true);
      expect(await mine()).toEqual({ myAssessment: null, myCorrectionDraft: null });
      expect(
        (
          await reviewer.ok<{ discardAssessmentDraft: boolean }>(DISCARD, {
            input: { claimId: c.id },
          })
        ).discardAssessmentDraft,
      ).toBe(false);
      // Only the reviewer's own draft: another reviewer of the claim has none, and an editor may not.
      expect(
        (
          await reviewer2.ok<{ discardAssessmentDraft: boolean }>(DISCARD, {
            input: { claimId: c.id },
          })
        ).discardAssessmentDraft,
      ).toBe(false);
      await refused(() => editor.request(DISCARD, { input: { claimId: c.id } }), 'FORBIDDEN');

      // After submitting, a draft is a draft of the correction: the submission stays the
      // reviewer's assessment, the draft keeps the reason, and nobody else sees it.
      const first = (
        await reviewer.ok<{ submitAssessment: { id: string } }>(SUBMIT, submission(c.id))
      ).submitAssessment;
      await reviewer.ok(DRAFT, {
        input: {
          claimId: c.id,
          verdict: 'MOSTLY_TRUE',
          rationale: 'The second source is a re-report.',
          evidenceIds: [e1],
          correctionReason: '  Found the original report  ',
        },
      });
      const during = await mine();
      expect(during.myAssessment).toMatchObject({
        id: first.id,
        status: 'SUBMITTED',
        verdict: 'TRUE',
      });
      expect(during.myCorrectionDraft).toMatchObject({
        status: 'DRAFT',
        verdict: 'MOSTLY_TRUE',
        rationale: 'The second source is a re-report.',
        correctionReason: 'Found the original report',
        evidence: [{ id: e1 }],
      });
      expect((await mine(reviewer2)).myCorrectionDraft).toBeNull();
      await reviewer2.ok(SUBMIT, submission(c.id, { verdict: 'TRUE' }));
      const seen = await read(reviewer2, c.id);
      expect(seen.assessments.map((a) => a.id).sort()).not.toContain(during.myCorrectionDraft?.id);
      expect(
        seen.assessments.find((a) => a.reviewer.email === 'reviewer@example.org'),
      ).toMatchObject({
        id: first.id,
        verdict: 'TRUE',
      });
      expect((await read(editor, c.id)).assessments.map((a) => a.status)).toEqual([
        'SUBMITTED',
        'SUBMITTED',
      ]);
      // Discarding the correction leaves the submission as it was.
      await reviewer.ok(DISCARD, { input: { claimId: c.id } });
      expect(await mine()).toMatchObject({
        myAssessment: { id: first.id, status: 'SUBMITTED', verdict: 'TRUE' },
        myCorrectionDraft: null,
      });

      // Submitting a correction makes its draft the new submission, superseding the first.
      const draft = (
        await reviewer.ok<{ saveAssessmentDraft: { id: string } }>(DRAFT, {
          input: { claimId: c.id, verdict: 'MIXED', correctionReason: 'One source retracted' },
        })
      ).saveAssessmentDraft;
      const corrected = await reviewer.ok<{
        submitAssessment: { id: string; status: string; supersedes: { id: string } | null };
      }>(SUBMIT, submission(c.id, { verdict: 'MIXED', correctionReason: 'One source retracted' }));
      expect(corrected.submitAssessment).toMatchObject({
        id: draft.id,
        status: 'SUBMITTED',
        supersedes: { id: first.id },
      });
      expect(await mine()).toMatchObject({
        myAssessment: { id: draft.id, status: 'SUBMITTED', verdict: 'MIXED' },
        myCorrectionDraft: null,
      });
    });

    it('keeps a correction left unsent when the claim is verified, private to its reviewer, who may still discard it', async () => {
      const c = await claim();
      const e = await addEvidence(editor, c.id, sourceId, 'https://example.org/unsent-correction');
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      const first = (
        await reviewer.ok<{ submitAssessment: { id: string } }>(
          SUBMIT,
          submission(c.id, { evidenceIds: [e] }),
        )
      ).submitAssessment;
      await reviewer2.ok(SUBMIT, submission(c.id));
      await reviewer.ok(DRAFT, {
        input: { claimId: c.id, verdict: 'MIXED', correctionReason: 'Second thoughts' },
      });
      const ready = await read(editor, c.id);
      await editor.ok(ADJUDICATE, {
        input: {
          claimId: c.id,
          expectedVersion: ready.version,
          verdict: 'TRUE',
          likelihood: 'VERY_LIKELY',
          confidence: 'HIGH',
          publicSummary: 'Confirmed.',
          citedAssessmentIds: [first.id],
          citedEvidenceIds: [e],
        },
      });
      const MINE =
        'query($id: ID!) { claim(id: $id) { myAssessment { id status } myCorrectionDraft { status verdict correctionReason } } }';
      type Mine = {
        claim: {
          myAssessment: { id: string; status: string } | null;
          myCorrectionDraft: {
            status: string;
            verdict: string | null;
            correctionReason: string | null;
          } | null;
        };
      };
      // Verified and locked: the unsent correction is still the reviewer's, and only theirs.
      expect((await reviewer.ok<Mine>(MINE, { id: c.id })).claim).toEqual({
        myAssessment: { id: first.id, status: 'SUBMITTED' },
        myCorrectionDraft: {
          status: 'DRAFT',
          verdict: 'MIXED',
          correctionReason: 'Second thoughts',
        },
      });
      const verified = await read(editor, c.id);
      expect(verified.status).toBe('VERIFIED');
      expect(verified.assessments.map((a) => a.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
      await refused(
        () =>
          reviewer.request(DRAFT, {
            input: { claimId: c.id, verdict: 'FALSE', correctionReason: 'Later still' },
          }),
        'CONFLICT',
        undefined,
        /VERIFIED and locked/,
      );
      const DISCARD =
        'mutation($input: DiscardAssessmentDraftInput!) { discardAssessmentDraft(input: $input) }';
      await refused(() => editor.request(DISCARD, { input: { claimId: c.id } }), 'FORBIDDEN');
      // Its reviewer may discard it: the claim's record (version, history, assessments) stays.
      expect(
        (
          await reviewer.ok<{ discardAssessmentDraft: boolean }>(DISCARD, {
            input: { claimId: c.id },
          })
        ).discardAssessmentDraft,
      ).toBe(true);
      expect((await reviewer.ok<Mine>(MINE, { id: c.id })).claim).toEqual({
        myAssessment: { id: first.id, status: 'SUBMITTED' },
        myCorrectionDraft: null,
      });
      const after = await read(editor, c.id);
      expect(after.version).toBe(verified.version);
      expect(after.history).toEqual(verified.history);
      expect(after.assessments).toEqual(verified.assessments);
    });

    it('moves the claim to NEEDS_ADJUDICATION when the required reviews are in, and flags disagreement', async () => {
      const c = await claim();
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      await reviewer.ok(SUBMIT, submission(c.id, { verdict: 'TRUE', likelihood: 'LIKELY' }));
      await reviewer2.ok(
        SUBMIT,
        submission(c.id, { verdict: 'MIXED', likelihood: 'ROUGHLY_EVEN' }),
      );
      const after = await read(editor, c.id);
      expect(after.status).toBe('NEEDS_ADJUDICATION');
      expect(after.disagreement?.flagged).toBe(true);
      expect(after.disagreement?.reasons.map((r) => r.code).sort()).toEqual([
        'LIKELIHOOD_NO_OVERLAP',
        'VERDICT_SPREAD',
      ]);
      expect(await queue(editor, { disagreement: true })).toContain(c.id);
      expect(await queue(editor, { statuses: ['NEEDS_ADJUDICATION'] })).toContain(c.id);
      // A correction that resolves the disagreement clears the flag.
      await reviewer2.ok(
        SUBMIT,
        submission(c.id, {
          verdict: 'TRUE',
          likelihood: 'LIKELY',
          correctionReason: 'Re-read the report',
        }),
      );
      expect((await read(editor, c.id)).disagreement?.flagged).toBe(false);
      expect(await queue(editor, { disagreement: true })).not.toContain(c.id);
    });
  });

  describe('queue presets', () => {
    it('filters by assignee, my queue and unassigned', async () => {
      const fresh = await claim();
      const mine = await claim();
      const both = await claim();
      await assigned([mine.id], [ids.reviewer2]);
      await assigned([both.id], [ids.reviewer, ids.reviewer2]);
      expect(await queue(editor, { unassigned: true })).toEqual(
        expect.arrayContaining([fresh.id, mine.id]),
      );
      expect(await queue(editor, { unassigned: true })).not.toContain(both.id);
      expect(await queue(editor, { unassigned: false })).toContain(both.id);
      const r2 = await queue(reviewer2, { assignedToMe: true });
      expect(r2).toEqual(expect.arrayContaining([mine.id, both.id]));
      expect(r2).not.toContain(fresh.id);
      expect(await queue(reviewer, { assignedToMe: true })).not.toContain(mine.id);
      expect(await queue(viewer, { assigneeId: ids.reviewer2 })).toEqual(
        expect.arrayContaining([mine.id, both.id]),
      );
      expect(await queue(viewer, { assigneeId: ids.reviewer })).not.toContain(mine.id);
      // Submitted assignments still count for assigneeId, but leave "my queue".
      await reviewer2.ok(SUBMIT, submission(mine.id));
      expect(await queue(reviewer2, { assignedToMe: true })).not.toContain(mine.id);
      expect(await queue(editor, { assigneeId: ids.reviewer2 })).toContain(mine.id);
      const counts = await editor.ok<{
        claims: { totalCount: number; facets: { statuses: { value: string; count: number }[] } };
      }>(
        'query($filter: ClaimFilter) { claims(filter: $filter) { totalCount facets { statuses { value count } } } }',
        { filter: { projectId, assigneeId: ids.reviewer2 } },
      );
      expect(counts.claims.totalCount).toBeGreaterThanOrEqual(2);
    });

    it('has something in every preset on the demo desk', async () => {
      const { projects } = await editor.ok<{ projects: { id: string; name: string }[] }>(
        '{ projects { id name } }',
      );
      const demo = projects.find((p) => p.name === 'Belarus protests, Jan 2021')?.id;
      const count = async (client: ApiClient, filter: Record<string, unknown>) =>
        (
          await client.ok<{ claims: { totalCount: number } }>(
            'query($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }',
            { filter: { projectId: demo, ...filter } },
          )
        ).claims.totalCount;
      expect(await count(reviewer, { assignedToMe: true })).toBeGreaterThan(0);
      expect(await count(reviewer2, { assignedToMe: true })).toBeGreaterThan(0);
      expect(await count(editor, { unassigned: true })).toBeGreaterThan(0);
      expect(await count(editor, { statuses: ['NEEDS_ADJUDICATION'] })).toBe(3);
      expect(await count(editor, { disagreement: true })).toBe(1);
      expect(await count(editor, { overdue: true })).toBeGreaterThan(0);
      const torture = await editor.ok<{
        claims: {
          edges: { node: { id: string; status: string; disagreement: { flagged: boolean } } }[];
        };
      }>(
        'query($filter: ClaimFilter) { claims(filter: $filter) { edges { node { id status disagreement { flagged } } } } }',
        { filter: { projectId: demo, text: 'torture' } },
      );
      expect(torture.claims.edges[0].node).toMatchObject({
        status: 'NEEDS_ADJUDICATION',
        disagreement: { flagged: true },
      });
    });
  });

  describe('adjudication', () => {
    it('refuses to adjudicate before the required assessments are in (CONFLICT naming both states)', async () => {
      const c = await claim();
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      await reviewer.ok(SUBMIT, submission(c.id));
      const current = await read(editor, c.id);
      await refused(
        () =>
          editor.request(ADJUDICATE, {
            input: {
              claimId: c.id,
              expectedVersion: current.version,
              verdict: 'TRUE',
              likelihood: 'LIKELY',
              confidence: 'HIGH',
              publicSummary: 'Verified.',
              citedAssessmentIds: [],
              citedEvidenceIds: [],
            },
          }),
        'CONFLICT',
        undefined,
        /IN_REVIEW to VERIFIED/,
      );
    });

    it('adjudicates, locks claim, evidence and assessments; reopening needs a reason; all audited', async () => {
      const c = await claim();
      const e = await addEvidence(editor, c.id, sourceId);
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      const a1 = (
        await reviewer.ok<{ submitAssessment: { id: string } }>(
          SUBMIT,
          submission(c.id, { evidenceIds: [e] }),
        )
      ).submitAssessment;
      await reviewer2.ok(SUBMIT, submission(c.id));
      const before = await read(editor, c.id);
      expect(before.status).toBe('NEEDS_ADJUDICATION');
      const input = {
        claimId: c.id,
        expectedVersion: before.version,
        verdict: 'TRUE',
        likelihood: 'VERY_LIKELY',
        confidence: 'HIGH',
        publicSummary: '  Confirmed by two independent sources.  ',
        citedAssessmentIds: [a1.id],
        citedEvidenceIds: [e],
      };
      await refused(
        () => editor.request(ADJUDICATE, { input: { ...input, expectedVersion: 1 } }),
        'CONFLICT',
      );
      await refused(
        () => editor.request(ADJUDICATE, { input: { ...input, publicSummary: ' ' } }),
        'BAD_USER_INPUT',
        'publicSummary',
      );
      await refused(
        () => editor.request(ADJUDICATE, { input: { ...input, citedAssessmentIds: [UNKNOWN] } }),
        'BAD_USER_INPUT',
        'citedAssessmentIds',
      );
      await refused(
        () => editor.request(ADJUDICATE, { input: { ...input, citedEvidenceIds: [UNKNOWN] } }),
        'BAD_USER_INPUT',
        'citedEvidenceIds',
      );
      await refused(() => reviewer.request(ADJUDICATE, { input }), 'FORBIDDEN');
      const done = await editor.ok<{
        adjudicateClaim: {
          publicSummary: string;
          citedAssessments: { id: string }[];
          citedEvidence: { id: string }[];
          claim: { status: string; version: number };
        };
      }>(ADJUDICATE, { input });
      expect(done.adjudicateClaim).toMatchObject({
        publicSummary: 'Confirmed by two independent sources.',
        citedAssessments: [{ id: a1.id }],
        citedEvidence: [{ id: e }],
        claim: { status: 'VERIFIED' },
      });
      const verified = await read(editor, c.id);
      expect(verified.adjudication).toMatchObject({ verdict: 'TRUE', reopenedAt: null });
      const event = verified.history.find((h) => h.action === 'claim.adjudicated');
      expect(event?.changes).toContainEqual({
        field: 'finalVerdict',
        before: null,
        after: '"TRUE"',
      });
      // Locked: assessments, evidence and the claim itself.
      await refused(
        () => reviewer.request(SUBMIT, submission(c.id, { correctionReason: 'late' })),
        'CONFLICT',
        undefined,
        /VERIFIED and locked/,
      );
      await refused(
        () => reviewer.request(DRAFT, { input: { claimId: c.id, verdict: 'FALSE' } }),
        'CONFLICT',
      );
      await refused(
        () =>
          editor.request(ADD_EVIDENCE_DOC, {
            input: {
              claimId: c.id,
              sourceId,
              url: 'https://example.org/late',
              stance: 'SUPPORTS',
              credibility: 2,
            },
          }),
        'CONFLICT',
      );
      await refused(
        () =>
          editor.request(
            'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }',
            {
              input: { claimId: c.id, expectedVersion: verified.version, text: 'Changed' },
            },
          ),
        'CONFLICT',
      );
      await refused(
        () =>
          editor.request(ADJUDICATE, { input: { ...input, expectedVersion: verified.version } }),
        'CONFLICT',
      );
      // Viewers see the assessments of a VERIFIED claim.
      expect((await read(viewer, c.id)).assessments).toHaveLength(2);
      // Reopen: reason required.
      await refused(
        () =>
          editor.request(REOPEN, {
            input: { claimId: c.id, expectedVersion: verified.version, reason: '  ' },
          }),
        'BAD_USER_INPUT',
        'reason',
      );
      await refused(
        () =>
          reviewer.request(REOPEN, {
            input: { claimId: c.id, expectedVersion: verified.version, reason: 'x' },
          }),
        'FORBIDDEN',
      );
      const reopened = await editor.ok<{ reopenClaim: { status: string } }>(REOPEN, {
        input: {
          claimId: c.id,
          expectedVersion: verified.version,
          reason: 'New footage contradicts it',
        },
      });
      expect(reopened.reopenClaim.status).toBe('IN_REVIEW');
      const after = await read(editor, c.id);
      expect(after.adjudication).toMatchObject({ reopenReason: 'New footage contradicts it' });
      expect(after.history.find((h) => h.action === 'claim.reopened')?.reason).toBe(
        'New footage contradicts it',
      );
      // A correction after reopening sends it back to adjudication.
      await reviewer.ok(
        SUBMIT,
        submission(c.id, { verdict: 'MIXED', correctionReason: 'The footage' }),
      );
      expect((await read(editor, c.id)).status).toBe('NEEDS_ADJUDICATION');
      // Reopening a claim that is not VERIFIED is refused by the workflow.
      const now = await read(editor, c.id);
      await refused(
        () =>
          editor.request(REOPEN, {
            input: { claimId: c.id, expectedVersion: now.version, reason: 'again' },
          }),
        'CONFLICT',
        undefined,
        /NEEDS_ADJUDICATION to IN_REVIEW/,
      );
      // Adjudicated again and reopened again, at once: the claim shows the adjudication in force,
      // then that one reopened, never the first one again (both were made within a second).
      await editor.ok(ADJUDICATE, {
        input: {
          ...input,
          expectedVersion: now.version,
          verdict: 'MIXED',
          publicSummary: 'The footage contradicts part of it.',
          citedAssessmentIds: [],
        },
      });
      // Within one clock tick the two tie on their time, and either may sort last: make the
      // reopened one sort last, so "the newest" would be the wrong one.
      const pg = api.dataSource.options.type === 'postgres';
      await api.dataSource.query(
        `UPDATE "adjudications" SET "createdAt" = ${pg ? `now() + interval '1 minute'` : `strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 minute')`} WHERE "claimId" = ${pg ? '$1' : '?'} AND "reopenedAt" IS NOT NULL`,
        [c.id],
      );
      const second = await read(editor, c.id);
      expect(second.status).toBe('VERIFIED');
      expect(second.adjudication).toMatchObject({ verdict: 'MIXED', reopenedAt: null });
      await editor.ok(REOPEN, {
        input: { claimId: c.id, expectedVersion: second.version, reason: 'A second look' },
      });
      expect((await read(editor, c.id)).adjudication).toMatchObject({
        id: second.adjudication?.id,
        verdict: 'MIXED',
        reopenReason: 'A second look',
      });
    });

    it('rejects a claim as a duplicate of another claim of the same project, linking them', async () => {
      const original = await claim('The original claim');
      const dup = await claim('The same claim again');
      const elsewhere = await newClaim(editor, await newProject(editor, 'Other desk'), 'Elsewhere');
      const reject = (duplicateOfId: string) =>
        editor.request(REJECT, {
          input: {
            claimId: dup.id,
            expectedVersion: dup.version,
            reason: 'Duplicate',
            duplicateOfId,
          },
        });
      await refused(() => reject(dup.id), 'BAD_USER_INPUT', 'duplicateOfId');
      await refused(() => reject(elsewhere.id), 'BAD_USER_INPUT', 'duplicateOfId');
      await refused(() => reject(UNKNOWN), 'BAD_USER_INPUT', 'duplicateOfId');
      const done = await editor.ok<{
        rejectClaim: { status: string; duplicateOf: { id: string } };
      }>(REJECT, {
        input: {
          claimId: dup.id,
          expectedVersion: dup.version,
          reason: 'Duplicate',
          duplicateOfId: original.id,
        },
      });
      expect(done.rejectClaim).toMatchObject({
        status: 'REJECTED',
        duplicateOf: { id: original.id },
      });
      const history = (await read(editor, dup.id)).history.find(
        (h) => h.action === 'claim.rejected',
      );
      expect(history?.changes).toContainEqual({
        field: 'duplicateOfId',
        before: null,
        after: JSON.stringify(original.id),
      });
      // Without duplicateOfId, rejecting works as before.
      const plain = await claim();
      const rejected = await editor.ok<{ rejectClaim: { duplicateOf: null } }>(REJECT, {
        input: { claimId: plain.id, expectedVersion: plain.version, reason: 'Not check-worthy' },
      });
      expect(rejected.rejectClaim.duplicateOf).toBeNull();
    });

    it("rejecting closes the claim's open assignments: off the reviewer's load and queue, audited", async () => {
      const LOADS = '{ reviewers { id openAssignmentCount } }';
      const load = async () =>
        new Map(
          (
            await editor.ok<{ reviewers: { id: string; openAssignmentCount: number }[] }>(LOADS)
          ).reviewers.map((r) => [r.id, r.openAssignmentCount]),
        );
      const c = await claim();
      await assigned([c.id], [ids.reviewer, ids.reviewer2]);
      await reviewer2.ok(SUBMIT, submission(c.id));
      const before = await load();
      expect(await queue(reviewer, { assignedToMe: true })).toContain(c.id);
      const current = await read(editor, c.id);
      await editor.ok(REJECT, {
        input: { claimId: c.id, expectedVersion: current.version, reason: 'Not check-worthy' },
      });
      expect((await load()).get(ids.reviewer)).toBe((before.get(ids.reviewer) ?? 0) - 1);
      expect((await load()).get(ids.reviewer2)).toBe(before.get(ids.reviewer2));
      expect(await queue(reviewer, { assignedToMe: true })).not.toContain(c.id);
      const after = await read(editor, c.id);
      // The submitted assignment stays as it was; the open one is closed with the rejection.
      expect(
        after.assignments.map((a) => [a.reviewer.email, a.status, a.declineReason]).sort(),
      ).toEqual([
        ['reviewer2@example.org', 'SUBMITTED', null],
        ['reviewer@example.org', 'DECLINED', 'The claim was rejected: Not check-worthy'],
      ]);
      expect(after.history.map((h) => h.action)).toContain('assignment.closed');
    });
  });

  describe('permissions', () => {
    it('refuses every review write to a viewer (FORBIDDEN), changing nothing', async () => {
      const c = await claim();
      const [a] = await assigned([c.id], [ids.reviewer]);
      const writes: [string, Record<string, unknown>][] = [
        [ASSIGN, { input: { claimIds: [c.id], reviewerIds: [ids.reviewer2] } }],
        [AUTO_ASSIGN, { input: { claimIds: [c.id], reviewerIds: [ids.reviewer2] } }],
        [UNASSIGN, { input: { assignmentId: a.id } }],
        [REASSIGN, { input: { assignmentId: a.id, reviewerId: ids.reviewer2 } }],
        [DECLINE, { input: { assignmentId: a.id, reason: 'No' } }],
        [DRAFT, { input: { claimId: c.id, verdict: 'TRUE' } }],
        [SUBMIT, submission(c.id)],
        [
          ADJUDICATE,
          {
            input: {
              claimId: c.id,
              expectedVersion: 2,
              verdict: 'TRUE',
              likelihood: 'LIKELY',
              confidence: 'HIGH',
              publicSummary: 'x',
              citedAssessmentIds: [],
              citedEvidenceIds: [],
            },
          },
        ],
        [REOPEN, { input: { claimId: c.id, expectedVersion: 2, reason: 'x' } }],
      ];
      for (const [doc, variables] of writes)
        await refused(() => viewer.request(doc, variables), 'FORBIDDEN');
      // Reviewers cannot assign; editors cannot assess.
      await refused(() => reviewer.request(ASSIGN, writes[0][1]), 'FORBIDDEN');
      await refused(() => editor.request(SUBMIT, submission(c.id)), 'FORBIDDEN');
    });
  });
});

const ADD_EVIDENCE_DOC = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`;
