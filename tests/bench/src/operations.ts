/**
 * `npm run bench:operations`: how long each read the web app makes takes on a large database —
 * the queue with each preset and filter, a claim's workbench, the dashboard, agreement, the source
 * registry, duplicate lookup — through our real GraphQL endpoint (production mode, signed in as
 * the seeded editor), one request at a time. Not a throughput figure: it finds the operations
 * whose time grows with the data, and, with the server's slow-statement log
 * (DATABASE_SLOW_STATEMENT_MS, set low here), the statements behind them, against the
 * statement timeout (DATABASE_STATEMENT_TIMEOUT_SECONDS).
 *
 * Each operation runs BENCH_OPS_ROUNDS times (default 3): the first on a cold server (what the
 * first user after a restart waits for), then the median of the rest. Every answer must be free of
 * errors and not empty where the data has rows, or the bench stops.
 *
 * Settings: BENCH_CLAIMS (default 1000000), BENCH_DB (sqlite,postgres), BENCH_OPS_ROUNDS,
 * BENCH_OPS_SLOW_MS (the server's slow-statement threshold, default 100), BENCH_OPS_ONLY (a
 * comma-separated list of operation names), BENCH_OPS_ANSWERS (a file to write each operation's
 * last answer to, `{db}` standing for the dialect: to compare answers before and after a change),
 * BENCH_DATA_DIR, BENCH_PG_URL.
 */
import { writeFileSync } from 'node:fs';
import { type DocumentNode } from 'graphql';
import {
  AssignableReviewersDocument,
  AutoAssignCandidatesDocument,
  ClaimDocument,
  DashboardDocument,
  LikelyDuplicatesDocument,
  MentionableUsersDocument,
  NotificationsDocument,
  ProjectAgreementDocument,
  ProjectDocument,
  ProjectsDocument,
  QueueClaimsDocument,
  QueueClaimsPageDocument,
  ReleasesDocument,
  SourceDocument,
  SourceOptionsDocument,
  SourcesDocument,
  UnreadNotificationCountDocument,
} from '@corroborate/graphql';
import { bearerToken } from './client';
import { type Dialect, sizeLabel } from './options';
import { ensureSeeded } from './seed';
import { startOurs } from './servers';
import {
  chosen,
  firstAndThen,
  graphqlCall,
  type OperationTiming,
  runTimingBench,
  slowStatements,
} from './timed-requests';

interface Operation {
  name: string;
  document: DocumentNode;
  variables: (ids: Ids) => Record<string, unknown>;
  /** Whether the answer holds what the data has (a queue with rows, a dashboard with counts). */
  check: (data: Record<string, unknown>) => boolean;
}

interface Ids {
  projectId: string;
  claimId: string;
  sourceId: string;
  reviewerId: string;
  otherReviewerId: string;
  claimText: string;
}

interface Result extends OperationTiming {
  bytes: number;
}

function log(message: string): void {
  process.stderr.write(`[bench:operations] ${message}\n`);
}

const edges = (data: Record<string, unknown>, field: string) =>
  ((data[field] as { edges?: unknown[] } | undefined)?.edges?.length ?? 0) > 0;

const queue = (
  name: string,
  filter: (ids: Ids) => Record<string, unknown>,
  sort = 'UPDATED_DESC',
): Operation => ({
  name,
  document: QueueClaimsDocument,
  variables: (ids) => ({ filter: filter(ids), sort, first: 50 }),
  check: (data) => edges(data, 'claims'),
});

