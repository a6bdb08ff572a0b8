/**
 * `npm run bench:writes`: how long each write the web app (and the import and export endpoints)
 * makes takes on a large database — creating and editing claims, evidence, one and bulk and
 * automatic assignment, declining, drafts and submissions, adjudication, reopening, rejection,
 * merging duplicates, comments with mentions, regrading a source, project settings, marking
 * notifications read, an import of 1,000 claims into the busiest project, a project's export and
 * a release — through our real endpoints (production mode, signed in as the seeded editor and two
 * seeded reviewers), one request at a time, with the server's slow-statement log
 * (DATABASE_SLOW_STATEMENT_MS, set low here) naming the statements behind each.
 *
 * Writes change the data, so each run works on a **copy** of the seeded database (SQLite: a copied
 * file; PostgreSQL: `CREATE DATABASE … TEMPLATE`), never the shared `bench_<size>` ones, and each
 * round of an operation acts on claims of its own (the first round on a cold server, then the
 * median of the rest). Every answer must be free of errors or the bench stops.
 *
 * Settings: BENCH_CLAIMS (default 1000000), BENCH_DB (sqlite,postgres), BENCH_OPS_ROUNDS (3),
 * BENCH_OPS_SLOW_MS (100), BENCH_OPS_ONLY (comma-separated operation names), BENCH_DATA_DIR,
 * BENCH_PG_URL.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  AddCommentDocument,
  AddEvidenceDocument,
  AdjudicateClaimDocument,
  AssignReviewersDocument,
  AssignSelectedDocument,
  AutoAssignDocument,
  CreateClaimDocument,
  CutReleaseDocument,
  DeclineAssignmentDocument,
  MarkAllNotificationsReadDocument,
  MergeClaimsDocument,
  ReassignReviewerDocument,
  RegradeSourceDocument,
  RejectClaimDocument,
  ReopenClaimDocument,
  RetractEvidenceDocument,
  SaveAssessmentDraftDocument,
  SubmitAssessmentDocument,
  UpdateClaimDocument,
  UpdateProjectDocument,
  UpdateSourceDocument,
} from '@corroborate/graphql';
import { BENCH_USER } from './data';
import { bearerToken } from './client';
import { DATA_DIR, type Dialect, PG_URL, pgDatabase, sizeLabel, sqlitePath } from './options';
import { ensureSeeded } from './seed';
import { type Server, startOurs } from './servers';
import {
  chosen,
  firstAndThen,
  graphqlCall,
  type OperationTiming,
  runTimingBench,
  slowStatements,
  type TimedAnswer,
} from './timed-requests';

function log(message: string): void {
  process.stderr.write(`[bench:writes] ${message}\n`);
}

interface Reviewer {
  id: string;
  email: string;
  token: string;
}

interface ClaimState {
  id: string;
  version: number;
  status: string;
  evidence: { id: string; version: number }[];
  assignments: { id: string; reviewer: { id: string }; status: string }[];
  assessments: { id: string; evidence: { id: string }[] }[];
}

interface Context {
  dialect: Dialect;
  server: Server;
  editor: string;
  /** Two signed-in reviewers, and the ids of every reviewer (for auto-assignment). */
  reviewers: [Reviewer, Reviewer];
  reviewerIds: string[];
  projectId: string;
  sourceId: string;
  claimText: string;
  /** Unassigned NEW claims of the busiest project, handed out one operation at a time. */
  fresh: string[];
  /** Claims this run assigned to both signed-in reviewers, for the reviewers' operations. */
  assigned: string[];
  needsAdjudication: string[];
  verified: string[];
}

interface WriteOperation {
  name: string;
  /** Untimed preparation (reads), then the one timed request. */
  run: (ctx: Context, round: number) => Promise<TimedAnswer>;
}

const CLAIM_STATE = `query($id: ID!) { claim(id: $id) {
  id version status
  evidence { id version }
  assignments { id status reviewer { id } }
  assessments { id evidence { id } }
} }`;

async function claimState(ctx: Context, id: string, token = ctx.editor): Promise<ClaimState> {
  const answer = await graphqlCall(ctx.server.url, token, CLAIM_STATE, { id });
  return answer.data['claim'] as ClaimState;
}

