import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ChildApi,
  DEMO,
  freePort,
  pause,
  spawnApi,
  type TestDatabase,
  testDialect,
} from './src';

/**
 * PostgreSQL restarted under load. The shared server on 5432 is never touched: the test runs its
 * own throw-away cluster (initdb + pg_ctl, as the postgres user when run as root) on a free port,
 * and removes it afterwards whatever happens. The API runs in its own process; editors keep
 * creating claims while the database stops and starts again, twice: a fast shutdown (sessions
 * ended, a checkpoint written) and an immediate one (the server killed without a checkpoint, as
 * in a crash: the start replays the write-ahead log). The API must stay up, report the
 * outage on /health (503) and its end (200) by itself, refuse writes during the outage with
 * SERVICE_UNAVAILABLE (never acknowledge one it did not commit), and lose no acknowledged write.
 */
const WRITERS = 6;

/** The newest installed PostgreSQL server binaries (Debian layout), or null. */
function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

const bin = postgresBin();
const onPostgres = testDialect() === 'postgres';
// Under CI a missing server is a failure, not a skip.
const runHere = onPostgres && (bin !== null || process.env['CI'] === 'true');

/** A private PostgreSQL cluster in a temporary folder. */
class PrivateCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'corroborate-pg-'));
  port = 0;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(private readonly binDir: string) {}

  private run(tool: string, args: string[]): string {
    const command = join(this.binDir, tool);
    return this.asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : execFileSync(command, args, { encoding: 'utf8' });
  }

  async init(): Promise<void> {
    if (this.asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(this.dir, uid, gid);
    }
    this.port = await freePort();
    this.run('initdb', [
      '-D',
      join(this.dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    this.start();
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`,
      '-w',
      'start',
    ]);
  }

  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  destroy(): void {
    try {
      if (existsSync(join(this.dir, 'data', 'postmaster.pid'))) this.stop('immediate');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

describe.skipIf(!runHere)(
  'PostgreSQL restarted under load (runs under TEST_DB=postgres only: it needs its own PostgreSQL cluster)',
  { timeout: 300_000 },
  () => {
    let cluster: PrivateCluster | null = null;
    let api: ChildApi | null = null;
    let db: TestDatabase;

    beforeAll(async () => {
      if (!bin)
        throw new Error(
          'PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql; install the postgresql package.',
        );
      cluster = new PrivateCluster(bin);
      // Should the test process end before afterAll (a timeout, Ctrl-C), the cluster goes too.
      process.once('exit', destroyCluster);
      await cluster.init();
      const admin = new Client({ connectionString: `${cluster.url}/postgres` });
      await admin.connect();
      await admin.query('CREATE DATABASE corroborate');
      await admin.end();
      const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-test-'));
      db = {
        databaseUrl: `${cluster.url}/corroborate`,
        dataDir,
        drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
      };
      api = await spawnApi(db);
    }, 180_000);
    const destroyCluster = () => {
      cluster?.destroy();
      cluster = null;
    };
    afterAll(async () => {
      await api?.kill();
      process.off('exit', destroyCluster);
      destroyCluster();
      await db?.drop();
    });

    it.each(['fast', 'immediate'] as const)(
      'keeps the API up through a restart (%s shutdown), reports it on /health, and loses no acknowledged write',
      async (mode) => {
        const server = api as ChildApi;
        const pg = cluster as PrivateCluster;
        const editors: ApiClient[] = [];
        for (let i = 0; i < WRITERS; i++) {
          const client = new ApiClient(server.url);
          const signIn = await client.signIn(DEMO.editor.email, DEMO.editor.password);
          if (signIn.errors) throw new Error(JSON.stringify(signIn.errors));
          editors.push(client);
        }
        const { projects } = await editors[0].ok<{ projects: { id: string }[] }>(
          '{ projects { id } }',
        );
        const projectId = projects[0].id;

        const acknowledged: string[] = [];
        const refusals = new Map<string, number>();
        const unexpected: string[] = [];
        let phase: 'before' | 'outage' | 'after' = 'before';
        const ackedIn = { before: 0, outage: 0, after: 0 };
        let writing = true;
        const writer = async (client: ApiClient, w: number) => {
          for (let n = 0; writing; n++) {
            try {
              const result = await client.request<{ createClaim: { id: string } }>(
                'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
                { input: { projectId, text: `Written through the restart ${w}.${n}` } },
              );
              if (result.data?.createClaim) {
                acknowledged.push(result.data.createClaim.id);
                ackedIn[phase]++;
              } else {
                const code = String(result.errors?.[0]?.extensions?.['code']);
                refusals.set(code, (refusals.get(code) ?? 0) + 1);
                if (code !== 'SERVICE_UNAVAILABLE') unexpected.push(JSON.stringify(result.errors));
                await pause(50);
              }
            } catch (error) {
              unexpected.push(`HTTP failure: ${String(error)}`);
              await pause(50);
            }
          }
        };
        const health = async () => {
          const res = await fetch(`${server.url}/health`);
          return { status: res.status, body: (await res.json()) as Record<string, unknown> };
        };
        const waitForHealth = async (status: number) => {
          for (let i = 0; i < 600; i++) {
            const h = await health();
            if (h.status === status) return h;
            await pause(100);
          }
          throw new Error(`/health never answered ${status}`);
        };

        const writers = editors.map((c, i) => writer(c, i));
        await pause(1500);
        expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });

        phase = 'outage';
        pg.stop(mode);
        expect(await waitForHealth(503)).toEqual({
          status: 503,
          body: { status: 'unavailable', database: 'down' },
        });
        await pause(1500);
        pg.start();
        expect((await waitForHealth(200)).body).toEqual({ status: 'ok', database: 'up' });
        phase = 'after';
        const resumed = acknowledged.length;
        for (let i = 0; i < 300 && acknowledged.length < resumed + WRITERS * 5; i++)
          await pause(100);
        writing = false;
        await Promise.all(writers);

        // The process never went down, writes resumed on their own, and every refusal was named.
        expect(server.child.exitCode).toBeNull();
        expect(unexpected, server.output()).toEqual([]);
        expect(ackedIn.before).toBeGreaterThan(0);
        expect(ackedIn.after).toBeGreaterThan(0);
        expect(refusals.get('SERVICE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);

        // Every acknowledged write is in the database, once.
        const check = new Client({ connectionString: db.databaseUrl });
        await check.connect();
        try {
          const rows = (
            await check.query<{ id: string }>('SELECT "id" FROM "claims" WHERE "id" = ANY($1)', [
              acknowledged,
            ])
          ).rows;
          expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
          const events = (
            await check.query<{ n: string }>(
              `SELECT COUNT(*) AS n FROM "audit_events" WHERE "action" = 'claim.created' AND "entityId" = ANY($1)`,
              [acknowledged],
            )
          ).rows[0].n;
          expect(Number(events)).toBe(acknowledged.length);
        } finally {
          await check.end();
        }
        console.info(
          `PostgreSQL restart (${mode}): ${acknowledged.length} writes acknowledged (${ackedIn.before} before, ` +
            `${ackedIn.outage} during, ${ackedIn.after} after), refusals ${JSON.stringify(Object.fromEntries(refusals))}`,
        );
      },
    );
  },
);