/** The reads of the web app, each as the page that makes it sends it. */
const OPERATIONS: Operation[] = [
  queue('queue: everything, recently updated', () => ({})),
  queue('queue: one project', (ids) => ({ projectId: ids.projectId })),
  queue('queue: unassigned', (ids) => ({ projectId: ids.projectId, unassigned: true })),
  queue('queue: needs adjudication', (ids) => ({
    projectId: ids.projectId,
    statuses: ['NEEDS_ADJUDICATION'],
  })),
  queue('queue: disagreements', (ids) => ({ projectId: ids.projectId, disagreement: true })),
  queue('queue: overdue', (ids) => ({ projectId: ids.projectId, overdue: true })),
  queue('queue: assigned to a reviewer', (ids) => ({ assigneeId: ids.reviewerId })),
  queue('queue: topic and priority', (ids) => ({
    projectId: ids.projectId,
    topics: ['detentions'],
    priorities: ['HIGH', 'URGENT'],
  })),
  queue('queue: free text, common word', () => ({ text: 'protesters' })),
  queue('queue: free text, rare phrase', (ids) => ({
    text: ids.claimText.split(' ').slice(0, 4).join(' '),
  })),
  queue('queue: created in a month', (ids) => ({
    projectId: ids.projectId,
    createdFrom: '2025-03-01T00:00:00.000Z',
    createdTo: '2025-04-01T00:00:00.000Z',
  })),
  queue('queue: by due date', (ids) => ({ projectId: ids.projectId }), 'DUE_ASC'),
  queue('queue: by priority', (ids) => ({ projectId: ids.projectId }), 'PRIORITY_DESC'),
  {
    name: 'queue: a later page while scrolling',
    document: QueueClaimsPageDocument,
    variables: () => ({ filter: {}, sort: 'UPDATED_DESC', first: 50 }),
    check: (data) => edges(data, 'claims'),
  },
  {
    name: 'auto-assign: the unassigned claims of a project, first page with count',
    document: AutoAssignCandidatesDocument,
    variables: (ids) => ({
      filter: { projectId: ids.projectId, unassigned: true },
      withCount: true,
    }),
    check: (data) => edges(data, 'claims'),
  },
  {
    name: 'reviewers with their open assignments',
    document: AssignableReviewersDocument,
    variables: () => ({}),
    check: (data) => ((data['reviewers'] as unknown[]).length ?? 0) > 0,
  },
  {
    name: 'mentionable users',
    document: MentionableUsersDocument,
    variables: () => ({}),
    check: (data) => ((data['mentionableUsers'] as unknown[]).length ?? 0) > 0,
  },
  {
    name: 'source picker: search',
    document: SourceOptionsDocument,
    variables: () => ({ search: 'agency', first: 20 }),
    check: (data) => edges(data, 'sources'),
  },
  {
    name: 'one project with claim counts',
    document: ProjectDocument,
    variables: (ids) => ({ id: ids.projectId }),
    check: (data) => Boolean(data['project']),
  },
  {
    name: 'unread notification count',
    document: UnreadNotificationCountDocument,
    variables: () => ({}),
    check: (data) => typeof data['unreadNotificationCount'] === 'number',
  },
  {
    name: 'claim workbench',
    document: ClaimDocument,
    variables: (ids) => ({ id: ids.claimId }),
    check: (data) => Boolean(data['claim']),
  },
  {
    name: 'dashboard: everything',
    document: DashboardDocument,
    variables: () => ({ filter: {} }),
    check: (data) => ((data['dashboard'] as { verified?: number }).verified ?? 0) > 0,
  },
  {
    name: 'dashboard: one project',
    document: DashboardDocument,
    variables: (ids) => ({ filter: { projectId: ids.projectId } }),
    check: (data) => ((data['dashboard'] as { verified?: number }).verified ?? 0) > 0,
  },
  {
    name: 'dashboard: one project, one month',
    document: DashboardDocument,
    variables: (ids) => ({
      filter: { projectId: ids.projectId, from: '2025-03-01', to: '2025-03-31' },
    }),
    check: (data) => Boolean(data['dashboard']),
  },
  {
    name: 'agreement: one project',
    document: ProjectAgreementDocument,
    variables: (ids) => ({ input: { projectId: ids.projectId } }),
    check: (data) => Boolean(data['agreement']),
  },
  {
    name: 'agreement: everything',
    document: ProjectAgreementDocument,
    variables: () => ({ input: {} }),
    check: (data) => Boolean(data['agreement']),
  },
  {
    name: 'agreement: two reviewers',
    document: ProjectAgreementDocument,
    variables: (ids) => ({ input: { reviewerIds: [ids.reviewerId, ids.otherReviewerId] } }),
    check: (data) => Boolean(data['agreement']),
  },
  {
    name: 'projects with claim counts',
    document: ProjectsDocument,
    variables: () => ({}),
    check: (data) => ((data['projects'] as unknown[]).length ?? 0) > 0,
  },
  {
    name: 'sources: first page',
    document: SourcesDocument,
    variables: () => ({ first: 50 }),
    check: (data) => edges(data, 'sources'),
  },
  {
    name: 'sources: search',
    document: SourcesDocument,
    variables: () => ({ search: 'agency 1', first: 50 }),
    check: (data) => edges(data, 'sources'),
  },
  {
    name: 'source with its evidence',
    document: SourceDocument,
    variables: (ids) => ({ id: ids.sourceId }),
    check: (data) => Boolean(data['source']),
  },
  {
    name: 'likely duplicates at intake',
    document: LikelyDuplicatesDocument,
    variables: (ids) => ({ projectId: ids.projectId, text: ids.claimText }),
    check: (data) => ((data['likelyDuplicates'] as unknown[]).length ?? 0) > 0,
  },
  {
    name: 'releases',
    document: ReleasesDocument,
    variables: () => ({}),
    check: () => true,
  },
  {
    name: 'notifications',
    document: NotificationsDocument,
    variables: () => ({ first: 20, unreadOnly: false }),
    check: () => true,
  },
];

