import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ChildApi,
  DEMO,
  freshDatabase,
  newClaim,
  newProject,
  type Nginx,
  pause,
  spawnApi,
  startNginx,
  type TestDatabase,
  testDialect,
} from './src';

/**
 * A mixed read/write load from outside the API process: autocannon keeps LOAD_CONNECTIONS
 * connections busy for SOAK_SECONDS, each repeating read the queue → read a claim → edit it with
 * the version it read (applied, or CONFLICT when another connection got there first) → comment
 * on a claim. Every answer must be 200 with data, or a CONFLICT; the API's memory (RSS, sampled
 * every second from /proc) is reported, and in a soak of two minutes or more it must level off
 * after warm-up.
 *
 * On PostgreSQL the load goes through nginx (a real load balancer, round robin) to LOAD_INSTANCES
 * API processes (default 2) sharing the database and Redis: each must answer its share (counted
 * from nginx's `X-Upstream` header), and each one's memory must level off. SQLite, the embedded
 * single-process default, runs one, without a balancer.
 *
 * `npm test`: 50 connections for 10 s; `npm run test:reliability`: 50 connections for 5 minutes
 * on PostgreSQL.
 */
const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 50);
const INSTANCES = testDialect() === 'postgres' ? Number(process.env['LOAD_INSTANCES'] ?? 2) : 1;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CLAIMS = 5;

const QUEUE =
  '{ claims(first: 20, sort: CREATED_DESC) { totalCount edges { node { id text status priority version } } } }';
const READ = 'query($id: ID!) { claim(id: $id) { id version text status } }';
const UPDATE = 'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version } }';
const COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';

