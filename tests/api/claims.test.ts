import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { ClaimEntity, ClaimTopicEntity } from '@corroborate/api-claims';
import { SourceEntity } from '@corroborate/api-sources';
import { type ApiClient, errorCode, signedIn, startApi, type TestApi } from './src';

const FIELDS = `id text claimant firstAppearanceUrl firstAppearedAt topics priority dueAt status
  allowedTransitions rejectionReason version createdAt updatedAt`;
const CREATE = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { ${FIELDS} } }`;
const REJECT = `mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { claim(id: $id) { ${FIELDS}
  project { id name } createdBy { email }
  history { id at actor { email } entityType entityId action reason changes { field before after } }
} }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Claim {
  id: string;
  text: string;
  claimant: string | null;
  firstAppearanceUrl: string | null;
  topics: string[];
  priority: string;
  dueAt: string | null;
  status: string;
  allowedTransitions: string[];
  rejectionReason: string | null;
  version: number;
}
interface HistoryEvent {
  actor: { email: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  reason: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

describe('claims', () => {
  let api: TestApi;
  let editor: ApiClient;
  let admin: ApiClient;
  let projectId: string;
  const claimCount = () => api.dataSource.getRepository(ClaimEntity).count();
  const stored = (id: string) => api.dataSource.getRepository(ClaimEntity).findOneByOrFail({ id });
  const create = async (input: Record<string, unknown> = {}, client = editor) =>
    (
      await client.ok<{ createClaim: Claim }>(CREATE, {
        input: { projectId, text: 'Police detained 100 people in Minsk', ...input },
      })
    ).createClaim;

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    admin = await signedIn(api, 'admin');
    const { projects } = await editor.ok<{ projects: { id: string; name: string }[] }>(
      '{ projects { id name } }',
    );
    projectId = projects[0].id;
  });
  afterAll(() => api.close());

  it('creates a NEW claim with trimmed text, deduplicated topics and NORMAL priority by default', async () => {
    const claim = await create({
      text: '  More than 30,000 protesters were detained  ',
      claimant: ' Viasna ',
      firstAppearanceUrl: 'https://spring96.org/en/news/100000',
      firstAppearedAt: '2021-01-17T10:00:00.000Z',
      topics: [' Detentions ', 'detentions', 'Human  rights', 'DETENTIONS'],
      dueAt: '2021-02-01T12:00:00.000Z',
    });
    expect(claim).toMatchObject({
      text: 'More than 30,000 protesters were detained',
      claimant: 'Viasna',
      firstAppearanceUrl: 'https://spring96.org/en/news/100000',
      topics: ['Detentions', 'Human rights'],
      priority: 'NORMAL',
      status: 'NEW',
      allowedTransitions: ['IN_REVIEW', 'REJECTED'],
      rejectionReason: null,
      version: 1,
      dueAt: '2021-02-01T12:00:00.000Z',
    });
    const { claim: read } = await editor.ok<{
      claim: Claim & {
        project: { id: string };
        createdBy: { email: string };
        history: HistoryEvent[];
      };
    }>(READ, { id: claim.id });
    expect(read.project.id).toBe(projectId);
    expect(read.createdBy.email).toBe('editor@example.org');
    expect(read.history).toHaveLength(1);
    expect(read.history[0]).toMatchObject({
      action: 'claim.created',
      entityType: 'Claim',
      actor: { email: 'editor@example.org' },
    });
    expect(read.history[0].changes).toContainEqual({
      field: 'text',
      before: null,
      after: JSON.stringify('More than 30,000 protesters were detained'),
    });
    const topics = await api.dataSource
      .getRepository(ClaimTopicEntity)
      .findBy({ claimId: claim.id });
    expect(topics.map((t) => t.topic).sort()).toEqual(['detentions', 'human rights']);
  });

  it('lets admins create claims and set a priority', async () => {
    const claim = await create({ priority: 'URGENT' }, admin);
    expect(claim.priority).toBe('URGENT');
  });

  it('refuses claims in an unknown project (NOT_FOUND) or with a malformed project id', async () => {
    const before = await claimCount();
    expect(
      errorCode(await editor.request(CREATE, { input: { projectId: UNKNOWN, text: 'x' } })),
    ).toBe('NOT_FOUND');
    const bad = await editor.request(CREATE, { input: { projectId: 'p1', text: 'x' } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('projectId');
    expect(await claimCount()).toBe(before);
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: '    ' }, 'text'],
    [{ text: 'x'.repeat(5001) }, 'text'],
    [{ claimant: 'c'.repeat(301) }, 'claimant'],
    [{ firstAppearanceUrl: 'javascript:alert(1)' }, 'firstAppearanceUrl'],
    [{ firstAppearanceUrl: 'file:///etc/passwd' }, 'firstAppearanceUrl'],
    [{ firstAppearanceUrl: `https://example.org/${'p'.repeat(2048)}` }, 'firstAppearanceUrl'],
    [{ topics: Array.from({ length: 21 }, (_, i) => `topic ${i}`) }, 'topics'],
    [{ topics: ['t'.repeat(81)] }, 'topics'],
    [{ topics: ['   '] }, 'topics'],
  ])('refuses bad input %#, naming the field, and creates nothing', async (bad, field) => {
    const before = await claimCount();
    const result = await editor.request(CREATE, {
      input: { projectId, text: 'A valid claim', ...bad },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await claimCount()).toBe(before);
  });

  it('accepts exactly 5000 characters of text and 20 topics', async () => {
    const claim = await create({
      text: 'y'.repeat(5000),
      topics: Array.from({ length: 20 }, (_, i) => `topic ${i}`),
    });
    expect(claim.text).toHaveLength(5000);
    expect(claim.topics).toHaveLength(20);
  });

  it('refuses claim writes to reviewers and viewers, changing nothing', async () => {
    const claim = await create();
    for (const who of ['reviewer', 'viewer'] as const) {
      const client = await signedIn(api, who);
      const before = await claimCount();
      expect(errorCode(await client.request(CREATE, { input: { projectId, text: 'No' } }))).toBe(
        'FORBIDDEN',
      );
      expect(await claimCount()).toBe(before);
      const update = await client.request(UPDATE, {
        input: { claimId: claim.id, expectedVersion: 1, text: 'Changed' },
      });
      expect(errorCode(update)).toBe('FORBIDDEN');
      const reject = await client.request(REJECT, {
        input: { claimId: claim.id, expectedVersion: 1, reason: 'No' },
      });
      expect(errorCode(reject)).toBe('FORBIDDEN');
      expect(await stored(claim.id)).toMatchObject({ text: claim.text, version: 1, status: 'NEW' });
      // …but they can read it.
      expect((await client.ok<{ claim: Claim }>(READ, { id: claim.id })).claim.id).toBe(claim.id);
    }
  });

  it('updates with the expected version, bumps the version and records before → after', async () => {
    const claim = await create({ topics: ['election'] });
    const { updateClaim } = await editor.ok<{ updateClaim: Claim }>(UPDATE, {
      input: {
        claimId: claim.id,
        expectedVersion: 1,
        text: 'Police detained 120 people in Minsk',
        priority: 'HIGH',
        topics: ['Election', 'detentions'],
        claimant: null,
      },
    });
    expect(updateClaim).toMatchObject({
      text: 'Police detained 120 people in Minsk',
      priority: 'HIGH',
      topics: ['Election', 'detentions'],
      version: 2,
    });
    const { claim: read } = await editor.ok<{ claim: { history: HistoryEvent[] } }>(READ, {
      id: claim.id,
    });
    expect(read.history.map((e) => e.action)).toEqual(['claim.created', 'claim.updated']);
    expect(read.history[1].changes).toEqual([
      {
        field: 'text',
        before: '"Police detained 100 people in Minsk"',
        after: '"Police detained 120 people in Minsk"',
      },
      { field: 'topics', before: '["election"]', after: '["Election","detentions"]' },
      { field: 'priority', before: '"NORMAL"', after: '"HIGH"' },
    ]);
    // An update that changes nothing keeps the version.
    const same = await editor.ok<{ updateClaim: Claim }>(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 2, priority: 'HIGH' },
    });
    expect(same.updateClaim.version).toBe(2);
  });