/** Ids of things to read: the busiest project, a claim with evidence, a source, two reviewers. */
async function pickIds(url: string, token: string): Promise<Ids> {
  const call = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (r) => {
      const body = (await r.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    });
  const projects = (await call('{ projects { id } }'))['projects'] as { id: string }[];
  const reviewers = (await call('{ reviewers { id } }'))['reviewers'] as { id: string }[];
  const page = (
    await call(
      `query($f: ClaimFilter) { claims(filter: $f, first: 50, sort: UPDATED_DESC) { edges { node { id text evidenceCount evidence { source { id } } } } } }`,
      { f: { projectId: projects[0].id, statuses: ['VERIFIED'] } },
    )
  )['claims'] as {
    edges: {
      node: {
        id: string;
        text: string;
        evidenceCount: number;
        evidence: { source: { id: string } }[];
      };
    }[];
  };
  const claim = page.edges.map((e) => e.node).find((n) => n.evidenceCount > 0);
  if (!claim || projects.length === 0 || reviewers.length < 2)
    throw new Error('the database holds no verified claim with evidence, project or two reviewers');
  return {
    projectId: projects[0].id,
    claimId: claim.id,
    sourceId: claim.evidence[0].source.id,
    reviewerId: reviewers[0].id,
    otherReviewerId: reviewers[1].id,
    claimText: claim.text,
  };
}

async function runDialect(dialect: Dialect, claims: number, rounds: number): Promise<Result[]> {
  const databaseUrl = await ensureSeeded(dialect, claims);
  const slowMs = process.env['BENCH_OPS_SLOW_MS'] ?? '100';
  const selected = chosen(process.env['BENCH_OPS_ONLY']);
  const answersFile = process.env['BENCH_OPS_ANSWERS'];
  const answers: Record<string, unknown> = {};
  log(
    `${dialect} ${sizeLabel(claims)}: starting the product (slow statements over ${slowMs} ms logged)`,
  );
  const ours = await startOurs(dialect, databaseUrl, {
    DATABASE_SLOW_STATEMENT_MS: slowMs,
    BENCH_PIPE_STDOUT: '1',
  });
  const slowLog = slowStatements(ours.child);
  const results: Result[] = [];
  try {
    const token = await bearerToken(ours);
    const ids = await pickIds(ours.url, token);
    for (const op of OPERATIONS) {
      if (!selected(op.name)) continue;
      const times: number[] = [];
      let bytes = 0;
      await slowLog.take();
      for (let round = 0; round < rounds; round++) {
        const answer = await graphqlCall(ours.url, token, op.document, op.variables(ids));
        if (!op.check(answer.data))
          throw new Error(
            `${op.name}: the answer holds nothing: ${JSON.stringify(answer.data).slice(0, 300)}`,
          );
        times.push(answer.ms);
        bytes = answer.bytes;
        answers[op.name] = answer.data;
      }
      const result = {
        dialect,
        claims,
        name: op.name,
        ...firstAndThen(times),
        bytes,
      };
      const slow = await slowLog.take();
      log(
        `${op.name}: first ${result.coldMs.toFixed(0)} ms, then ${result.warmMs.toFixed(0)} ms (${bytes} bytes)`,
      );
      for (const statement of slow) log(`  slow: ${statement.slice(0, 700)}`);
      results.push(result);
    }
  } finally {
    await ours.stop();
  }
  if (answersFile)
    writeFileSync(answersFile.replace('{db}', dialect), `${JSON.stringify(answers, null, 2)}\n`);
  return results;
}

runTimingBench<Result>(
  'operations',
  { header: 'answer (kB)', cell: (r) => (r.bytes / 1024).toFixed(1) },
  runDialect,
);
