import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  ASSIGN,
  demoSourceId,
  errorCode,
  freshDatabase,
  type GraphQLResponse,
  newClaim,
  newProject,
  signedIn,
  startApi,
  type TestApi,
  type TestDatabase,
  testDialect,
} from './src';

/**
 * Many signed-in people working the same few claims at once: editors edit a claim with the
 * version they last read (applied, or refused with CONFLICT), assigned reviewers add evidence
 * and submit (then correct) assessments. Afterwards the audit log and the final state must
 * account for exactly the writes the clients saw acknowledged: nothing lost, nothing extra.
 * On PostgreSQL the clients are split between two API instances sharing the database, as behind
 * a load balancer, so no rule may rest on one process's memory (SQLite is one process by design).
 *
 * Short by default (`npm test`); `npm run test:reliability` runs 50 clients for 60 s on
 * PostgreSQL (CONCURRENCY_CLIENTS, CONCURRENCY_SECONDS).
 */
const SECONDS = Number(process.env['CONCURRENCY_SECONDS'] ?? 5);
const CLIENTS = Number(process.env['CONCURRENCY_CLIENTS'] ?? 12);
const PASSWORD = 'concurrency-pass-2026';
/** The project's required reviews, and so the most reviewers one claim can have. */
const REVIEWERS_PER_CLAIM = 10;
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

const READ_CLAIM = 'query($id: ID!) { claim(id: $id) { id version } }';
const UPDATE_CLAIM = `mutation($input: UpdateClaimInput!) {
  updateClaim(input: $input) { id version text claimant priority }
}`;
const ADD_EVIDENCE = 'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }';
const SUBMIT =
  'mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';

interface Worker {
  name: string;
  role: 'EDITOR' | 'REVIEWER';
  client: ApiClient;
  userId: string;
  /** Reviewers: the claim they are assigned to. */
  claimId: string | null;
}

interface ClaimAck {
  claimId: string;
  version: number;
  text: string;
  claimant: string;
  priority: string;
}

/** Every write a client saw acknowledged, and every refusal. */
interface Tally {
  updates: ClaimAck[];
  evidence: { claimId: string; id: string }[];
  /** In the order each reviewer saw them (a reviewer's writes are sequential). */
  assessments: { claimId: string; reviewerId: string; id: string }[];
  conflicts: number;
  unexpected: { operation: string; worker: string; errors: GraphQLResponse['errors'] }[];
}

interface AuditRow {
  id: number | string;
  entityType: string;
  entityId: string;
  action: string;
  after: string | null;
}