  it('names every field changed since a stale version, however long the history', async () => {
    // More edits than the audit reader fetches at once, so the answer spans several reads: the
    // claimant changed right after version 1, then only the text, many times.
    const claim = await create({ claimant: 'Ministry' });
    let version = (
      await editor.ok<{ updateClaim: Claim }>(UPDATE, {
        input: { claimId: claim.id, expectedVersion: 1, claimant: 'Agency' },
      })
    ).updateClaim.version;
    for (let i = 0; i < 120; i++)
      version = (
        await editor.ok<{ updateClaim: Claim }>(UPDATE, {
          input: { claimId: claim.id, expectedVersion: version, text: `Wording ${i}` },
        })
      ).updateClaim.version;
    const fields = async (stale: number) =>
      [
        ...((
          await admin.request(UPDATE, {
            input: { claimId: claim.id, expectedVersion: stale, priority: 'LOW' },
          })
        ).errors?.[0]?.extensions?.['changedFields'] as string[]),
      ].sort();
    expect(await fields(1)).toEqual(['claimant', 'text']);
    expect(await fields(2)).toEqual(['text']);
    expect(await fields(version - 1)).toEqual(['text']);
  });

  it('lets the first of two editors win; the second gets CONFLICT naming the changed fields', async () => {
    const claim = await create({ claimant: 'Ministry' });
    const first = await editor.ok<{ updateClaim: Claim }>(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 1, text: 'First edit', priority: 'URGENT' },
    });
    expect(first.updateClaim.version).toBe(2);
    const second = await admin.request(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 1, text: 'Second edit', claimant: 'Someone' },
    });
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.extensions).toMatchObject({ currentVersion: 2 });
    expect([...(second.errors?.[0]?.extensions?.['changedFields'] as string[])].sort()).toEqual([
      'priority',
      'text',
    ]);
    expect(second.errors?.[0]?.message).toMatch(/text/);
    expect(second.errors?.[0]?.message).toMatch(/priority/);
    expect(await stored(claim.id)).toMatchObject({
      text: 'First edit',
      priority: 'URGENT',
      claimant: 'Ministry',
      version: 2,
    });
  });

  it('lets exactly one of two simultaneous writers with the same version win', async () => {
    const claim = await create();
    const results = await Promise.all(
      ['Edit A', 'Edit B', 'Edit C'].map((text, i) =>
        (i % 2 ? admin : editor).request(UPDATE, {
          input: { claimId: claim.id, expectedVersion: 1, text },
        }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
    const winner = (winners[0].data as { updateClaim: Claim }).updateClaim;
    expect(await stored(claim.id)).toMatchObject({ text: winner.text, version: 2 });
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: 'z'.repeat(5001) }, 'text'],
    [{ firstAppearanceUrl: 'javascript:alert(1)' }, 'firstAppearanceUrl'],
    [{ firstAppearanceUrl: 'file:///etc/passwd' }, 'firstAppearanceUrl'],
    [{ topics: ['x'.repeat(81)] }, 'topics'],
    [{ claimant: 'c'.repeat(301) }, 'claimant'],
    [{ expectedVersion: 0 }, 'expectedVersion'],
    [{ claimId: 'abc' }, 'claimId'],
  ])('refuses a bad update %#, naming the field, changing nothing', async (bad, field) => {
    const claim = await create();
    const result = await editor.request(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 1, ...bad },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await stored(claim.id)).toMatchObject({ text: claim.text, version: 1 });
  });

  it('answers NOT_FOUND for unknown claims and BAD_USER_INPUT for malformed ids', async () => {
    expect(errorCode(await editor.request(READ, { id: UNKNOWN }))).toBe('NOT_FOUND');
    const malformed = await editor.request(READ, { id: 'claim-1' });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.['field']).toBe('id');
    expect(
      errorCode(
        await editor.request(UPDATE, {
          input: { claimId: UNKNOWN, expectedVersion: 1, text: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await editor.request(REJECT, {
          input: { claimId: UNKNOWN, expectedVersion: 1, reason: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
    const badReject = await editor.request(REJECT, {
      input: { claimId: 'x', expectedVersion: 1, reason: 'x' },
    });
    expect(errorCode(badReject)).toBe('BAD_USER_INPUT');
    expect(badReject.errors?.[0]?.extensions?.['field']).toBe('claimId');
  });

  it('rejects a claim with a reason, then refuses to reject it again or edit it', async () => {
    const claim = await create();
    for (const reason of ['', '   ', 'r'.repeat(2001)]) {
      const result = await editor.request(REJECT, {
        input: { claimId: claim.id, expectedVersion: 1, reason },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('reason');
      expect(await stored(claim.id)).toMatchObject({ status: 'NEW', version: 1 });
    }
    const { rejectClaim } = await editor.ok<{ rejectClaim: Claim }>(REJECT, {
      input: { claimId: claim.id, expectedVersion: 1, reason: ' Duplicate of an earlier claim ' },
    });
    expect(rejectClaim).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Duplicate of an earlier claim',
      allowedTransitions: [],
      version: 2,
    });
    const { claim: read } = await editor.ok<{ claim: { history: HistoryEvent[] } }>(READ, {
      id: claim.id,
    });
    expect(read.history.at(-1)).toMatchObject({
      action: 'claim.rejected',
      reason: 'Duplicate of an earlier claim',
      changes: [
        { field: 'status', before: '"NEW"', after: '"REJECTED"' },
        { field: 'rejectionReason', before: null, after: '"Duplicate of an earlier claim"' },
      ],
    });

    const again = await editor.request(REJECT, {
      input: { claimId: claim.id, expectedVersion: 2, reason: 'Again' },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/Cannot move a claim from REJECTED to REJECTED/);
    expect(again.errors?.[0]?.extensions).toMatchObject({ from: 'REJECTED', to: 'REJECTED' });

    const edit = await editor.request(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 2, text: 'Edited after rejection' },
    });
    expect(errorCode(edit)).toBe('CONFLICT');
    expect(edit.errors?.[0]?.message).toMatch(/locked/);
    expect(await stored(claim.id)).toMatchObject({
      status: 'REJECTED',
      text: claim.text,
      rejectionReason: 'Duplicate of an earlier claim',
      version: 2,
    });
  });

  it('refuses to reject with a stale version, naming what changed', async () => {
    const claim = await create();
    await editor.ok(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 1, dueAt: '2021-03-01T00:00:00.000Z' },
    });
    const result = await admin.request(REJECT, {
      input: { claimId: claim.id, expectedVersion: 1, reason: 'Not check-worthy' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      currentVersion: 2,
      changedFields: ['dueAt'],
    });
    expect(await stored(claim.id)).toMatchObject({ status: 'NEW', version: 2 });
  });

  it('refuses to edit a VERIFIED claim (locked)', async () => {
    const claim = await create();
    await api.dataSource.getRepository(ClaimEntity).update(claim.id, { status: 'VERIFIED' });
    const result = await editor.request(UPDATE, {
      input: { claimId: claim.id, expectedVersion: 1, text: 'Rewritten' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/VERIFIED/);
    const verified = await stored(claim.id);
    expect(verified).toMatchObject({ text: claim.text, status: 'VERIFIED' });
    const reject = await editor.request(REJECT, {
      input: { claimId: claim.id, expectedVersion: verified.version, reason: 'No' },
    });
    expect(errorCode(reject)).toBe('CONFLICT');
    expect(reject.errors?.[0]?.extensions).toMatchObject({ from: 'VERIFIED', to: 'REJECTED' });
  });

  it("includes its evidence items' and captures' audit events in a claim's history, in order", async () => {
    const claim = await create();
    const source = await api.dataSource
      .getRepository(SourceEntity)
      .findOneByOrFail({ name: 'BelaPAN' });
    const evidenceId = crypto.randomUUID();
    const captureId = crypto.randomUUID();
    await api.dataSource.manager.insert('EvidenceEntity', {
      id: evidenceId,
      claimId: claim.id,
      sourceId: source.id,
      url: 'https://belapan.by/item',
      stance: 'SUPPORTS',
      credibility: 2,
      version: 1,
    });
    await api.dataSource.manager.insert('CaptureEntity', {
      id: captureId,
      evidenceId,
      version: 1,
      method: 'UPLOAD',
      mediaType: 'text/plain',
      byteSize: 5,
      sha256: 'a'.repeat(64),
      storageKey: 'x',
    });
    const audit = api.dataSource.getRepository(AuditEventEntity);
    await audit.insert([
      {
        actorId: null,
        entityType: 'Evidence',
        entityId: evidenceId,
        action: 'evidence.added',
        after: { stance: 'SUPPORTS' },
      },
      {
        actorId: null,
        entityType: 'Capture',
        entityId: captureId,
        action: 'capture.added',
        after: { sha256: 'a' },
      },
      // Another claim's evidence event must not show up.
      {
        actorId: null,
        entityType: 'Evidence',
        entityId: UNKNOWN,
        action: 'evidence.added',
        after: {},
      },
    ]);
    await editor.ok(UPDATE, { input: { claimId: claim.id, expectedVersion: 1, priority: 'LOW' } });
    const { claim: read } = await editor.ok<{ claim: { history: HistoryEvent[] } }>(READ, {
      id: claim.id,
    });
    expect(read.history.map((e) => [e.entityType, e.action])).toEqual([
      ['Claim', 'claim.created'],
      ['Evidence', 'evidence.added'],
      ['Capture', 'capture.added'],
      ['Claim', 'claim.updated'],
    ]);
  });
});
