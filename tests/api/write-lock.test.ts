import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn, startApi, type TestApi, testDialect } from './src';

/**
 * Another program writing to the same database (the command-line import, a second server on the
 * same SQLite file): the API's writes wait for its lock and are then saved, while the API keeps
 * answering. Before, on SQLite, a transaction that read before writing was refused at once with
 * "database is locked" as an INTERNAL_SERVER_ERROR, and a plain write froze the whole process for
 * SQLite's 5-second busy timeout.
 */
describe(`writes beside another program's write lock on ${testDialect()}`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let projectId: string;

  /** Takes the database's write lock from another connection, holds it for `ms`, then commits. */
  async function anotherProgramWrites(ms: number): Promise<void> {
    const database = api.config.database;
    if (database.type === 'sqlite') {
      const other = new Database(database.path);
      try {
        other.exec('BEGIN IMMEDIATE');
        await sleep(ms);
        other.exec('COMMIT');
      } finally {
        other.close();
      }
      return;
    }
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('LOCK TABLE "claims" IN SHARE ROW EXCLUSIVE MODE');
      await sleep(ms);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
  }

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Desk beside the command line' } },
    );
    projectId = createProject.id;
  });
  afterAll(() => api?.close());

  it('saves a claim created while another program holds the write lock, answering other requests meanwhile', async () => {
    const holding = anotherProgramWrites(1500);
    await sleep(100);
    const started = Date.now();
    let answered = 0;
    const created = editor.ok<{ createClaim: { id: string; version: number } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }',
      { input: { projectId, text: 'Typed in while a command-line import was writing.' } },
    );
    // The server keeps answering while the write waits.
    let healthy = 0;
    while (Date.now() - started < 1000) {
      const res = await fetch(`${api.url}/health`);
      if (res.status === 200) healthy++;
      answered++;
      await sleep(50);
    }
    await holding;
    const { createClaim } = await created;
    expect(createClaim.version).toBe(1);
    expect(healthy).toBe(answered);
    expect(healthy).toBeGreaterThan(3);
    const { claim } = await editor.ok<{ claim: { text: string } }>(
      'query($id: ID!) { claim(id: $id) { text } }',
      { id: createClaim.id },
    );
    expect(claim.text).toBe('Typed in while a command-line import was writing.');
  });
});
