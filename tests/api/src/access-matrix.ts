/**
 * The access-control matrix: every GraphQL operation, and for each kind of caller whether it is
 * allowed or refused. `tests/api/access-matrix.test.ts` runs every cell over HTTP (or graphql-ws
 * for subscriptions) against the live schema, and fails when an operation has no row here.
 *
 * Callers: `anonymous` (no session), `viewer`, `reviewer` (a reviewer NOT assigned to the
 * fixture's claim), `assignedReviewer` (a reviewer assigned to it), `editor`, `admin`.
 *
 * An allowed cell must succeed, or end with exactly the row's `passesGuardWith` code: some
 * requests are built to fail just after the guards (a stale version, an unknown id) so they do
 * not spoil the fixture for the cells that follow. A refused cell must be refused with
 * UNAUTHENTICATED (anonymous) or FORBIDDEN (everyone else).
 */

export const CALLERS = [
  'anonymous',
  'viewer',
  'reviewer',
  'assignedReviewer',
  'editor',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What the cells act on; built by the test before the matrix runs. */
export interface AccessFixture {
  projectId: string;
  /** IN_REVIEW, assigned to `assignedReviewer` only. */
  claimId: string;
  /** On `claimId`, added by `assignedReviewer`. */
  evidenceId: string;
  sourceId: string;
  /** `assignedReviewer`'s OPEN assignment on `claimId`. */
  assignmentId: string;
  /** `assignedReviewer`'s OPEN assignment on another claim, which their cell declines. */
  declinableAssignmentId: string;
  /** Comments on `claimId` by their author. */
  comments: Partial<Record<Caller, string>>;
}

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

export interface AccessRow {
  operation: string;
  allowed: readonly Caller[];
  request: (f: AccessFixture, caller: Caller) => Request;
  /** Ends sessions: runs after every other row, each caller on a session of its own. */
  endsSession?: boolean;
  /** Runs on a fresh anonymous client whoever the caller is (signIn). */
  freshClient?: boolean;
  /**
   * The error an allowed caller's request is built to end with once past the guards (a stale
   * version, an unknown id, input refused on purpose so the fixture stays intact). Without it an
   * allowed cell must succeed.
   */
  passesGuardWith?: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const STALE = 99_999;
const unique = () => Math.random().toString(36).slice(2, 10);

const SIGNED_IN: readonly Caller[] = ['viewer', 'reviewer', 'assignedReviewer', 'editor', 'admin'];
const EVERYONE: readonly Caller[] = ['anonymous', ...SIGNED_IN];
const WRITERS: readonly Caller[] = ['reviewer', 'assignedReviewer', 'editor', 'admin'];
const WORKERS: readonly Caller[] = ['assignedReviewer', 'editor', 'admin'];
const EDITORS: readonly Caller[] = ['editor', 'admin'];
const ADMINS: readonly Caller[] = ['admin'];

const q = (query: string, variables?: Record<string, unknown>): Request => ({ query, variables });
const input = (document: string, value: Record<string, unknown>): Request =>
  q(document, { input: value });

export const ACCESS_MATRIX: readonly AccessRow[] = [
  // ------------------------------------------------------------------ queries
  { operation: 'Query.me', allowed: SIGNED_IN, request: () => q('{ me { id } }') },
  { operation: 'Query.projects', allowed: SIGNED_IN, request: () => q('{ projects { id } }') },
  {
    operation: 'Query.project',
    allowed: SIGNED_IN,
    request: (f) => q('query($id: ID!) { project(id: $id) { id } }', { id: f.projectId }),
  },
  {
    operation: 'Query.claims',
    allowed: SIGNED_IN,
    request: () => q('{ claims(first: 1) { totalCount } }'),
  },
  {
    operation: 'Query.claim',
    allowed: SIGNED_IN,
    request: (f) => q('query($id: ID!) { claim(id: $id) { id } }', { id: f.claimId }),
  },
  {
    operation: 'Query.sources',
    allowed: SIGNED_IN,
    request: () => q('{ sources { totalCount } }'),
  },
  {
    operation: 'Query.source',
    allowed: SIGNED_IN,
    request: (f) => q('query($id: ID!) { source(id: $id) { id } }', { id: f.sourceId }),
  },
  {
    operation: 'Query.evidenceItem',
    allowed: SIGNED_IN,
    request: (f) => q('query($id: ID!) { evidenceItem(id: $id) { id } }', { id: f.evidenceId }),
  },
  {
    // Visibility (blind review) answers NOT_FOUND, not FORBIDDEN; see blind-review.test.ts.
    operation: 'Query.assessment',
    passesGuardWith: 'NOT_FOUND',
    allowed: SIGNED_IN,
    request: () => q('query($id: ID!) { assessment(id: $id) { id } }', { id: UNKNOWN }),
  },
  {
    operation: 'Query.agreement',
    allowed: EDITORS,
    request: () => q('{ agreement { alpha pairableValues } }'),
  },
  {
    operation: 'Query.dashboard',
    allowed: EDITORS,
    request: () => q('{ dashboard { open verified } }'),
  },
  { operation: 'Query.reviewers', allowed: EDITORS, request: () => q('{ reviewers { id } }') },
  { operation: 'Query.users', allowed: ADMINS, request: () => q('{ users { id } }') },
  {
    operation: 'Query.activity',
    allowed: ADMINS,
    request: () => q('{ activity(first: 5) { edges { node { id action } } } }'),
  },
  {
    operation: 'Query.mentionableUsers',
    allowed: WRITERS,
    request: () => q('{ mentionableUsers { id } }'),
  },
  { operation: 'Query.apiTokens', allowed: SIGNED_IN, request: () => q('{ apiTokens { id } }') },
  {
    operation: 'Query.notifications',
    allowed: SIGNED_IN,
    request: () => q('{ notifications { unreadCount } }'),
  },
  {
    operation: 'Query.unreadNotificationCount',
    allowed: SIGNED_IN,
    request: () => q('{ unreadNotificationCount }'),
  },

  // ------------------------------------------------------------------ projects and claims
  {
    operation: 'Mutation.createProject',
    allowed: EDITORS,
    request: () =>
      input('mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
        name: `Matrix desk ${unique()}`,
      }),
  },
  {
    operation: 'Mutation.updateProject',
    passesGuardWith: 'NOT_FOUND',
    allowed: EDITORS,
    request: () =>
      input('mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
        projectId: UNKNOWN,
        name: 'Renamed',
      }),
  },
  {
    operation: 'Mutation.createClaim',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }', {
        projectId: f.projectId,
        text: `A claim taken in by the matrix ${unique()}`,
      }),
  },
  {
    operation: 'Mutation.updateClaim',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }', {
        claimId: f.claimId,
        expectedVersion: STALE,
        priority: 'HIGH',
      }),
  },
  {
    operation: 'Mutation.rejectClaim',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }', {
        claimId: f.claimId,
        expectedVersion: STALE,
        reason: 'Not check-worthy',
      }),
  },

  {
    operation: 'Query.extractClaims',
    allowed: EDITORS,
    request: (f) =>
      q('query($p: ID!, $t: String) { extractClaims(projectId: $p, text: $t) { text } }', {
        p: f.projectId,
        t: 'The UN says more than 30,000 people have been detained.',
      }),
  },
  {
    operation: 'Query.likelyDuplicates',
    allowed: SIGNED_IN,
    request: (f) =>
      q('query($p: ID!, $t: String!) { likelyDuplicates(projectId: $p, text: $t) { score } }', {
        p: f.projectId,
        t: 'The matrix claim',
      }),
  },
  {
    operation: 'Mutation.mergeClaims',
    passesGuardWith: 'NOT_FOUND',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }', {
        survivorId: f.claimId,
        duplicateId: UNKNOWN,
        reason: 'Same claim',
      }),
  },

  // ------------------------------------------------------------------ sources
  {
    operation: 'Mutation.createSource',
    allowed: WRITERS,
    request: () =>
      input('mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }', {
        name: `Matrix outlet ${unique()}`,
        kind: 'MEDIA',
        reliability: 'C',
      }),
  },
  {
    operation: 'Mutation.updateSource',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id } }', {
        sourceId: f.sourceId,
        expectedVersion: STALE,
        name: 'Renamed outlet',
      }),
  },
  {
    operation: 'Mutation.regradeSource',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: RegradeSourceInput!) { regradeSource(input: $input) { id } }', {
        sourceId: f.sourceId,
        expectedVersion: STALE,
        reliability: 'A',
        reason: 'Track record',
      }),
  },

  // ------------------------------------------------------------------ evidence and captures
  {
    operation: 'Mutation.addEvidence',
    allowed: WORKERS,
    request: (f) =>
      input('mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }', {
        claimId: f.claimId,
        sourceId: f.sourceId,
        url: 'https://example.org/matrix',
        stance: 'CONTEXT',
        credibility: 3,
      }),
  },
  {
    operation: 'Mutation.updateEvidence',
    passesGuardWith: 'CONFLICT',
    allowed: WORKERS,
    request: (f) =>
      input('mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }', {
        evidenceId: f.evidenceId,
        expectedVersion: STALE,
        title: 'Changed',
      }),
  },
  {
    operation: 'Mutation.retractEvidence',
    passesGuardWith: 'CONFLICT',
    allowed: WORKERS,
    request: (f) =>
      input('mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { id } }', {
        evidenceId: f.evidenceId,
        expectedVersion: STALE,
        reason: 'Mistaken',
      }),
  },
  {
    // A loopback URL is refused by the fetch guard after the access checks, so nothing is fetched.
    operation: 'Mutation.captureUrl',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: WORKERS,
    request: (f) =>
      input('mutation($input: CaptureUrlInput!) { captureUrl(input: $input) { id } }', {
        evidenceId: f.evidenceId,
        url: 'http://127.0.0.1:9/nothing-here',
      }),
  },

  // ------------------------------------------------------------------ review workflow
  {
    operation: 'Mutation.assignReviewers',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }', {
        claimIds: [f.claimId],
        reviewerIds: [UNKNOWN],
      }),
  },
  {
    operation: 'Mutation.autoAssign',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: EDITORS,
    request: (f) =>
      input(
        'mutation($input: AutoAssignInput!) { autoAssign(input: $input) { unfilledClaimIds } }',
        { claimIds: [f.claimId], reviewerIds: [UNKNOWN] },
      ),
  },
  {
    operation: 'Mutation.unassignReviewer',
    passesGuardWith: 'NOT_FOUND',
    allowed: EDITORS,
    request: () =>
      input('mutation($input: UnassignReviewerInput!) { unassignReviewer(input: $input) { id } }', {
        assignmentId: UNKNOWN,
      }),
  },
  {
    operation: 'Mutation.reassignReviewer',
    passesGuardWith: 'NOT_FOUND',
    allowed: EDITORS,
    request: () =>
      input('mutation($input: ReassignReviewerInput!) { reassignReviewer(input: $input) { id } }', {
        assignmentId: UNKNOWN,
        reviewerId: UNKNOWN,
      }),
  },
  {
    // The assigned reviewer declines one of their own assignments (on another claim); anyone
    // else tries to decline theirs on the fixture's claim.
    operation: 'Mutation.declineAssignment',
    allowed: ['assignedReviewer'],
    request: (f, caller) =>
      input(
        'mutation($input: DeclineAssignmentInput!) { declineAssignment(input: $input) { id } }',
        {
          assignmentId: caller === 'assignedReviewer' ? f.declinableAssignmentId : f.assignmentId,
          reason: 'Conflict of interest',
        },
      ),
  },
  {
    operation: 'Mutation.saveAssessmentDraft',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: ['assignedReviewer'],
    request: (f) =>
      input(
        'mutation($input: SaveAssessmentDraftInput!) { saveAssessmentDraft(input: $input) { id } }',
        { claimId: f.claimId, verdict: 'MIXED', evidenceIds: [UNKNOWN] },
      ),
  },
  {
    operation: 'Mutation.discardAssessmentDraft',
    allowed: ['assignedReviewer'],
    request: (f) =>
      input(
        'mutation($input: DiscardAssessmentDraftInput!) { discardAssessmentDraft(input: $input) }',
        { claimId: f.claimId },
      ),
  },
  {
    operation: 'Mutation.submitAssessment',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: ['assignedReviewer'],
    request: (f) =>
      input('mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }', {
        claimId: f.claimId,
        verdict: 'MIXED',
        likelihood: 'ROUGHLY_EVEN',
        confidence: 'LOW',
        rationale: 'Matrix',
        evidenceIds: [UNKNOWN],
      }),
  },
  {
    operation: 'Mutation.adjudicateClaim',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: AdjudicateClaimInput!) { adjudicateClaim(input: $input) { id } }', {
        claimId: f.claimId,
        expectedVersion: STALE,
        verdict: 'MIXED',
        likelihood: 'ROUGHLY_EVEN',
        confidence: 'LOW',
        publicSummary: 'Matrix',
        citedAssessmentIds: [],
        citedEvidenceIds: [],
      }),
  },
  {
    operation: 'Mutation.reopenClaim',
    passesGuardWith: 'CONFLICT',
    allowed: EDITORS,
    request: (f) =>
      input('mutation($input: ReopenClaimInput!) { reopenClaim(input: $input) { id } }', {
        claimId: f.claimId,
        expectedVersion: STALE,
        reason: 'New evidence',
      }),
  },

  // ------------------------------------------------------------------ discussion, notifications
  {
    operation: 'Mutation.addComment',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: WORKERS,
    request: (f) =>
      input('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
        claimId: f.claimId,
        parentId: UNKNOWN,
        body: 'A reply to nothing',
      }),
  },
  {
    // Authors only: each caller edits their own comment when they have one, else the editor's.
    operation: 'Mutation.editComment',
    allowed: WORKERS,
    request: (f, caller) =>
      input('mutation($input: EditCommentInput!) { editComment(input: $input) { id } }', {
        id: f.comments[caller] ?? f.comments.editor,
        body: `Edited by the matrix ${unique()}`,
      }),
  },
  {
    operation: 'Mutation.markNotificationsRead',
    passesGuardWith: 'NOT_FOUND',
    allowed: SIGNED_IN,
    request: () =>
      q('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [UNKNOWN] }),
  },
  {
    operation: 'Mutation.markAllNotificationsRead',
    allowed: SIGNED_IN,
    request: () => q('mutation { markAllNotificationsRead }'),
  },

  // ------------------------------------------------------------------ organisation, releases
  {
    operation: 'Query.organisation',
    allowed: SIGNED_IN,
    request: () => q('{ organisation { name } }'),
  },
  {
    operation: 'Mutation.updateOrganisation',
    passesGuardWith: 'CONFLICT',
    allowed: ADMINS,
    request: () =>
      input(
        'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name } }',
        { expectedVersion: STALE, name: 'Matrix desk' },
      ),
  },
  {
    // Exports hold only verified claims, which viewers may read; reviewers may not export.
    operation: 'Query.releases',
    allowed: ['viewer', 'editor', 'admin'],
    request: () => q('{ releases { id } }'),
  },
  {
    operation: 'Query.release',
    passesGuardWith: 'NOT_FOUND',
    allowed: ['viewer', 'editor', 'admin'],
    request: () => q('query($id: ID!) { release(id: $id) { id } }', { id: UNKNOWN }),
  },
  {
    operation: 'Mutation.cutRelease',
    passesGuardWith: 'NOT_FOUND',
    allowed: EDITORS,
    request: () =>
      input('mutation($input: CutReleaseInput!) { cutRelease(input: $input) { id } }', {
        name: 'Matrix release',
        filter: { projectId: UNKNOWN },
      }),
  },

  // ------------------------------------------------------------------ accounts
  {
    operation: 'Mutation.createUser',
    allowed: ADMINS,
    request: () =>
      input('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        email: `matrix-${unique()}@example.org`,
        displayName: 'Matrix User',
        role: 'VIEWER',
        password: 'matrix-user-password',
      }),
  },
  {
    operation: 'Mutation.updateUserRole',
    passesGuardWith: 'NOT_FOUND',
    allowed: ADMINS,
    request: () =>
      input('mutation($input: UpdateUserRoleInput!) { updateUserRole(input: $input) { id } }', {
        userId: UNKNOWN,
        role: 'EDITOR',
      }),
  },
  {
    operation: 'Mutation.deactivateUser',
    passesGuardWith: 'NOT_FOUND',
    allowed: ADMINS,
    request: () => q('mutation($id: ID!) { deactivateUser(userId: $id) { id } }', { id: UNKNOWN }),
  },
  {
    operation: 'Mutation.reactivateUser',
    passesGuardWith: 'NOT_FOUND',
    allowed: ADMINS,
    request: () => q('mutation($id: ID!) { reactivateUser(userId: $id) { id } }', { id: UNKNOWN }),
  },
  {
    operation: 'Mutation.resetUserPassword',
    passesGuardWith: 'NOT_FOUND',
    allowed: ADMINS,
    request: () =>
      input(
        'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
        { userId: UNKNOWN, newPassword: 'a-new-long-password' },
      ),
  },
  {
    operation: 'Mutation.createApiToken',
    allowed: SIGNED_IN,
    request: () =>
      input('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', {
        name: `Matrix ${unique()}`,
      }),
  },
  {
    operation: 'Mutation.revokeApiToken',
    passesGuardWith: 'NOT_FOUND',
    allowed: SIGNED_IN,
    request: () => q('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: UNKNOWN }),
  },
  {
    operation: 'Mutation.signIn',
    allowed: EVERYONE,
    freshClient: true,
    request: () =>
      input('mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }', {
        email: 'viewer@example.org',
        password: 'demo-viewer-pass',
      }),
  },
  {
    operation: 'Mutation.signOut',
    allowed: SIGNED_IN,
    endsSession: true,
    request: () => q('mutation { signOut }'),
  },
  {
    operation: 'Mutation.changeMyPassword',
    passesGuardWith: 'BAD_USER_INPUT',
    allowed: SIGNED_IN,
    request: () =>
      input('mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }', {
        currentPassword: 'not-the-current-password',
        newPassword: 'a-new-long-password',
      }),
  },
  {
    operation: 'Mutation.signOutEverywhere',
    allowed: SIGNED_IN,
    endsSession: true,
    request: () => q('mutation { signOutEverywhere }'),
  },

  // ------------------------------------------------------------------ subscriptions (graphql-ws)
  {
    operation: 'Subscription.claimActivity',
    allowed: SIGNED_IN,
    request: (f) =>
      q('subscription($id: ID!) { claimActivity(claimId: $id) { action } }', { id: f.claimId }),
  },
  {
    operation: 'Subscription.myActivity',
    allowed: SIGNED_IN,
    request: () => q('subscription { myActivity { action } }'),
  },
];
