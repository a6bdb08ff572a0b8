import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { SourceEntity } from '@corroborate/api-sources';
import {
  type ApiClient,
  errorCode,
  type GraphQLResponse,
  signedIn,
  startApi,
  type TestApi,
} from './src';

const EVIDENCE_FIELDS = `id url title excerpt publishedAt retrievedAt archiveUrl stance credibility grade note
  retracted retractionReason version createdAt updatedAt
  claim { id } source { id name reliability } derivedFrom { id } addedBy { email }
  quantity { min max unit asOf } anchor { prefix exact suffix } anchorStatus
  captures { id } latestCapture { id }`;
const ADD = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { ${EVIDENCE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { ${EVIDENCE_FIELDS} } }`;
const RETRACT = `mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { ${EVIDENCE_FIELDS} } }`;
const ITEM = `query($id: ID!) { evidenceItem(id: $id) { ${EVIDENCE_FIELDS} } }`;
const CLAIM_EVIDENCE = `query($id: ID!, $all: Boolean) { claim(id: $id) {
  evidenceCount
  evidence(includeRetracted: $all) { id retracted }
  everything: evidence(includeRetracted: true) { id }
  defaulted: evidence { id }
} }`;

interface Evidence {
  id: string;
  url: string;
  title: string | null;
  excerpt: string | null;
  stance: string;
  credibility: number;
  grade: string;
  note: string | null;
  retracted: boolean;
  retractionReason: string | null;
  version: number;
  claim: { id: string };
  source: { id: string; name: string; reliability: string };
  derivedFrom: { id: string } | null;
  addedBy: { email: string } | null;
  quantity: { min: number; max: number | null; unit: string; asOf: string | null } | null;
  anchor: { prefix: string | null; exact: string; suffix: string | null } | null;
  anchorStatus: string;
  captures: { id: string }[];
  latestCapture: { id: string } | null;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('evidence', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let viewer: ApiClient;
  let projectId: string;
  let claimId: string;
  let otherClaimId: string;
  let sourceB: string;
  let reviewerId: string;
  let reviewer2Id: string;

  const evidenceCount = () => api.dataSource.getRepository(EvidenceEntity).count();
  const sourceCount = () => api.dataSource.getRepository(SourceEntity).count();
  const auditCount = () => api.dataSource.getRepository(AuditEventEntity).count();
  const row = (id: string) => api.dataSource.getRepository(EvidenceEntity).findOneByOrFail({ id });

  const assign = (claimIds: string[], reviewerIds: string[]) =>
    editor.ok('mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }', {
      input: { claimIds, reviewerIds },
    });
  /** A claim of the suite's project with `reviewer` (not `reviewer2`) assigned to it. */
  const createClaim = async (text: string, project = projectId): Promise<string> => {
    const data = await editor.ok<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { projectId: project, text } },
    );
    await assign([data.createClaim.id], [reviewerId]);
    return data.createClaim.id;
  };
  const createSource = async (name: string, reliability = 'B'): Promise<string> => {
    const data = await editor.ok<{ createSource: { id: string } }>(
      'mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }',
      { input: { name, kind: 'MEDIA', reliability } },
    );
    return data.createSource.id;
  };
  const add = async (
    client: ApiClient,
    input: Record<string, unknown>,
  ): Promise<GraphQLResponse<{ addEvidence: Evidence }>> =>
    client.request<{ addEvidence: Evidence }>(ADD, {
      input: {
        claimId,
        sourceId: sourceB,
        url: 'https://example.org/a',
        stance: 'SUPPORTS',
        credibility: 2,
        ...input,
      },
    });
  const added = async (
    client: ApiClient,
    input: Record<string, unknown> = {},
  ): Promise<Evidence> => {
    const result = await add(client, input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return (result.data as { addEvidence: Evidence }).addEvidence;
  };

  beforeAll(async () => {
    api = await startApi();
    [editor, reviewer, reviewer2, viewer] = await Promise.all([
      signedIn(api, 'editor'),
      signedIn(api, 'reviewer'),
      signedIn(api, 'reviewer2'),
      signedIn(api, 'viewer'),
    ]);
    const projects = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Evidence suite' } },
    );
    projectId = projects.createProject.id;
    const me = async (client: ApiClient) =>
      (await client.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    reviewerId = await me(reviewer);
    reviewer2Id = await me(reviewer2);
    claimId = await createClaim('Authorities have detained more than 30,000 protesters.');
    otherClaimId = await createClaim('There were at least 30 marches on Sunday.');
    sourceB = await createSource('Evidence suite wire', 'B');
  });
  afterAll(() => api.close());

  it('lets an editor attach evidence from the registry, graded and audited with its claim id', async () => {
    const before = await auditCount();
    const item = await added(editor, {
      title: '  UN rights office statement ',
      excerpt: 'more than 30,000 people have been detained',
      publishedAt: '2021-01-15T10:00:00.000Z',
      archiveUrl: 'https://web.archive.org/web/2021/https://example.org/a',
      note: 'Official UN figure',
      quantity: { min: 30000, unit: 'people detained', asOf: '2021-01-15T00:00:00.000Z' },
      anchor: { prefix: 'more than', exact: '30,000 people', suffix: 'have been' },
    });
    expect(item).toMatchObject({
      url: 'https://example.org/a',
      title: 'UN rights office statement',
      stance: 'SUPPORTS',
      credibility: 2,
      grade: 'B2',
      retracted: false,
      version: 1,
      claim: { id: claimId },
      source: { id: sourceB, reliability: 'B' },
      derivedFrom: null,
      addedBy: { email: 'editor@example.org' },
      quantity: {
        min: 30000,
        max: null,
        unit: 'people detained',
        asOf: '2021-01-15T00:00:00.000Z',
      },
      anchor: { prefix: 'more than', exact: '30,000 people', suffix: 'have been' },
      anchorStatus: 'NO_CAPTURE',
      captures: [],
      latestCapture: null,
    });
    const stored = await row(item.id);
    expect(stored.quantityMax).toBeNull();
    expect(await auditCount()).toBe(before + 1);
    const event = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityType: 'Evidence', entityId: item.id, action: 'evidence.added' });
    expect(event.after).toMatchObject({
      claimId,
      sourceId: sourceB,
      stance: 'SUPPORTS',
      version: 1,
    });
    const data = await viewer.ok<{ evidenceItem: Evidence }>(ITEM, { id: item.id });
    expect(data.evidenceItem.id).toBe(item.id);
    expect(data.evidenceItem.anchorStatus).toBe('NO_CAPTURE');
  });

  it('lets a reviewer create the source inline, in the same transaction, and records a single value as min = max', async () => {
    const sourcesBefore = await sourceCount();
    const item = await added(reviewer, {
      sourceId: null,
      newSource: { name: 'Evidence suite NGO', kind: 'NGO', reliability: 'C' },
      stance: 'REFUTES',
      credibility: 3,
      quantity: { min: 28000, max: 28000, unit: 'people detained' },
    });
    expect(item).toMatchObject({
      grade: 'C3',
      source: { name: 'Evidence suite NGO', reliability: 'C' },
      addedBy: { email: 'reviewer@example.org' },
      quantity: { min: 28000, max: 28000 },
      anchor: null,
      anchorStatus: 'NO_ANCHOR',
    });
    expect(await sourceCount()).toBe(sourcesBefore + 1);
  });

  it.each([
    ['neither sourceId nor newSource', { sourceId: null }, 'sourceId'],
    [
      'both sourceId and newSource',
      { newSource: { name: 'Both ways', kind: 'NGO', reliability: 'C' } },
      'sourceId',
    ],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a file: URL', { url: 'file:///etc/passwd' }, 'url'],
    ['an ftp: URL', { url: 'ftp://example.org/x' }, 'url'],
    ['a relative URL', { url: '/just/a/path' }, 'url'],
    ['an over-long URL', { url: `https://example.org/${'x'.repeat(2040)}` }, 'url'],
    ['a javascript: archive URL', { archiveUrl: 'javascript:alert(1)' }, 'archiveUrl'],
    ['a title over 500 characters', { title: 't'.repeat(501) }, 'title'],
    ['an excerpt over 10,000 characters', { excerpt: 'e'.repeat(10_001) }, 'excerpt'],
    ['a note over 5,000 characters', { note: 'n'.repeat(5_001) }, 'note'],
    ['credibility 0', { credibility: 0 }, 'credibility'],
    ['credibility 7', { credibility: 7 }, 'credibility'],
    ['max below min', { quantity: { min: 10, max: 5, unit: 'people' } }, 'quantity.max'],
    ['an empty unit', { quantity: { min: 10, unit: '  ' } }, 'quantity.unit'],
    ['a unit over 60 characters', { quantity: { min: 10, unit: 'u'.repeat(61) } }, 'quantity.unit'],
    ['an empty anchor', { anchor: { exact: '' } }, 'anchor.exact'],
    ['an anchor over 2,000 characters', { anchor: { exact: 'a'.repeat(2001) } }, 'anchor.exact'],
    [
      'an anchor prefix over 500',
      { anchor: { exact: 'a', prefix: 'p'.repeat(501) } },
      'anchor.prefix',
    ],
    [
      'an anchor suffix over 500',
      { anchor: { exact: 'a', suffix: 's'.repeat(501) } },
      'anchor.suffix',
    ],
    [
      'an invalid inline source',
      { sourceId: null, newSource: { name: '', kind: 'NGO', reliability: 'C' } },
      'newSource.name',
    ],
    ['a malformed claim id', { claimId: 'claim-1' }, 'claimId'],
    ['a malformed derivedFromId', { derivedFromId: 'x' }, 'derivedFromId'],
    ['an unknown derivedFromId', { derivedFromId: UNKNOWN }, 'derivedFromId'],
  ])(
    'refuses %s as BAD_USER_INPUT naming the field, changing nothing',
    async (_label, input, field) => {
      const [evidenceBefore, sourcesBefore, auditBefore] = [
        await evidenceCount(),
        await sourceCount(),
        await auditCount(),
      ];
      const result = await add(editor, input);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toBeTruthy();
      expect(await evidenceCount()).toBe(evidenceBefore);
      expect(await sourceCount()).toBe(sourcesBefore);
      expect(await auditCount()).toBe(auditBefore);
    },
  );

  it('refuses an inline source whose name is taken as CONFLICT on newSource.name, adding nothing', async () => {
    const [evidenceBefore, sourcesBefore] = [await evidenceCount(), await sourceCount()];
    const result = await add(editor, {
      sourceId: null,
      newSource: { name: 'EVIDENCE SUITE WIRE', kind: 'WIRE_AGENCY', reliability: 'A' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('newSource.name');
    expect(await evidenceCount()).toBe(evidenceBefore);
    expect(await sourceCount()).toBe(sourcesBefore);
  });

  it('refuses derivation from evidence of another claim, saying so', async () => {
    const foreign = await added(editor, { claimId: otherClaimId });
    const before = await evidenceCount();
    const result = await add(editor, { derivedFromId: foreign.id });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('derivedFromId');
    expect(result.errors?.[0]?.message).toMatch(/same claim/);
    expect(await evidenceCount()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown claim or source, and for an unknown evidence item', async () => {
    const before = await evidenceCount();
    expect(errorCode(await add(editor, { claimId: UNKNOWN }))).toBe('NOT_FOUND');
    expect(errorCode(await add(editor, { sourceId: UNKNOWN }))).toBe('NOT_FOUND');
    expect(await evidenceCount()).toBe(before);
    expect(errorCode(await editor.request(ITEM, { id: UNKNOWN }))).toBe('NOT_FOUND');
    const malformed = await editor.request(ITEM, { id: 'nope' });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.['field']).toBe('id');
    expect(
      errorCode(
        await editor.request(UPDATE, {
          input: { evidenceId: UNKNOWN, expectedVersion: 1, title: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await editor.request(RETRACT, {
          input: { evidenceId: UNKNOWN, expectedVersion: 1, reason: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses evidence writes to viewers', async () => {
    const before = await evidenceCount();
    expect(errorCode(await add(viewer, {}))).toBe('FORBIDDEN');
    expect(await evidenceCount()).toBe(before);
  });

  it('refuses to add to, edit or retract evidence of a locked (rejected) claim with CONFLICT', async () => {
    const lockedClaim = await createClaim('A claim that will be rejected as not check-worthy.');
    const item = await added(editor, { claimId: lockedClaim });
    const claim = await editor.ok<{ claim: { version: number } }>(
      'query($id: ID!) { claim(id: $id) { version } }',
      { id: lockedClaim },
    );
    await editor.ok(
      'mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { status } }',
      {
        input: {
          claimId: lockedClaim,
          expectedVersion: claim.claim.version,
          reason: 'Not check-worthy',
        },
      },
    );
    const before = await evidenceCount();
    expect(errorCode(await add(editor, { claimId: lockedClaim }))).toBe('CONFLICT');
    expect(await evidenceCount()).toBe(before);
    const update = await editor.request(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 1, title: 'changed' },
    });
    expect(errorCode(update)).toBe('CONFLICT');
    const retract = await editor.request(RETRACT, {
      input: { evidenceId: item.id, expectedVersion: 1, reason: 'x' },
    });
    expect(errorCode(retract)).toBe('CONFLICT');
    expect(await row(item.id)).toMatchObject({ title: null, retracted: false, version: 1 });
  });

  it('refuses evidence from a reviewer not assigned to the claim, and keeps nothing', async () => {
    const claim = await createClaim('Unassigned reviewer claim');
    const before = { evidence: await evidenceCount(), audit: await auditCount() };
    const result = await add(reviewer2, { claimId: claim });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe(
      'Reviewers can add evidence only on claims assigned to them.',
    );
    expect({ evidence: await evidenceCount(), audit: await auditCount() }).toEqual(before);
    // Once assigned, the same reviewer may.
    await assign([claim], [reviewer2Id]);
    expect((await added(reviewer2, { claimId: claim })).addedBy?.email).toBe(
      'reviewer2@example.org',
    );
  });

  it('lets the adder, an editor or an admin edit, but not another reviewer', async () => {
    const item = await added(reviewer, { title: 'First title' });
    const forbidden = await reviewer2.request(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 1, title: 'Hijacked' },
    });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(
      errorCode(
        await viewer.request(UPDATE, { input: { evidenceId: item.id, expectedVersion: 1 } }),
      ),
    ).toBe('FORBIDDEN');
    const own = await reviewer.ok<{ updateEvidence: Evidence }>(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 1, title: 'Second title', credibility: 1 },
    });
    expect(own.updateEvidence).toMatchObject({
      title: 'Second title',
      credibility: 1,
      grade: 'B1',
      version: 2,
    });
    const byEditor = await editor.ok<{ updateEvidence: Evidence }>(UPDATE, {
      input: {
        evidenceId: item.id,
        expectedVersion: 2,
        title: null,
        quantity: { min: 1, max: 2, unit: 'marches' },
        anchor: { exact: 'thirty marches' },
      },
    });
    expect(byEditor.updateEvidence).toMatchObject({
      title: null,
      credibility: 1,
      version: 3,
      quantity: { min: 1, max: 2, unit: 'marches' },
      anchor: { exact: 'thirty marches', prefix: null },
    });
    const cleared = await editor.ok<{ updateEvidence: Evidence }>(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 3, quantity: null, anchor: null },
    });
    expect(cleared.updateEvidence).toMatchObject({ quantity: null, anchor: null, version: 4 });
    const events = await api.dataSource.getRepository(AuditEventEntity).find({
      where: { entityType: 'Evidence', entityId: item.id, action: 'evidence.updated' },
      order: { id: 'ASC' },
    });
    expect(events).toHaveLength(3);
    expect(events[0].before).toMatchObject({ title: 'First title', credibility: 2, version: 1 });
    expect(events[0].after).toMatchObject({
      title: 'Second title',
      credibility: 1,
      version: 2,
      claimId,
    });
  });

  it('refuses a stale version with CONFLICT naming what changed, and changes nothing', async () => {
    const item = await added(editor, { title: 'Original' });
    await editor.ok(UPDATE, {
      input: {
        evidenceId: item.id,
        expectedVersion: 1,
        title: 'Edited elsewhere',
        stance: 'MIXED',
      },
    });
    const stale = await editor.request(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 1, note: 'my note' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      currentVersion: 2,
      changedFields: expect.arrayContaining(['title', 'stance']),
    });
    expect(stale.errors?.[0]?.message).toMatch(/title/);
    expect(stale.errors?.[0]?.message).toMatch(/stance/);
    expect(await row(item.id)).toMatchObject({ note: null, version: 2, title: 'Edited elsewhere' });
    const staleRetract = await editor.request(RETRACT, {
      input: { evidenceId: item.id, expectedVersion: 1, reason: 'dup' },
    });
    expect(errorCode(staleRetract)).toBe('CONFLICT');
    expect((await row(item.id)).retracted).toBe(false);
  });

  it.each([
    ['a null url', { url: null }, 'url'],
    ['a javascript: url', { url: 'javascript:alert(1)' }, 'url'],
    ['a null stance', { stance: null }, 'stance'],
    ['credibility 9', { credibility: 9 }, 'credibility'],
    ['max below min', { quantity: { min: 5, max: 1, unit: 'x' } }, 'quantity.max'],
  ])(
    'refuses an update with %s naming the field, changing nothing',
    async (_label, input, field) => {
      const item = await added(editor);
      const result = await editor.request(UPDATE, {
        input: { evidenceId: item.id, expectedVersion: 1, ...input },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect((await row(item.id)).version).toBe(1);
    },
  );

  it('refuses derivation from itself, from another claim or in a cycle, saying which rule broke', async () => {
    const a = await added(editor, { title: 'A' });
    const b = await added(editor, { title: 'B', derivedFromId: a.id });
    const c = await added(editor, { title: 'C', derivedFromId: b.id });
    expect(c.derivedFrom).toEqual({ id: b.id });
    const foreign = await added(editor, { claimId: otherClaimId });
    const cases: [string, RegExp][] = [
      [a.id, /itself/],
      [foreign.id, /same claim/],
      [c.id, /cycle/],
      [b.id, /cycle/],
    ];
    for (const [derivedFromId, message] of cases) {
      const result = await editor.request(UPDATE, {
        input: { evidenceId: a.id, expectedVersion: 1, derivedFromId },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('derivedFromId');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await row(a.id)).toMatchObject({ derivedFromId: null, version: 1 });
    // Re-pointing C at A directly is fine, and so is clearing it.
    const moved = await editor.ok<{ updateEvidence: Evidence }>(UPDATE, {
      input: { evidenceId: c.id, expectedVersion: 1, derivedFromId: a.id },
    });
    expect(moved.updateEvidence.derivedFrom).toEqual({ id: a.id });
    const cleared = await editor.ok<{ updateEvidence: Evidence }>(UPDATE, {
      input: { evidenceId: c.id, expectedVersion: 2, derivedFromId: null },
    });
    expect(cleared.updateEvidence.derivedFrom).toBeNull();
  });

  it('retracts with a reason, keeps the record and its history, and then refuses edits', async () => {
    const claim = await createClaim('Retraction claim');
    const keep = await added(editor, { claimId: claim });
    const item = await added(reviewer, { claimId: claim });
    const blank = await reviewer.request(RETRACT, {
      input: { evidenceId: item.id, expectedVersion: 1, reason: '   ' },
    });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.['field']).toBe('reason');
    expect(
      errorCode(
        await reviewer2.request(RETRACT, {
          input: { evidenceId: item.id, expectedVersion: 1, reason: 'Not mine' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const done = await reviewer.ok<{ retractEvidence: Evidence }>(RETRACT, {
      input: { evidenceId: item.id, expectedVersion: 1, reason: 'The outlet withdrew the story' },
    });
    expect(done.retractEvidence).toMatchObject({
      retracted: true,
      retractionReason: 'The outlet withdrew the story',
      version: 2,
    });
    const listing = await editor.ok<{
      claim: {
        evidenceCount: number;
        evidence: { id: string }[];
        everything: { id: string }[];
        defaulted: { id: string }[];
      };
    }>(CLAIM_EVIDENCE, { id: claim, all: false });
    expect(listing.claim.evidenceCount).toBe(1);
    expect(listing.claim.evidence.map((e) => e.id)).toEqual([keep.id]);
    expect(listing.claim.defaulted.map((e) => e.id)).toEqual([keep.id]);
    expect(listing.claim.everything.map((e) => e.id)).toEqual([keep.id, item.id]);
    const event = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: item.id, action: 'evidence.retracted' });
    expect(event).toMatchObject({ reason: 'The outlet withdrew the story' });
    expect(event.after).toMatchObject({ claimId: claim, retracted: true });

    const edit = await editor.request(UPDATE, {
      input: { evidenceId: item.id, expectedVersion: 2, title: 'Too late' },
    });
    expect(errorCode(edit)).toBe('CONFLICT');
    expect(edit.errors?.[0]?.message).toMatch(/retracted/);
    const again = await editor.request(RETRACT, {
      input: { evidenceId: item.id, expectedVersion: 2, reason: 'again' },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(await row(item.id)).toMatchObject({ title: null, version: 2, retracted: true });
  });

  it('lists a source’s evidence newest first, with their claims, retracted ones only when asked', async () => {
    const source = await createSource('Source listing outlet', 'A');
    const first = await added(editor, { sourceId: source, claimId });
    const second = await added(editor, { sourceId: source, claimId: otherClaimId });
    await editor.ok(RETRACT, {
      input: { evidenceId: first.id, expectedVersion: 1, reason: 'wrong' },
    });
    const data = await viewer.ok<{
      source: {
        evidenceCount: number;
        evidence: { id: string; claim: { id: string } }[];
        all: { id: string }[];
      };
    }>(
      `query($id: ID!) { source(id: $id) {
        evidenceCount
        evidence { id claim { id } }
        all: evidence(includeRetracted: true) { id }
      } }`,
      { id: source },
    );
    expect(data.source.evidenceCount).toBe(1);
    expect(data.source.evidence).toEqual([{ id: second.id, claim: { id: otherClaimId } }]);
    expect(data.source.all.map((e) => e.id)).toEqual([second.id, first.id]);
  });

  it('counts each listed source’s items that are not retracted, in one statement for the whole list', async () => {
    const [none, some, retractedAll] = [
      await createSource('Counted outlet none', 'B'),
      await createSource('Counted outlet some', 'B'),
      await createSource('Counted outlet retracted', 'C'),
    ];
    const items = [];
    for (let i = 0; i < 3; i++) items.push(await added(editor, { sourceId: some, claimId }));
    await added(editor, { sourceId: some, claimId: otherClaimId });
    await editor.ok(RETRACT, {
      input: { evidenceId: items[1].id, expectedVersion: 1, reason: 'misquoted' },
    });
    const gone = await added(editor, { sourceId: retractedAll, claimId });
    await editor.ok(RETRACT, { input: { evidenceId: gone.id, expectedVersion: 1, reason: 'x' } });
    const spy = vi.spyOn(api.dataSource.logger, 'logQuery');
    const data = await viewer.ok<{
      sources: { edges: { node: { id: string; evidenceCount: number } }[] };
    }>(
      `query { sources(search: "Counted outlet", first: 10) { edges { node { id evidenceCount } } } }`,
    );
    const counting = spy.mock.calls.filter(([sql]) => /FROM "evidence"/.test(sql));
    spy.mockRestore();
    const counts = new Map(data.sources.edges.map((e) => [e.node.id, e.node.evidenceCount]));
    expect(Object.fromEntries(counts)).toEqual({ [none]: 0, [some]: 3, [retractedAll]: 0 });
    expect(counting).toHaveLength(1);
  });

  it('resolves evidence fields of a page of claims in a constant number of SQL statements', async () => {
    const project = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Loader suite' } },
    );
    const sources = [await createSource('Loader A', 'A'), await createSource('Loader C', 'C')];
    for (let i = 0; i < 8; i++) {
      const created = {
        createClaim: { id: await createClaim(`Loader claim ${i}`, project.createProject.id) },
      };
      const root = await added(reviewer, {
        claimId: created.createClaim.id,
        sourceId: sources[0],
        anchor: { exact: 'x' },
      });
      await added(editor, {
        claimId: created.createClaim.id,
        sourceId: sources[1],
        derivedFromId: root.id,
        stance: 'REFUTES',
        quantity: { min: i, unit: 'marches' },
      });
    }
    const PAGE = `query($filter: ClaimFilter, $first: Int) { claims(filter: $filter, first: $first) { edges { node {
      id evidenceCount
      evidence(includeRetracted: true) {
        id grade anchorStatus source { name } addedBy { email } claim { id } derivedFrom { id grade }
        captures { id capturedBy { email } } latestCapture { id }
      }
      corroboration {
        supporting { chainCount chains { root { id source { name } } members { id } } }
        refuting { chainCount }
        warnings { code }
        quantitySpreads { min max }
      }
    } } } }`;
    const statements = async (first: number) => {
      const spy = vi.spyOn(api.dataSource.logger, 'logQuery');
      try {
        const data = await viewer.ok<{ claims: { edges: { node: { evidenceCount: number } }[] } }>(
          PAGE,
          {
            filter: { projectId: project.createProject.id },
            first,
          },
        );
        expect(data.claims.edges).toHaveLength(first);
        expect(data.claims.edges.every((e) => e.node.evidenceCount === 2)).toBe(true);
        return spy.mock.calls.map((call) => String(call[0]));
      } finally {
        spy.mockRestore();
      }
    };
    await statements(2);
    const two = await statements(2);
    const eight = await statements(8);
    expect(eight.length, eight.join('\n')).toBe(two.length);
  });
});