/** Resident memory of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

interface Context {
  claimId?: string;
  version?: number;
}

describe(`mixed load on ${testDialect()}`, { timeout: (SECONDS + 180) * 1000 }, () => {
  let db: TestDatabase;
  let apis: ChildApi[] = [];
  let balancer: Nginx | null = null;
  let cookie: string;
  let claimIds: string[];

  beforeAll(async () => {
    db = await freshDatabase();
    // One after the other: the first migrates and seeds, the others find it done.
    const env: Record<string, string> = INSTANCES > 1 ? { REDIS_URL } : {};
    for (let i = 0; i < INSTANCES; i++) apis.push(await spawnApi(db, env));
    if (INSTANCES > 1) balancer = await startNginx(apis.map((api) => api.url));
    const editor = new ApiClient(apis[0].url);
    const signIn = await editor.signIn(DEMO.editor.email, DEMO.editor.password);
    if (signIn.errors) throw new Error(JSON.stringify(signIn.errors));
    cookie = editor.cookie as string;
    const projectId = await newProject(editor, 'Load proof');
    claimIds = [];
    for (let i = 0; i < CLAIMS; i++)
      claimIds.push((await newClaim(editor, projectId, `Claim under load ${i + 1}`)).id);
  }, 180_000);
  afterAll(async () => {
    await balancer?.stop();
    for (const api of apis) await api.kill();
    apis = [];
    await db?.drop();
  });

  it(`${CONNECTIONS} connections on ${INSTANCES} instance(s) for ${SECONDS} s: no error but CONFLICT, memory reported`, async () => {
    const pids = apis.map((api) => api.child.pid as number);
    let answers = 0;
    let conflicts = 0;
    let applied = 0;
    const started = Date.now();
    const unexpected: string[] = [];
    /** Seconds into the run of the first unexpected answer, to set beside the samples. */
    let firstUnexpectedAt = null as number | null;
    /** Answers per instance, by the address nginx names in `X-Upstream`. */
    const byUpstream = new Map<string, number>();
    const classify =
      (what: string, onData?: (data: Record<string, unknown>, context: Context) => void) =>
      (status: number, body: string, context: object, headers?: IncomingHttpHeaders) => {
        answers++;
        // autocannon keeps the header names as sent (nginx: X-Upstream).
        const upstream = headers?.['X-Upstream'] ?? headers?.['x-upstream'];
        if (typeof upstream === 'string')
          byUpstream.set(upstream, (byUpstream.get(upstream) ?? 0) + 1);
        let parsed: {
          data?: Record<string, unknown> | null;
          errors?: { extensions?: { code?: string } }[];
        };
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          firstUnexpectedAt ??= (Date.now() - started) / 1000;
          if (unexpected.length < 20) unexpected.push(`${what}: ${status} ${body.slice(0, 200)}`);
          return;
        }
        const code = parsed.errors?.[0]?.extensions?.code;
        if (status === 200 && !parsed.errors && parsed.data) {
          onData?.(parsed.data, context as Context);
        } else if (status === 200 && code === 'CONFLICT') {
          conflicts++;
        } else {
          firstUnexpectedAt ??= (Date.now() - started) / 1000;
          if (unexpected.length < 20) unexpected.push(`${what}: ${status} ${body.slice(0, 300)}`);
        }
      };
    const post = (query: string, variables: Record<string, unknown> = {}) =>
      JSON.stringify({ query, variables });
    const pick = () => claimIds[Math.floor(Math.random() * claimIds.length)];

    const samples: { t: number; rss: number[]; answers: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push({ t: (Date.now() - started) / 1000, rss: pids.map(rssMiB), answers });
        await pause(1000);
      }
    })();

    let n = 0;
    const load = (url: string, connections: number) =>
      autocannon({
        url: `${url}/graphql`,
        connections,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        requests: [
          { body: post(QUEUE), onResponse: classify('queue') },
          {
            setupRequest: (req, context) => {
              const c = context as Context;
              c.claimId = pick();
              return { ...req, body: post(READ, { id: c.claimId }) };
            },
            onResponse: classify('claim', (data, c) => {
              c.version = (data['claim'] as { version: number }).version;
            }),
          },
          {
            setupRequest: (req, context) => {
              const c = context as Context;
              n++;
              return {
                ...req,
                body: post(UPDATE, {
                  input: {
                    claimId: c.claimId,
                    expectedVersion: c.version,
                    text: `Claim under load, wording ${n}`,
                    priority: ['LOW', 'NORMAL', 'HIGH', 'URGENT'][n % 4],
                  },
                }),
              };
            },
            onResponse: classify('updateClaim', () => applied++),
          },
          {
            setupRequest: (req) => ({
              ...req,
              body: post(COMMENT, { input: { claimId: pick(), body: `Checked again (${n}).` } }),
            }),
            onResponse: classify('addComment'),
          },
        ],
      });
    const results = [await load(balancer?.url ?? apis[0].url, CONNECTIONS)];
    sampling = false;
    await sampler;
    const sum = (pick: (r: (typeof results)[number]) => number) =>
      results.reduce((total, r) => total + pick(r), 0);

    // Memory of each instance after warm-up (the first fifth of the run, at least 5 s): the
    // median of the first and of the last tenth of the remaining samples.
    const warm = samples.filter((s) => s.t >= Math.max(5, SECONDS / 5));
    const tenth = Math.max(1, Math.floor(warm.length / 10));
    const memory = pids.map((_, i) => ({
      early: median(warm.slice(0, tenth).map((s) => s.rss[i])),
      late: median(warm.slice(-tenth).map((s) => s.rss[i])),
      peak: Math.max(...samples.map((s) => s.rss[i])),
    }));
    // Answers per second over the first and the last tenth after warm-up.
    const throughput = (part: typeof warm) =>
      part.length > 1
        ? (part[part.length - 1].answers - part[0].answers) / (part[part.length - 1].t - part[0].t)
        : NaN;
    const firstRate = throughput(warm.slice(0, tenth + 1));
    const lastRate = throughput(warm.slice(-(tenth + 1)));
    const rate = Math.round(sum((r) => r.requests.average));
    const latency = results
      .map((r) => `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`)
      .join('; ');
    const shares = balancer
      ? ` through nginx (${[...byUpstream.values()].map((n) => `${n}`).join(' / ')} answers per instance)`
      : '';
    const rss = memory
      .map(
        (m, i) =>
          `instance ${i + 1} ${m.early.toFixed(0)} → ${m.late.toFixed(0)} MiB (peak ${m.peak.toFixed(0)})`,
      )
      .join('; ');
    console.info(
      `load on ${testDialect()}: ${CONNECTIONS} connections on ${INSTANCES} instance(s)${shares}, ${SECONDS} s: ` +
        `${answers} answers (${rate}/s; ${latency}), ${applied} edits applied, ` +
        `${conflicts} CONFLICT, ${unexpected.length === 0 ? 'no unexpected answer' : `unexpected answers from ${firstUnexpectedAt?.toFixed(0)} s`}, ` +
        `${sum((r) => r.errors)} client errors, ${sum((r) => r.timeouts)} timeouts; RSS after warm-up → at the end: ${rss}; ` +
        `${firstRate.toFixed(0)} answers/s after warm-up, ${lastRate.toFixed(0)}/s at the end`,
    );
    if (SECONDS >= 600) {
      // A long soak: each instance's memory and the answer rate through every tenth of the run
      // after warm-up (medians of its samples), to tell a slow leak from the heap settling.
      const tenths = Array.from({ length: 10 }, (_, k) =>
        warm.slice(k * tenth, k === 9 ? warm.length : (k + 1) * tenth),
      ).filter((part) => part.length > 1);
      const curve = tenths
        .map(
          (part) =>
            `${part[0].t.toFixed(0)} s: ${pids.map((_, i) => median(part.map((x) => x.rss[i])).toFixed(0)).join(' / ')} MiB, ${throughput(part).toFixed(0)}/s`,
        )
        .join('; ');
      console.info(`load on ${testDialect()}, by tenth of the run after warm-up: ${curve}`);
    }
    // A client error or timeout comes first: autocannon reconnects after one and its request
    // sequence can fall out of step (an edit sent without the version read before it).
    expect(sum((r) => r.errors)).toBe(0);
    expect(sum((r) => r.timeouts)).toBe(0);
    // Why the balancer refused, when it did (its error log names the upstream failure).
    expect(unexpected, balancer?.errors().split('\n').slice(0, 10).join('\n')).toEqual([]);
    expect(sum((r) => r.non2xx)).toBe(0);
    expect(answers).toBeGreaterThan(0);
    expect(applied).toBeGreaterThan(0);
    // Every instance served its share (through the balancer) and is still running.
    if (balancer) {
      expect([...byUpstream.keys()].sort()).toEqual(
        apis.map((api) => new URL(api.url).host).sort(),
      );
      for (const count of byUpstream.values())
        expect(count).toBeGreaterThan(answers / INSTANCES / 2);
    }
    for (const r of results) expect(r.requests.total).toBeGreaterThan(0);
    for (const api of apis) expect(api.child.exitCode).toBeNull();

    if (SECONDS >= 120) {
      // Loose on purpose: flat means no steady climb, not a fixed number.
      for (const m of memory) expect(m.late).toBeLessThan(m.early * 1.5 + 32);
    }
  });
});
