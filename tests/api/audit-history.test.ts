import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@corroborate/api-audit';
import { startApi, type TestApi, testDialect } from './src';

/**
 * The conflict check of optimistic concurrency reads an entity's newest audit events, a page at a
 * time. Its cost must not grow with the entity's history (a claim edited thousands of times made
 * every CONFLICT answer read and sort all of it): the page is read in index order.
 */
describe(`audit history on ${testDialect()}`, () => {
  let api: TestApi;
  let audit: AuditService;
  const entityId = '00000000-0000-4000-8000-00000000a0d1';

  beforeAll(async () => {
    api = await startApi();
    audit = api.app.get(AuditService);
    for (let version = 1; version <= 120; version++)
      await audit.record({
        actorId: null,
        entityType: 'Claim',
        entityId,
        action: 'claim.updated',
        before: { priority: version % 2 ? 'LOW' : 'HIGH', version: version - 1 },
        after: { priority: version % 2 ? 'HIGH' : 'LOW', version },
      });
  });
  afterAll(() => api.close());

  it('names the fields changed since a version from the newest events, across pages', async () => {
    expect(await audit.changedFieldsSince('Claim', entityId, 119)).toEqual(['priority']);
    expect(await audit.changedFieldsSince('Claim', entityId, 120)).toEqual([]);
    // 70 events back: more than one page of 50.
    expect(await audit.changedFieldsSince('Claim', entityId, 50)).toEqual(['priority']);
  });

  it('reads a page of the newest events in index order, without sorting the history', async () => {
    const [sql, parameters] = audit.newestEvents('Claim', entityId, 1000).getQueryAndParameters();
    let plan: string;
    if (testDialect() === 'postgres') {
      // The table is small here, so a scan would win on cost: rule scans and sorts out, and the
      // plan must still need no Sort (the index gives the order).
      plan = await api.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        await manager.query('SET LOCAL enable_sort = off');
        const rows = (await manager.query(`EXPLAIN ${sql}`, parameters)) as {
          'QUERY PLAN': string;
        }[];
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index (Only )?Scan Backward using audit_events_entity/);
      expect(plan).not.toMatch(/Sort/);
    } else {
      const rows = (await api.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as {
        detail: string;
      }[];
      plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(/USING INDEX audit_events_entity/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