const random = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`concurrent editing on ${testDialect()}`, { timeout: (SECONDS + 240) * 1000 }, () => {
  let db: TestDatabase;
  let api: TestApi;
  /** PostgreSQL: a second instance on the same database; odd-numbered workers use it. */
  let second: TestApi | null = null;
  const instance = (n: number): TestApi => (second !== null && n % 2 === 1 ? second : api);
  let editor: ApiClient;
  let claimIds: string[];
  let workers: Worker[];
  let sourceId: string;
  let auditStart: number;
  const baseline = new Map<string, number>();

  beforeAll(async () => {
    db = await freshDatabase();
    api = await startApi({}, db);
    if (testDialect() === 'postgres') second = await startApi({}, db);
    const admin = await signedIn(instance(1), 'admin');
    editor = await signedIn(api, 'editor');
    sourceId = await demoSourceId(editor);
    const projectId = await newProject(editor, 'Concurrency proof', REVIEWERS_PER_CLAIM);

    // About a third edit claims, the rest review; the demo people take part too.
    const editors = Math.max(2, Math.round(CLIENTS * 0.3));
    const reviewers = CLIENTS - editors;
    const claimCount = Math.max(3, Math.ceil(reviewers / REVIEWERS_PER_CLAIM));
    claimIds = [];
    for (let i = 0; i < claimCount; i++)
      claimIds.push((await newClaim(editor, projectId, `Contested claim number ${i + 1}`)).id);

    const me = async (client: ApiClient) =>
      (await client.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    workers = [
      { name: 'editor', role: 'EDITOR', client: editor, userId: await me(editor), claimId: null },
      { name: 'admin', role: 'EDITOR', client: admin, userId: await me(admin), claimId: null },
    ];
    for (const demo of ['reviewer', 'reviewer2'] as const) {
      const client = await signedIn(instance(workers.length), demo);
      workers.push({
        name: demo,
        role: 'REVIEWER',
        client,
        userId: await me(client),
        claimId: null,
      });
    }
    const extra = async (role: Worker['role'], n: number) => {
      const email = `${role.toLowerCase()}-${n}@concurrency.example.org`;
      const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
        input: { email, displayName: `${role} ${n}`, password: PASSWORD, role },
      });
      const client = new ApiClient(instance(workers.length).url);
      const signIn = await client.signIn(email, PASSWORD);
      if (signIn.errors) throw new Error(`sign-in failed: ${JSON.stringify(signIn.errors)}`);
      workers.push({ name: email, role, client, userId: createUser.id, claimId: null });
    };
    for (let n = 2; n < editors; n++) await extra('EDITOR', n);
    for (let n = 2; n < reviewers; n++) await extra('REVIEWER', n);
    expect(workers).toHaveLength(CLIENTS);

    // Reviewers are spread over the claims and assigned, so their writes are allowed.
    const reviewing = workers.filter((w) => w.role === 'REVIEWER');
    reviewing.forEach((w, i) => (w.claimId = claimIds[i % claimIds.length]));
    for (const claimId of claimIds) {
      const reviewerIds = reviewing.filter((w) => w.claimId === claimId).map((w) => w.userId);
      await editor.ok(ASSIGN, { input: { claimIds: [claimId], reviewerIds } });
    }
    for (const claimId of claimIds) {
      const { claim } = await editor.ok<{ claim: { version: number } }>(READ_CLAIM, {
        id: claimId,
      });
      baseline.set(claimId, claim.version);
    }
    auditStart = Number(
      (
        (await api.dataSource.query('SELECT MAX("id") AS m FROM "audit_events"')) as {
          m: unknown;
        }[]
      )[0].m,
    );
  }, 240_000);
  afterAll(async () => {
    await second?.close();
    await api?.close();
    await db?.drop();
  });

  async function run(worker: Worker, until: number, tally: Tally): Promise<void> {
    let n = 0;
    const refused = (operation: string, result: GraphQLResponse) => {
      if (errorCode(result) === 'CONFLICT') tally.conflicts++;
      else tally.unexpected.push({ operation, worker: worker.name, errors: result.errors });
    };
    let submitted = false;
    while (Date.now() < until) {
      n++;
      if (worker.role === 'EDITOR') {
        const claimId = random(claimIds);
        const read = await worker.client.request<{ claim: { version: number } }>(READ_CLAIM, {
          id: claimId,
        });
        if (!read.data) {
          refused('claim', read);
          continue;
        }
        // A moment of "typing", so other people's writes can land in between.
        await pause(Math.random() * 10);
        const input = {
          claimId,
          expectedVersion: read.data.claim.version,
          text: `Contested claim, wording ${n} by ${worker.name}`,
          claimant: worker.name,
          priority: random(PRIORITIES),
        };
        const result = await worker.client.request<{ updateClaim: ClaimAck & { id: string } }>(
          UPDATE_CLAIM,
          { input },
        );
        if (result.data?.updateClaim) {
          const { id, version, text, claimant, priority } = result.data.updateClaim;
          tally.updates.push({ claimId: id, version, text, claimant, priority });
        } else refused('updateClaim', result);
      } else if (n % 2 === 1) {
        const claimId = worker.claimId as string;
        const result = await worker.client.request<{ addEvidence: { id: string } }>(ADD_EVIDENCE, {
          input: {
            claimId,
            sourceId,
            url: `https://example.org/${worker.userId}/${n}`,
            stance: random(['SUPPORTS', 'REFUTES', 'MIXED', 'CONTEXT']),
            credibility: 1 + Math.floor(Math.random() * 6),
          },
        });
        if (result.data?.addEvidence)
          tally.evidence.push({ claimId, id: result.data.addEvidence.id });
        else refused('addEvidence', result);
      } else {
        const claimId = worker.claimId as string;
        const result = await worker.client.request<{ submitAssessment: { id: string } }>(SUBMIT, {
          input: {
            claimId,
            verdict: random(['FALSE', 'MOSTLY_FALSE', 'MIXED', 'MOSTLY_TRUE', 'TRUE']),
            likelihood: random(['UNLIKELY', 'ROUGHLY_EVEN', 'LIKELY']),
            confidence: random(['LOW', 'MODERATE', 'HIGH']),
            rationale: `Assessment ${n} by ${worker.name}`,
            evidenceIds: [],
            ...(submitted ? { correctionReason: `New evidence came in (${n}).` } : {}),
          },
        });
        if (result.data?.submitAssessment) {
          submitted = true;
          tally.assessments.push({
            claimId,
            reviewerId: worker.userId,
            id: result.data.submitAssessment.id,
          });
        } else refused('submitAssessment', result);
      }
    }
  }

  it(`${CLIENTS} clients for ${SECONDS} s: every write applied or refused with CONFLICT, the audit log and the final state match the acknowledged writes`, async () => {
    const tally: Tally = {
      updates: [],
      evidence: [],
      assessments: [],
      conflicts: 0,
      unexpected: [],
    };
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(workers.map((w) => run(w, until, tally)));

    // Every refusal was a CONFLICT; the run had contention and applied writes of every kind.
    expect(tally.unexpected).toEqual([]);
    expect(tally.conflicts).toBeGreaterThan(0);
    expect(tally.updates.length).toBeGreaterThan(0);
    expect(tally.evidence.length).toBeGreaterThan(0);
    expect(tally.assessments.length).toBeGreaterThan(0);

    const events = (
      (await api.dataSource.query(
        'SELECT "id", "entityType", "entityId", "action", "after" FROM "audit_events"',
      )) as AuditRow[]
    ).filter((e) => Number(e.id) > auditStart);
    const eventsOf = (action: string, entityIds?: Set<string>) =>
      events.filter((e) => e.action === action && (!entityIds || entityIds.has(e.entityId)));

    for (const claimId of claimIds) {
      // Claim edits: no two writers were both told they made the same version, the audit log
      // has one claim.updated per acknowledged edit (with that version), and the claim holds
      // the fields of the acknowledged edit with the highest version.
      const acks = tally.updates.filter((u) => u.claimId === claimId);
      const versions = acks.map((a) => a.version).sort((a, b) => a - b);
      expect(new Set(versions).size).toBe(versions.length);
      const updated = eventsOf('claim.updated', new Set([claimId]));
      expect(updated).toHaveLength(acks.length);
      expect(
        updated
          .map((e) => (JSON.parse(e.after ?? '{}') as { version: number }).version)
          .sort((a, b) => a - b),
      ).toEqual(versions);
      const statusChanges = eventsOf('claim.statusChanged', new Set([claimId])).length;
      const [row] = (await api.dataSource.query(
        `SELECT "text", "claimant", "priority", "version" FROM "claims" WHERE "id" = ${
          testDialect() === 'postgres' ? '$1' : '?'
        }`,
        [claimId],
      )) as { text: string; claimant: string; priority: string; version: number }[];
      expect(Number(row.version)).toBe(
        (baseline.get(claimId) as number) + acks.length + statusChanges,
      );
      const last = acks.reduce<ClaimAck | null>(
        (best, a) => (!best || a.version > best.version ? a : best),
        null,
      );
      if (last)
        expect({ text: row.text, claimant: row.claimant, priority: row.priority }).toEqual({
          text: last.text,
          claimant: last.claimant,
          priority: last.priority,
        });
    }

    // Evidence: exactly the acknowledged items exist, each with its evidence.added event.
    const evidenceRows = (await api.dataSource.query('SELECT "id", "claimId" FROM "evidence"')) as {
      id: string;
      claimId: string;
    }[];
    const onClaims = evidenceRows.filter((r) => claimIds.includes(r.claimId));
    expect(onClaims.map((r) => r.id).sort()).toEqual(tally.evidence.map((e) => e.id).sort());
    expect(
      eventsOf('evidence.added')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(tally.evidence.map((e) => e.id).sort());

    // Assessments: one row and one submitted/corrected event per acknowledged submission; each
    // reviewer's current submission is the last one they were told about.
    const assessmentRows = (await api.dataSource.query(
      'SELECT "id", "claimId", "reviewerId", "status" FROM "assessments"',
    )) as { id: string; claimId: string; reviewerId: string; status: string }[];
    const ours = assessmentRows.filter((r) => claimIds.includes(r.claimId));
    expect(ours.map((r) => r.id).sort()).toEqual(tally.assessments.map((a) => a.id).sort());
    expect(
      [...eventsOf('assessment.submitted'), ...eventsOf('assessment.corrected')]
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(tally.assessments.map((a) => a.id).sort());
    const lastByReviewer = new Map(tally.assessments.map((a) => [a.reviewerId, a.id]));
    expect(
      new Map(ours.filter((r) => r.status === 'SUBMITTED').map((r) => [r.reviewerId, r.id])),
    ).toEqual(lastByReviewer);

    console.info(
      `concurrency on ${testDialect()}: ${CLIENTS} clients on ${second ? 2 : 1} API instance(s), ${SECONDS} s: ${tally.updates.length} edits, ` +
        `${tally.evidence.length} evidence items, ${tally.assessments.length} assessments applied; ` +
        `${tally.conflicts} CONFLICT refusals; 0 other errors`,
    );
  });
});
