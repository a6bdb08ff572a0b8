import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ChildApi,
  DEMO,
  freshDatabase,
  pause,
  spawnApi,
  type TestDatabase,
  Relay,
  testDialect,
} from './src';

/**
 * A network partition between the API and PostgreSQL: connections that hang rather than being
 * refused. The API reaches the shared PostgreSQL server through a TCP relay in this process; when
 * the relay is "cut" it keeps every connection open and accepts new ones but carries no byte in
 * either direction, as a dropped route or a firewall that drops packets would. The API must answer
 * within its statement timeout (SERVICE_UNAVAILABLE, never a hang), report the outage on /health
 * within its readiness timeout, recover by itself once the relay carries packets again, and lose
 * no write it acknowledged.
 */
const STATEMENT_TIMEOUT_SECONDS = 3;

describe.skipIf(testDialect() !== 'postgres')(
  'network partition between the API and PostgreSQL (runs under TEST_DB=postgres only)',
  { timeout: 180_000 },
  () => {
    let db: TestDatabase;
    let relay: Relay;
    let api: ChildApi;

    beforeAll(async () => {
      db = await freshDatabase();
      const url = new URL(db.databaseUrl);
      relay = new Relay(url.hostname, Number(url.port || 5432));
      await relay.start();
      url.hostname = '127.0.0.1';
      url.port = String(relay.port);
      api = await spawnApi(
        { ...db, databaseUrl: url.toString() },
        {
          DATABASE_STATEMENT_TIMEOUT_SECONDS: String(STATEMENT_TIMEOUT_SECONDS),
          DATABASE_CONNECT_TIMEOUT_SECONDS: String(STATEMENT_TIMEOUT_SECONDS),
        },
      );
    }, 120_000);
    afterAll(async () => {
      await api?.kill();
      await relay?.stop();
      await db?.drop();
    });

    it('answers SERVICE_UNAVAILABLE within the statement timeout, reports it on /health, and recovers by itself', async () => {
      const editor = new ApiClient(api.url);
      const signIn = await editor.signIn(DEMO.editor.email, DEMO.editor.password);
      if (signIn.errors) throw new Error(JSON.stringify(signIn.errors));
      const { projects } = await editor.ok<{ projects: { id: string }[] }>('{ projects { id } }');
      const projectId = projects[0].id;
      const create = (text: string) =>
        editor.request<{ createClaim: { id: string } }>(
          'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
          { input: { projectId, text } },
        );
      const health = async () => (await fetch(`${api.url}/health`)).status;

      const acknowledged: string[] = [];
      for (let i = 0; i < 3; i++) {
        const before = await create(`Acknowledged before the partition ${i}`);
        expect(before.errors).toBeUndefined();
        acknowledged.push(before.data?.createClaim.id as string);
      }
      expect(await health()).toBe(200);

      relay.partition();
      // Readiness says "down" within its own timeout (5 s), not when TCP gives up.
      let started = Date.now();
      expect(await health()).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      // A write and a read each get an answer, SERVICE_UNAVAILABLE, within the statement
      // timeout (plus the connection timeout when the pool must open a connection).
      for (const attempt of [
        () => create('Written during the partition'),
        () => editor.request('{ projects { id } }'),
      ]) {
        started = Date.now();
        const refused = await attempt();
        const elapsed = Date.now() - started;
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
        expect(elapsed).toBeLessThan((2 * STATEMENT_TIMEOUT_SECONDS + 5) * 1000);
      }
      expect(api.child.exitCode).toBeNull();

      relay.heal();
      // Back by itself: /health, then writes, with no restart.
      let healthy = false;
      for (let i = 0; i < 60 && !healthy; i++) {
        healthy = (await health()) === 200;
        if (!healthy) await pause(500);
      }
      expect(healthy).toBe(true);
      const after = await create('Acknowledged after the partition');
      expect(after.errors).toBeUndefined();
      acknowledged.push(after.data?.createClaim.id as string);

      // Every acknowledged write is there.
      const { claims } = await editor.ok<{ claims: { edges: { node: { id: string } }[] } }>(
        `query($filter: ClaimFilter) { claims(first: 100, filter: $filter) { edges { node { id } } } }`,
        { filter: { projectId } },
      );
      const ids = new Set(claims.edges.map((e) => e.node.id));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    });
  },
);
