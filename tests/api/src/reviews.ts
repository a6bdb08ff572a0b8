import { type ApiClient, type TestApi } from './harness';

/** Shared GraphQL documents and helpers for the review-workflow suites. */
export const ASSIGN = `mutation($input: AssignReviewersInput!) {
  assignReviewers(input: $input) { id status dueAt declineReason claim { id status } reviewer { id email } assignedBy { email } }
}`;
export const AUTO_ASSIGN = `mutation($input: AutoAssignInput!) {
  autoAssign(input: $input) {
    assignments { id claim { id } reviewer { id email } status }
    loads { reviewer { id email } openBefore assigned openAfter }
    unfilledClaimIds
  }
}`;
export const UNASSIGN = `mutation($input: UnassignReviewerInput!) { unassignReviewer(input: $input) { id status } }`;
export const REASSIGN = `mutation($input: ReassignReviewerInput!) { reassignReviewer(input: $input) { id status reviewer { email } } }`;
export const DECLINE = `mutation($input: DeclineAssignmentInput!) { declineAssignment(input: $input) { id status declineReason } }`;
export const DRAFT = `mutation($input: SaveAssessmentDraftInput!) {
  saveAssessmentDraft(input: $input) { id status verdict likelihood confidence rationale evidence { id } }
}`;
export const SUBMIT = `mutation($input: SubmitAssessmentInput!) {
  submitAssessment(input: $input) {
    id status verdict likelihood confidence rationale correctionReason submittedAt
    evidence { id } supersedes { id status verdict } reviewer { email } claim { id status }
  }
}`;
export const ADJUDICATE = `mutation($input: AdjudicateClaimInput!) {
  adjudicateClaim(input: $input) {
    id verdict likelihood confidence publicSummary
    citedAssessments { id } citedEvidence { id } adjudicatedBy { email } claim { id status version }
  }
}`;
export const REOPEN = `mutation($input: ReopenClaimInput!) { reopenClaim(input: $input) { id status version } }`;
export const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id status version } }`;
export const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
export const ADD_EVIDENCE = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`;
export const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
export const CLAIM_REVIEW = `query($id: ID!) { claim(id: $id) {
  id status version
  assignments { id status declineReason reviewer { email } }
  assessments { id status verdict reviewer { email } }
  myAssessment { id status verdict }
  disagreement { flagged reasons { code message assessmentIds } }
  adjudication { id verdict publicSummary reopenedAt reopenReason }
  history { action entityType reason actor { email } changes { field before after } }
} }`;

export interface Ids {
  reviewer: string;
  reviewer2: string;
  editor: string;
  sourceId: string;
}

export async function userIds(
  clients: Record<'reviewer' | 'reviewer2' | 'editor', ApiClient>,
): Promise<Omit<Ids, 'sourceId'>> {
  const id = async (c: ApiClient) => (await c.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
  return {
    reviewer: await id(clients.reviewer),
    reviewer2: await id(clients.reviewer2),
    editor: await id(clients.editor),
  };
}

/** A source id from the demo (any evidence item's source). */
export async function demoSourceId(editor: ApiClient): Promise<string> {
  const data = await editor.ok<{
    claims: { edges: { node: { evidence: { source: { id: string } }[] } }[] };
  }>('{ claims(first: 1) { edges { node { evidence { source { id } } } } } }');
  return data.claims.edges[0].node.evidence[0].source.id;
}

export async function newProject(
  editor: ApiClient,
  name: string,
  requiredReviews = 2,
): Promise<string> {
  return (
    await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name, requiredReviews },
    })
  ).createProject.id;
}

export async function newClaim(editor: ApiClient, projectId: string, text: string) {
  return (
    await editor.ok<{ createClaim: { id: string; status: string; version: number } }>(
      CREATE_CLAIM,
      { input: { projectId, text } },
    )
  ).createClaim;
}

export async function addEvidence(
  client: ApiClient,
  claimId: string,
  sourceId: string,
  url = 'https://example.org/evidence',
): Promise<string> {
  return (
    await client.ok<{ addEvidence: { id: string } }>(ADD_EVIDENCE, {
      input: { claimId, sourceId, url, stance: 'SUPPORTS', credibility: 2 },
    })
  ).addEvidence.id;
}

/** Row counts of every table the review workflow writes, to prove a refusal changed nothing. */
export async function reviewSnapshot(api: TestApi): Promise<Record<string, unknown>> {
  const count = async (table: string) =>
    Number(
      (
        (await api.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as {
          n: string | number;
        }[]
      )[0].n,
    );
  const claims = (await api.dataSource.query(
    'SELECT "id", "status", "version", "hasDisagreement", "duplicateOfId" FROM "claims" ORDER BY "id"',
  )) as unknown[];
  const assignments = (await api.dataSource.query(
    'SELECT "id", "status", "reviewerId", "declineReason" FROM "assignments" ORDER BY "id"',
  )) as unknown[];
  const assessments = (await api.dataSource.query(
    'SELECT "id", "status", "verdict", "rationale" FROM "assessments" ORDER BY "id"',
  )) as unknown[];
  return {
    claims,
    assignments,
    assessments,
    assessmentEvidence: await count('assessment_evidence'),
    adjudications: await count('adjudications'),
    audit: await count('audit_events'),
  };
}
