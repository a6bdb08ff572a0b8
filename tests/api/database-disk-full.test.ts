import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mountSmallDisk, signedIn, startApi, type TestApi } from './src';

const CREATE = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`;

// The embedded database's file is ours to keep; PostgreSQL's disk is its server's, whose
// disk_full (SQLSTATE 53100) is answered the same way (libs/api/core/src/errors.spec.ts).
describe('a full disk under the SQLite database (both API runs)', () => {
  it('refuses writes as INSUFFICIENT_STORAGE saying nothing was saved, keeps reading, and saves once there is room', async (context) => {
    const root = mkdtempSync(join(tmpdir(), 'corroborate-full-db-'));
    const disk = mountSmallDisk(root, '64m', (reason) => context.skip(reason));
    if (!disk) return;
    let api: TestApi | undefined;
    try {
      api = await startApi(
        {},
        {
          databaseUrl: `sqlite:${join(root, 'test.db')}`,
          dataDir: root,
          drop: async () => undefined,
        },
      );
      const editor = await signedIn(api, 'editor');
      const { projects } = await editor.ok<{ projects: { id: string }[] }>('{ projects { id } }');
      const projectId = projects[0].id;
      const count = async () =>
        (
          await editor.ok<{ claims: { totalCount: number } }>(
            'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
            { f: { projectId } },
          )
        ).claims.totalCount;
      const before = await count();

      disk.fill();
      const refused = await editor.request(CREATE, {
        input: { projectId, text: 'Typed in while the database disk was full.' },
      });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('INSUFFICIENT_STORAGE');
      expect(refused.errors?.[0]?.message).toBe(
        "The database's disk is full, so this change was not saved. Tell an administrator: the disk holding the database needs space.",
      );
      // Reading goes on, and nothing of the refused write is there.
      expect(await count()).toBe(before);
      expect((await fetch(`${api.url}/health`)).status).toBe(200);

      disk.makeRoom();
      await editor.ok(CREATE, {
        input: { projectId, text: 'Typed in again once there was room.' },
      });
      expect(await count()).toBe(before + 1);
    } finally {
      await api?.close();
      disk.unmount();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