function take(pool: string[], what: string, count = 1): string[] {
  if (pool.length < count) throw new Error(`not enough ${what} left for this operation`);
  return pool.splice(0, count);
}

/** Claims of a queue, as the web app's queue sends it, up to `first` (pages of 100). */
async function queueNodes(
  ctx: Pick<Context, 'server' | 'editor'>,
  filter: Record<string, unknown>,
  first: number,
): Promise<{ id: string; evidenceCount: number }[]> {
  const nodes: { id: string; evidenceCount: number }[] = [];
  let after: string | null = null;
  while (nodes.length < first) {
    const answer = await graphqlCall(
      ctx.server.url,
      ctx.editor,
      `query($f: ClaimFilter, $after: String, $first: Int) { claims(filter: $f, first: $first, after: $after, sort: UPDATED_DESC) { edges { node { id evidenceCount } } pageInfo { hasNextPage endCursor } } }`,
      { f: filter, after, first: Math.min(100, first - nodes.length) },
    );
    const page = answer.data['claims'] as {
      edges: { node: { id: string; evidenceCount: number } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return nodes;
}

const queueIds = async (...args: Parameters<typeof queueNodes>) =>
  (await queueNodes(...args)).map((n) => n.id);

const gql = (ctx: Context, document: Parameters<typeof graphqlCall>[2], variables: object) =>
  graphqlCall(ctx.server.url, ctx.editor, document, variables as Record<string, unknown>);

const WRITES: WriteOperation[] = [
  {
    name: 'create a claim',
    run: (ctx, round) =>
      gql(ctx, CreateClaimDocument, {
        input: {
          projectId: ctx.projectId,
          text: `Bench write ${round}: ${ctx.claimText} (${Date.now()})`,
          claimant: 'Viasna',
          topics: ['detentions', 'bench'],
          priority: 'HIGH',
        },
      }),
  },
  {
    name: 'edit a claim',
    run: async (ctx, round) => {
      const claim = await claimState(ctx, take(ctx.fresh, 'claims')[0]);
      return gql(ctx, UpdateClaimDocument, {
        input: {
          claimId: claim.id,
          expectedVersion: claim.version,
          text: `Edited by the bench, round ${round}: ${ctx.claimText}`,
          topics: ['detentions', 'edited'],
          priority: 'URGENT',
        },
      });
    },
  },
  {
    name: 'add evidence',
    run: (ctx, round) =>
      gql(ctx, AddEvidenceDocument, {
        input: {
          claimId: ctx.fresh[round],
          sourceId: ctx.sourceId,
          url: `https://example.org/bench/evidence/${round}`,
          title: 'Bench evidence',
          excerpt: 'An excerpt the bench adds.',
          stance: 'SUPPORTS',
          credibility: 2,
        },
      }),
  },
  {
    name: 'retract evidence',
    run: async (ctx, round) => {
      const claim = await claimState(ctx, ctx.fresh[round]);
      const item = claim.evidence[0];
      if (!item) throw new Error('retract evidence: the claim has no evidence');
      return gql(ctx, RetractEvidenceDocument, {
        input: { evidenceId: item.id, expectedVersion: item.version, reason: 'Bench retraction' },
      });
    },
  },
  {
    name: 'assign one claim to two reviewers',
    run: async (ctx) => {
      const [id] = take(ctx.fresh, 'claims');
      ctx.assigned.push(id);
      return gql(ctx, AssignReviewersDocument, {
        input: {
          claimIds: [id],
          reviewerIds: ctx.reviewers.map((r) => r.id),
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      });
    },
  },
  {
    name: 'save an assessment draft',
    run: (ctx, round) =>
      graphqlCall(ctx.server.url, ctx.reviewers[0].token, SaveAssessmentDraftDocument, {
        input: {
          claimId: ctx.assigned[round],
          verdict: 'MOSTLY_TRUE',
          rationale: 'Draft by the bench.',
        },
      }),
  },
  {
    name: 'submit an assessment',
    run: async (ctx, round) => {
      const claim = await claimState(ctx, ctx.assigned[round], ctx.reviewers[0].token);
      return graphqlCall(ctx.server.url, ctx.reviewers[0].token, SubmitAssessmentDocument, {
        input: {
          claimId: claim.id,
          verdict: 'MOSTLY_TRUE',
          likelihood: 'LIKELY',
          confidence: 'MODERATE',
          rationale: 'Submitted by the bench.',
          evidenceIds: claim.evidence.slice(0, 2).map((e) => e.id),
        },
      });
    },
  },
  {
    name: 'decline an assignment',
    run: async (ctx, round) => {
      const reviewer = ctx.reviewers[1];
      const claim = await claimState(ctx, ctx.assigned[round], reviewer.token);
      const assignment = claim.assignments.find(
        (a) => a.reviewer.id === reviewer.id && a.status === 'OPEN',
      );
      if (!assignment) throw new Error('decline: the reviewer holds no open assignment');
      return graphqlCall(ctx.server.url, reviewer.token, DeclineAssignmentDocument, {
        input: { assignmentId: assignment.id, reason: 'Declined by the bench.' },
      });
    },
  },
  {
    name: 'reassign a reviewer',
    run: async (ctx) => {
      const [id] = take(ctx.fresh, 'claims');
      await gql(ctx, AssignReviewersDocument, {
        input: { claimIds: [id], reviewerIds: [ctx.reviewerIds[14]] },
      });
      const claim = await claimState(ctx, id);
      const assignment = claim.assignments.find((a) => a.status === 'OPEN');
      if (!assignment) throw new Error('reassign: the claim holds no open assignment');
      return gql(ctx, ReassignReviewerDocument, {
        input: {
          assignmentId: assignment.id,
          reviewerId: ctx.reviewerIds[15],
          reason: 'Reassigned by the bench.',
        },
      });
    },
  },
  {
    name: 'bulk assign 50 claims',
    run: (ctx) =>
      gql(ctx, AssignSelectedDocument, {
        input: {
          claimIds: take(ctx.fresh, 'claims', 50),
          reviewerIds: ctx.reviewerIds.slice(2, 4),
        },
      }),
  },
  {
    name: 'auto-assign 200 claims across ten reviewers',
    run: (ctx) =>
      gql(ctx, AutoAssignDocument, {
        input: {
          claimIds: take(ctx.fresh, 'claims', 200),
          reviewerIds: ctx.reviewerIds.slice(4, 14),
        },
      }),
  },
  {
    name: 'adjudicate',
    run: async (ctx) => {
      const claim = await claimState(ctx, take(ctx.needsAdjudication, 'claims to adjudicate')[0]);
      return gql(ctx, AdjudicateClaimDocument, {
        input: {
          claimId: claim.id,
          expectedVersion: claim.version,
          verdict: 'MIXED',
          likelihood: 'ROUGHLY_EVEN',
          confidence: 'MODERATE',
          publicSummary: 'Adjudicated by the bench.',
          citedAssessmentIds: claim.assessments.map((a) => a.id),
          citedEvidenceIds: claim.evidence.slice(0, 2).map((e) => e.id),
        },
      });
    },
  },
  {
    name: 'reopen a verified claim',
    run: async (ctx) => {
      const claim = await claimState(ctx, take(ctx.verified, 'verified claims')[0]);
      return gql(ctx, ReopenClaimDocument, {
        input: {
          claimId: claim.id,
          expectedVersion: claim.version,
          reason: 'Reopened by the bench.',
        },
      });
    },
  },
  {
    name: 'reject a claim',
    run: async (ctx) => {
      const claim = await claimState(ctx, take(ctx.fresh, 'claims')[0]);
      return gql(ctx, RejectClaimDocument, {
        input: { claimId: claim.id, expectedVersion: claim.version, reason: 'Not check-worthy.' },
      });
    },
  },
  {
    name: 'merge a duplicate into a claim',
    run: async (ctx) => {
      const [survivorId, duplicateId] = take(ctx.fresh, 'claims', 2);
      const duplicate = await claimState(ctx, duplicateId);
      return gql(ctx, MergeClaimsDocument, {
        input: {
          survivorId,
          duplicateId,
          expectedDuplicateVersion: duplicate.version,
          reason: 'Same claim, merged by the bench.',
        },
      });
    },
  },
  {
    name: 'comment with a mention',
    run: (ctx, round) =>
      gql(ctx, AddCommentDocument, {
        input: {
          claimId: ctx.fresh[round],
          body: `Please look at the second source, @${ctx.reviewers[0].email} (bench ${round}).`,
        },
      }),
  },
  {
    name: 'regrade a source',
    run: async (ctx, round) => {
      const answer = await gql(ctx, `query($id: ID!) { source(id: $id) { version } }`, {
        id: ctx.sourceId,
      });
      const { version } = answer.data['source'] as { version: number };
      return gql(ctx, RegradeSourceDocument, {
        input: {
          sourceId: ctx.sourceId,
          expectedVersion: version,
          reliability: round % 2 ? 'B' : 'D',
          reason: 'Regraded by the bench.',
        },
      });
    },
  },
  {
    name: 'rename a source',
    run: async (ctx, round) => {
      const answer = await gql(ctx, `query($id: ID!) { source(id: $id) { version } }`, {
        id: ctx.sourceId,
      });
      const { version } = answer.data['source'] as { version: number };
      return gql(ctx, UpdateSourceDocument, {
        input: { sourceId: ctx.sourceId, expectedVersion: version, name: `Bench source ${round}` },
      });
    },
  },
  {
    name: 'change the required reviews of the busiest project',
    run: (ctx, round) =>
      gql(ctx, UpdateProjectDocument, {
        input: { projectId: ctx.projectId, requiredReviews: round % 2 ? 2 : 3 },
      }),
  },
  {
    name: 'mark all notifications read',
    run: (ctx) =>
      graphqlCall(ctx.server.url, ctx.reviewers[0].token, MarkAllNotificationsReadDocument, {}),
  },
  {
    name: 'import 1,000 claims (CSV) into the busiest project',
    run: async (ctx, round) => {
      const rows = ['text,claimant,topics,priority'];
      for (let i = 0; i < 1000; i++)
        rows.push(
          `"Round ${round}, row ${i}: the bench reports ${1000 + i * 7} detentions in district ${i % 40}",Viasna,detentions;bench,NORMAL`,
        );
      const form = new FormData();
      form.append('file', new Blob([`${rows.join('\n')}\n`], { type: 'text/csv' }), 'claims.csv');
      const started = performance.now();
      const res = await fetch(`${ctx.server.url}/api/projects/${ctx.projectId}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.editor}`, 'x-requested-with': 'corroborate-bench' },
        body: form,
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 201)
        throw new Error(`import answered ${res.status}: ${text.slice(0, 500)}`);
      return { ms, bytes: text.length, data: JSON.parse(text) as Record<string, unknown> };
    },
  },
  {
    name: "export the busiest project's verified claims (NDJSON)",
    run: async (ctx) => {
      const started = performance.now();
      const res = await fetch(
        `${ctx.server.url}/api/exports/claims.ndjson?projectId=${ctx.projectId}`,
        { headers: { authorization: `Bearer ${ctx.editor}` } },
      );
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200 || !text) throw new Error(`export answered ${res.status}`);
      return { ms, bytes: text.length, data: {} };
    },
  },
  {
    name: "cut a release of the busiest project's verified claims",
    run: (ctx) =>
      gql(ctx, CutReleaseDocument, {
        input: { name: 'Bench release', filter: { projectId: ctx.projectId } },
      }),
  },
];

/** A copy of the seeded database for this run's writes; returns its DATABASE_URL. */
async function copyOfSeeded(dialect: Dialect, claims: number): Promise<string> {
  await ensureSeeded(dialect, claims);
  const name = `bench_writes_${sizeLabel(claims)}`;
  if (dialect === 'sqlite') {
    const source = sqlitePath(claims);
    // Fold the WAL in, so the file alone is the whole database.
    const db = new Database(source);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const copy = join(DATA_DIR, `${name}.sqlite`);
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
    copyFileSync(source, copy);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${copy}-wal`);
    return `sqlite:${copy}`;
  }
  const admin = new Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgDatabase(claims)}`);
  } finally {
    await admin.end();
  }
  return `${PG_URL}/${name}`;
}

async function reviewer(server: Server, index: number): Promise<Reviewer> {
  const email = `reviewer${index}@bench.example.org`;
  const token = await bearerToken(server, { email, password: BENCH_USER.password });
  const me = await graphqlCall(server.url, token, '{ me { id } }', {});
  return { id: (me.data['me'] as { id: string }).id, email, token };
}

async function context(dialect: Dialect, server: Server): Promise<Context> {
  const editor = await bearerToken(server);
  const base = { server, editor };
  const call = (query: string, variables: Record<string, unknown> = {}) =>
    graphqlCall(server.url, editor, query, variables).then((a) => a.data);
  const projects = (
    (await call('{ projects { id claimCounts { total } } }'))['projects'] as {
      id: string;
      claimCounts: { total: number };
    }[]
  ).map((p) => ({ id: p.id, claimCount: p.claimCounts.total }));
  const project = [...projects].sort((a, b) => b.claimCount - a.claimCount)[0];
  const reviewerIds = ((await call('{ reviewers { id } }'))['reviewers'] as { id: string }[]).map(
    (r) => r.id,
  );
  // Unassigned NEW claims with evidence: every operation on claims takes its own.
  const fresh = (
    await queueNodes(base, { projectId: project.id, statuses: ['NEW'], unassigned: true }, 2000)
  )
    .filter((n) => n.evidenceCount > 0)
    .map((n) => n.id);
  const sample = (
    (
      await call(
        `query($f: ClaimFilter) { claims(filter: $f, first: 20) { edges { node { text evidence { source { id } } } } } }`,
        { f: { projectId: project.id, statuses: ['VERIFIED'] } },
      )
    )['claims'] as { edges: { node: { text: string; evidence: { source: { id: string } }[] } }[] }
  ).edges.map((e) => e.node);
  const withEvidence = sample.find((n) => n.evidence.length > 0);
  if (!withEvidence || reviewerIds.length < 14)
    throw new Error('the database holds no verified claim with evidence, or too few reviewers');
  const ctx: Context = {
    dialect,
    server,
    editor,
    reviewers: [await reviewer(server, 1), await reviewer(server, 2)],
    reviewerIds,
    projectId: project.id,
    sourceId: withEvidence.evidence[0].source.id,
    claimText: withEvidence.text,
    fresh,
    assigned: [],
    needsAdjudication: await queueIds(
      base,
      { projectId: project.id, statuses: ['NEEDS_ADJUDICATION'] },
      20,
    ),
    verified: await queueIds(base, { projectId: project.id, statuses: ['VERIFIED'] }, 20),
  };
  // The signed-in reviewers are not among those bulk and auto assignment use.
  ctx.reviewerIds = [
    ...ctx.reviewers.map((r) => r.id),
    ...reviewerIds.filter((id) => !ctx.reviewers.some((r) => r.id === id)),
  ];
  log(
    `project ${project.id} (${project.claimCount} claims), ${fresh.length} unassigned NEW claims with evidence to work on`,
  );
  return ctx;
}

interface Result extends OperationTiming {
  slowest: string;
}

async function runDialect(dialect: Dialect, claims: number, rounds: number): Promise<Result[]> {
  const databaseUrl = await copyOfSeeded(dialect, claims);
  const slowMs = process.env['BENCH_OPS_SLOW_MS'] ?? '100';
  const selected = chosen(process.env['BENCH_OPS_ONLY']);
  log(
    `${dialect} ${sizeLabel(claims)}: a copy of the seeded database, slow statements over ${slowMs} ms logged`,
  );
  const server = await startOurs(dialect, databaseUrl, {
    DATABASE_SLOW_STATEMENT_MS: slowMs,
    BENCH_PIPE_STDOUT: '1',
  });
  const slowLog = slowStatements(server.child);
  const results: Result[] = [];
  try {
    const ctx = await context(dialect, server);
    for (const op of WRITES) {
      if (!selected(op.name)) continue;
      await slowLog.take();
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) times.push((await op.run(ctx, round)).ms);
      const slow = await slowLog.take();
      const durations = slow.map((s) => Number(/^(\d+)/.exec(s)?.[1] ?? 0));
      const result: Result = {
        dialect,
        claims,
        name: op.name,
        ...firstAndThen(times),
        slowest: durations.length ? `${Math.max(...durations)}` : `< ${slowMs}`,
      };
      log(`${op.name}: first ${result.coldMs.toFixed(0)} ms, then ${result.warmMs.toFixed(0)} ms`);
      for (const statement of slow) log(`  slow: ${statement.slice(0, 700)}`);
      results.push(result);
    }
  } finally {
    await server.stop();
  }
  return results;
}

runTimingBench<Result>(
  'writes',
  { header: 'slowest statement (ms)', cell: (r) => r.slowest },
  runDialect,
);
