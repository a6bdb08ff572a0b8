import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClaimEntity, ClaimsRepository, ClaimTopicEntity } from '@corroborate/api-claims';
import { RowReader, selectRows } from '@corroborate/api-database';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { ProjectEntity } from '@corroborate/api-projects';
import { AssignmentEntity } from '@corroborate/api-reviews';
import { SourceEntity } from '@corroborate/api-sources';
import { UserEntity } from '@corroborate/api-users';
import { priorityRank, type ClaimStatus, type Priority } from '@corroborate/domain';
import { In, QueryFailedError } from 'typeorm';
import { type ApiClient, errorCode, signedIn, startApi, type TestApi } from './src';

const QUEUE = `query($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {
  claims(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id text claimant topics status priority dueAt createdAt updatedAt } }
  }
}`;

const BACKWARDS = `query($filter: ClaimFilter, $sort: ClaimSort, $last: Int, $before: String) {
  claims(filter: $filter, sort: $sort, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`;

const MIXED = `query($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String, $last: Int, $before: String) {
  claims(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor }
  }
}`;

const FACETS = `query($filter: ClaimFilter) {
  claims(filter: $filter, first: 1) {
    totalCount
    facets { statuses { value count } priorities { value count } topics { value count } }
  }
}`;

/** Every field that reads the database, to prove the statement count does not grow with the page. */
const WIDE_PAGE = `query($filter: ClaimFilter, $first: Int) {
  claims(filter: $filter, first: $first, sort: PRIORITY_DESC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { statuses { value count } priorities { value count } topics { value count } }
    edges { cursor node {
      id text topics status priority version allowedTransitions
      project { id name }
      createdBy { id displayName }
    } }
  }
}`;

interface Node {
  id: string;
  text: string;
  claimant: string | null;
  topics: string[];
  status: ClaimStatus;
  priority: Priority;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
}
interface Page {
  claims: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Node }[];
  };
}

interface BackPage {
  claims: {
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { cursor: string; node: { id: string } }[];
  };
}

const STATUSES: ClaimStatus[] = ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'VERIFIED', 'REJECTED'];
const PRIORITY_LIST: Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const TOPIC_POOL = ['election', 'detentions', 'torture', 'marches', 'internet'];
const DAY = 86_400_000;
const BASE = Date.parse('2021-01-10T08:00:00.000Z');

interface Seeded {
  id: string;
  text: string;
  claimant: string | null;
  topics: string[];
  status: ClaimStatus;
  priority: Priority;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  hasContradiction: boolean;
}

describe(`claim queue`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let viewer: ApiClient;
  let projectId: string;
  const seeded: Seeded[] = [];

  const all = async (sort: string, filter: Record<string, unknown> = {}, first = 17) => {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const data: Page = await viewer.ok<Page>(QUEUE, {
        filter: { projectId, ...filter },
        sort,
        first,
        after,
      });
      nodes.push(...data.claims.edges.map((e) => e.node));
      if (!data.claims.pageInfo.hasNextPage) break;
      after = data.claims.pageInfo.endCursor;
    }
    return nodes;
  };
  const ids = (list: { id: string }[]) => list.map((c) => c.id);
  const expectSet = (nodes: { id: string }[], expected: Seeded[]) =>
    expect([...ids(nodes)].sort()).toEqual(ids(expected).sort());

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    viewer = await signedIn(api, 'viewer');
    const created = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Queue test desk' } },
    );
    projectId = created.createProject.id;
    const me = await editor.ok<{ me: { id: string } }>('{ me { id } }');
    // 120 claims in bulk, with deliberate ties in updatedAt and dueAt, and some without a due date.
    const rows: Seeded[] = [];
    for (let i = 0; i < 120; i++) {
      const priority = PRIORITY_LIST[i % 4];
      rows.push({
        id: crypto.randomUUID(),
        text: `Bulk claim number ${i}`,
        claimant: i % 3 === 0 ? `Witness ${i}` : null,
        topics: i % 7 === 0 ? [] : [TOPIC_POOL[i % 5], TOPIC_POOL[(i + 2) % 5]],
        status: STATUSES[i % 5],
        priority,
        dueAt: i % 4 === 0 ? null : new Date(BASE + (i % 9) * DAY),
        createdAt: new Date(BASE - i * 60_000),
        updatedAt: new Date(BASE + (i % 10) * 1000),
        hasContradiction: i % 11 === 0,
      });
    }
    await api.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += 40) {
        await manager.insert(
          ClaimEntity,
          rows.slice(i, i + 40).map((r) => ({
            ...r,
            projectId,
            priorityRank: priorityRank(r.priority),
            firstAppearanceUrl: null,
            firstAppearedAt: null,
            rejectionReason: r.status === 'REJECTED' ? 'Not check-worthy' : null,
            duplicateOfId: null,
            createdById: i % 2 === 0 ? me.me.id : null,
            version: 1,
          })),
        );
      }
      await manager.insert(
        ClaimTopicEntity,
        rows.flatMap((r) => r.topics.map((topic) => ({ claimId: r.id, topic }))),
      );
    });
    seeded.push(...rows);
    // Claims for full-text search, created through the API.
    for (const [text, claimant] of [
      ['Thousands joined the marches in Minsk on Sunday', 'Viasna'],
      ['The demarche was delivered to the ambassador', null],
      ['Riot police detained protesters near Pushkinskaya', 'Tut.by correspondent'],
    ] as const) {
      const data = await editor.ok<{ createClaim: Node }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id text claimant topics status priority dueAt createdAt updatedAt } }',
        { input: { projectId, text, claimant, topics: ['search'] } },
      );
      const n = data.createClaim;
      seeded.push({
        ...n,
        dueAt: null,
        createdAt: new Date(n.createdAt),
        updatedAt: new Date(n.updatedAt),
        hasContradiction: false,
      });
    }
  });
  afterAll(() => api.close());

  it('pages through every claim exactly once in every sort, in the documented order', async () => {
    const byId = (a: Seeded, b: Seeded, dir: 1 | -1) =>
      a.id < b.id ? -dir : a.id > b.id ? dir : 0;
    const expected: Record<string, (a: Seeded, b: Seeded) => number> = {
      PRIORITY_DESC: (a, b) =>
        priorityRank(b.priority) - priorityRank(a.priority) ||
        b.updatedAt.getTime() - a.updatedAt.getTime() ||
        byId(a, b, -1),
      DUE_ASC: (a, b) =>
        (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) ||
        (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0) ||
        byId(a, b, 1),
      CREATED_DESC: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(a, b, -1),
      CREATED_ASC: (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b, 1),
      UPDATED_DESC: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byId(a, b, -1),
    };
    for (const [sort, compare] of Object.entries(expected)) {
      const nodes = await all(sort);
      expect(nodes).toHaveLength(seeded.length);
      expect(new Set(ids(nodes)).size).toBe(seeded.length);
      expect({ sort, order: ids(nodes) }).toEqual({
        sort,
        order: ids([...seeded].sort(compare)),
      });
    }
  });

  it('pages backwards (last / before) through every claim exactly once in every sort, each page in list order', async () => {
    for (const sort of [
      'PRIORITY_DESC',
      'DUE_ASC',
      'CREATED_DESC',
      'CREATED_ASC',
      'UPDATED_DESC',
    ]) {
      const forwards = ids(await all(sort));
      const backwards: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 100; i++) {
        const data: BackPage = await viewer.ok<BackPage>(BACKWARDS, {
          filter: { projectId },
          sort,
          last: 17,
          before,
        });
        const page = data.claims.edges.map((e) => e.node.id);
        expect(data.claims.pageInfo.startCursor).toBe(data.claims.edges[0]?.cursor ?? null);
        expect(data.claims.pageInfo.endCursor).toBe(data.claims.edges.at(-1)?.cursor ?? null);
        expect(data.claims.pageInfo.hasNextPage).toBe(false);
        backwards.unshift(...page);
        if (!data.claims.pageInfo.hasPreviousPage) break;
        before = data.claims.pageInfo.startCursor;
      }
      // 120 claims in pages of 17 from the end: the last page read holds the first 1.
      expect({ sort, order: backwards }).toEqual({ sort, order: forwards });
    }
  });

  it('gives the claim just before any claim of a view, whose cursor came from paging forwards (the claim page’s previous in queue)', async () => {
    for (const sort of ['PRIORITY_DESC', 'DUE_ASC', 'CREATED_ASC']) {
      const forwards = await viewer.ok<Page>(QUEUE, { filter: { projectId }, sort, first: 200 });
      const edges = forwards.claims.edges;
      // Every claim with a due date and every one without (DUE_ASC puts those last), the edges.
      for (const i of [0, 1, 2, 59, 60, 88, 89, 90, 91, 118, 119]) {
        const data = await viewer.ok<BackPage>(BACKWARDS, {
          filter: { projectId },
          sort,
          last: 1,
          before: edges[i].cursor,
        });
        expect({ sort, i, previous: data.claims.edges.map((e) => e.node.id) }).toEqual({
          sort,
          i,
          previous: i === 0 ? [] : [edges[i - 1].node.id],
        });
        expect(data.claims.pageInfo.hasPreviousPage).toBe(i > 1);
      }
    }
    // Without a cursor, last counts from the end of the list.
    const tail = await viewer.ok<BackPage>(BACKWARDS, {
      filter: { projectId },
      sort: 'CREATED_ASC',
      last: 3,
    });
    expect(tail.claims.edges.map((e) => e.node.id)).toEqual(
      ids(
        [...seeded].sort(
          (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
        ),
      ).slice(-3),
    );
  });

  it('refuses mixing forwards and backwards paging, and backwards sizes or cursors that do not fit, naming the argument', async () => {
    const page = await viewer.ok<Page>(QUEUE, { filter: { projectId }, first: 2 });
    const cursor = page.claims.pageInfo.endCursor;
    const refused = async (variables: Record<string, unknown>, field: string, message: RegExp) => {
      const result = await viewer.request(MIXED, { filter: { projectId }, ...variables });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(message);
    };
    await refused({ first: 2, last: 2 }, 'last', /first .* or last .*, not both/);
    await refused({ first: 2, before: cursor }, 'last', /not both/);
    await refused({ last: 2, after: cursor }, 'before', /after .* or before .*, not both/);
    await refused({ after: cursor, before: cursor }, 'before', /not both/);
    for (const last of [0, 201])
      await refused({ last, before: cursor }, 'last', /last must be a whole number from 1 to 200/);
    await refused({ last: 1, before: 'not-a-cursor!' }, 'before', /before is not a cursor/);
    await refused({ last: 1, before: cursor, sort: 'DUE_ASC' }, 'before', /sort: DUE_ASC/);
  });

  it('sorts by UPDATED_DESC by default and reports totalCount and hasNextPage', async () => {
    const data = await viewer.ok<Page>(QUEUE, { filter: { projectId }, first: 5 });
    expect(data.claims.totalCount).toBe(seeded.length);
    expect(data.claims.edges).toHaveLength(5);
    expect(data.claims.pageInfo.hasNextPage).toBe(true);
    const times = data.claims.edges.map((e) => Date.parse(e.node.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const last = await viewer.ok<Page>(QUEUE, { filter: { projectId }, first: 200 });
    expect(last.claims.pageInfo.hasNextPage).toBe(false);
    expect(last.claims.pageInfo.endCursor).toBe(last.claims.edges.at(-1)?.cursor);
  });

  it('filters by status, priority, topic (any of), dates, overdue and contradiction', async () => {
    const now = Date.now();
    const cases: [Record<string, unknown>, (c: Seeded) => boolean][] = [
      [{ statuses: ['NEW', 'VERIFIED'] }, (c) => c.status === 'NEW' || c.status === 'VERIFIED'],
      [{ priorities: ['URGENT'] }, (c) => c.priority === 'URGENT'],
      [
        { topics: ['torture', 'INTERNET'] },
        (c) => c.topics.some((t) => ['torture', 'internet'].includes(t)),
      ],
      [
        {
          createdFrom: new Date(BASE - 30 * 60_000).toISOString(),
          createdTo: new Date(BASE - 10 * 60_000).toISOString(),
        },
        (c) =>
          c.createdAt.getTime() >= BASE - 30 * 60_000 &&
          c.createdAt.getTime() <= BASE - 10 * 60_000,
      ],
      [
        {
          dueFrom: new Date(BASE + 2 * DAY).toISOString(),
          dueTo: new Date(BASE + 4 * DAY).toISOString(),
        },
        (c) =>
          c.dueAt !== null &&
          c.dueAt.getTime() >= BASE + 2 * DAY &&
          c.dueAt.getTime() <= BASE + 4 * DAY,
      ],
      [
        { overdue: true },
        (c) =>
          c.dueAt !== null &&
          c.dueAt.getTime() < now &&
          !['VERIFIED', 'REJECTED'].includes(c.status),
      ],
      [
        { overdue: false },
        (c) =>
          !(
            c.dueAt !== null &&
            c.dueAt.getTime() < now &&
            !['VERIFIED', 'REJECTED'].includes(c.status)
          ),
      ],
      [{ hasContradiction: true }, (c) => c.hasContradiction],
      [{ hasContradiction: false }, (c) => !c.hasContradiction],
      [
        { statuses: ['IN_REVIEW', 'NEW'], priorities: ['LOW', 'NORMAL'], topics: ['election'] },
        (c) =>
          ['IN_REVIEW', 'NEW'].includes(c.status) &&
          ['LOW', 'NORMAL'].includes(c.priority) &&
          c.topics.includes('election'),
      ],
    ];
    for (const [filter, predicate] of cases) {
      const expected = seeded.filter(predicate);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const nodes = await all('CREATED_DESC', filter, 50);
      expectSet(nodes, expected);
      const count = await viewer.ok<Page>(QUEUE, { filter: { projectId, ...filter }, first: 1 });
      expect(count.claims.totalCount).toBe(expected.length);
    }
  });

  it('counts facets for the current filter, each facet ignoring its own dimension', async () => {
    const filter = { projectId, statuses: ['NEW'], priorities: ['LOW', 'URGENT'] };
    const data = await viewer.ok<{
      claims: {
        totalCount: number;
        facets: Record<'statuses' | 'priorities' | 'topics', { value: string; count: number }[]>;
      };
    }>(FACETS, { filter });
    const inPriorities = (c: Seeded) => ['LOW', 'URGENT'].includes(c.priority);
    const isNew = (c: Seeded) => c.status === 'NEW';
    expect(data.claims.totalCount).toBe(seeded.filter((c) => isNew(c) && inPriorities(c)).length);
    // Status facet ignores the status filter, but not the priority filter.
    for (const status of STATUSES) {
      expect(data.claims.facets.statuses).toContainEqual({
        value: status,
        count: seeded.filter((c) => c.status === status && inPriorities(c)).length,
      });
    }
    for (const priority of PRIORITY_LIST) {
      expect(data.claims.facets.priorities).toContainEqual({
        value: priority,
        count: seeded.filter((c) => c.priority === priority && isNew(c)).length,
      });
    }
    const matching = seeded.filter((c) => isNew(c) && inPriorities(c));
    const topicCounts = new Map<string, number>();
    for (const c of matching)
      for (const t of c.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    expect(Object.fromEntries(data.claims.facets.topics.map((t) => [t.value, t.count]))).toEqual(
      Object.fromEntries(topicCounts),
    );
    // With a topic filter, the topic facet still lists the other topics.
    const withTopic = await viewer.ok<typeof data>(FACETS, {
      filter: { projectId, topics: ['torture'] },
    });
    expect(withTopic.claims.facets.topics.map((t) => t.value).sort()).toEqual(
      [...TOPIC_POOL, 'search'].sort(),
    );
  });

  it('counts facets exactly when the filter narrows beyond project, status and priority (topics, dates, flags, text)', async () => {
    type Facets = {
      claims: {
        totalCount: number;
        facets: Record<'statuses' | 'priorities' | 'topics', { value: string; count: number }[]>;
      };
    };
    const cases: {
      filter: Record<string, unknown>;
      base: (c: Seeded) => boolean;
      statuses?: string[];
      priorities?: string[];
      topics?: string[];
    }[] = [
      {
        filter: { hasContradiction: false },
        base: (c) => !c.hasContradiction,
        statuses: ['NEW', 'IN_REVIEW', 'VERIFIED'],
        priorities: ['LOW', 'URGENT', 'HIGH'],
        topics: ['torture', 'marches'],
      },
      { filter: {}, base: () => true, topics: ['election'] },
      {
        filter: { dueTo: new Date(BASE + 4 * DAY).toISOString() },
        base: (c) => c.dueAt !== null && c.dueAt.getTime() <= BASE + 4 * DAY,
        priorities: ['HIGH'],
      },
      {
        filter: { text: 'bulk claim' },
        base: (c) => c.text.startsWith('Bulk claim'),
        statuses: ['REJECTED'],
        topics: ['internet', 'detentions'],
      },
    ];
    for (const { filter, base, statuses, priorities, topics } of cases) {
      const data = await viewer.ok<Facets>(FACETS, {
        filter: { ...filter, projectId, statuses, priorities, topics },
      });
      const byStatus = (c: Seeded) => !statuses || statuses.includes(c.status);
      const byPriority = (c: Seeded) => !priorities || priorities.includes(c.priority);
      const byTopic = (c: Seeded) => !topics || c.topics.some((t) => topics.includes(t));
      const count = (test: (c: Seeded) => boolean) =>
        seeded.filter((c) => base(c) && test(c)).length;
      const label = JSON.stringify(filter);
      expect(data.claims.totalCount, label).toBe(
        count((c) => byStatus(c) && byPriority(c) && byTopic(c)),
      );
      for (const status of STATUSES)
        expect(data.claims.facets.statuses, label).toContainEqual({
          value: status,
          count: count((c) => c.status === status && byPriority(c) && byTopic(c)),
        });
      for (const priority of PRIORITY_LIST)
        expect(data.claims.facets.priorities, label).toContainEqual({
          value: priority,
          count: count((c) => c.priority === priority && byStatus(c) && byTopic(c)),
        });
      const topicCounts = new Map<string, number>();
      for (const c of seeded.filter((c) => base(c) && byStatus(c) && byPriority(c)))
        for (const t of c.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
      expect(
        Object.fromEntries(data.claims.facets.topics.map((t) => [t.value, t.count])),
        label,
      ).toEqual(Object.fromEntries(topicCounts));
      expect(data.claims.totalCount, label).toBeGreaterThan(0);
    }
  });

  it('searches text and claimant by whole words and word prefixes, not substrings', async () => {
    const search = async (text: string) =>
      (await all('CREATED_DESC', { text }, 50)).map((n) => n.text);
    expect(await search('marches')).toEqual(['Thousands joined the marches in Minsk on Sunday']);
    // Prefix matching (documented): "march" finds "marches" …
    expect(await search('march')).toEqual(['Thousands joined the marches in Minsk on Sunday']);
    // … but not the middle of another word, as LIKE '%arch%' would ("demarche", "marches").
    expect(await search('arch')).toEqual([]);
    // Claimant words count too; every word must match.
    expect(await search('viasna')).toEqual(['Thousands joined the marches in Minsk on Sunday']);
    expect(await search('tut.by detained')).toEqual([
      'Riot police detained protesters near Pushkinskaya',
    ]);
    expect(await search('viasna ambassador')).toEqual([]);
    expect(await search('witness 111')).toEqual([
      seeded.find((c) => c.claimant === 'Witness 111')?.text,
    ]);
    // Query syntax is not passed through.
    expect(await search('"* OR NEAR(')).toEqual([]);
  });

  it('keeps the search index current when a claim text changes', async () => {
    const target = seeded.find((c) => c.text.startsWith('The demarche'));
    const { claim } = await editor.ok<{ claim: { version: number } }>(
      'query($id: ID!) { claim(id: $id) { version } }',
      { id: target?.id },
    );
    await editor.ok('mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }', {
      input: {
        claimId: target?.id,
        expectedVersion: claim.version,
        text: 'The note verbale was delivered to the ambassador',
      },
    });
    expect(await all('CREATED_DESC', { text: 'demarche' })).toEqual([]);
    expect(ids(await all('CREATED_DESC', { text: 'verbale' }))).toEqual([target?.id]);
  });

  it('keeps the unfiltered and per-project counts equal to a recount through writes, deletes and folding', async () => {
    // A filter on everything but the project reads the counts the database keeps; a filter that
    // selects the same claims the long way (createdFrom 1970) recounts them.
    const both = async (filter: Record<string, unknown>) => {
      const kept = await viewer.ok<{ claims: unknown }>(FACETS, { filter });
      const recount = await viewer.ok<{ claims: unknown }>(FACETS, {
        filter: { ...filter, createdFrom: '1970-01-01T00:00:00.000Z' },
      });
      expect(kept.claims).toEqual(recount.claims);
      return kept.claims as { totalCount: number };
    };
    const before = await both({ projectId });
    await both({});
    await both({ projectId, statuses: [], text: '  ' });
    // Writes through the API: a new claim, a changed priority and topics, a rejection.
    const made = await editor.ok<{ createClaim: { id: string; version: number } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }',
      {
        input: {
          projectId,
          text: 'Facet count probe',
          priority: 'LOW',
          topics: ['Facets', 'election'],
        },
      },
    );
    const updated = await editor.ok<{ updateClaim: { version: number } }>(
      'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }',
      {
        input: {
          claimId: made.createClaim.id,
          expectedVersion: made.createClaim.version,
          priority: 'URGENT',
          topics: ['torture'],
        },
      },
    );
    await editor.ok('mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }', {
      input: {
        claimId: made.createClaim.id,
        expectedVersion: updated.updateClaim.version,
        reason: 'Probe',
      },
    });
    expect((await both({ projectId })).totalCount).toBe(before.totalCount + 1);
    await both({});
    // Writes underneath the API: a moved claim and a deleted one (its topics cascade).
    const other = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Facet count desk' } },
    );
    const moved = seeded.find((c) => c.topics.length > 0 && c.status === 'NEW');
    await api.dataSource
      .createQueryBuilder()
      .update(ClaimEntity)
      .set({ projectId: other.createProject.id })
      .where('id = :id', { id: moved?.id })
      .execute();
    await api.dataSource.getRepository(ClaimTopicEntity).delete({ claimId: made.createClaim.id });
    await api.dataSource
      .getRepository(ClaimTopicEntity)
      .insert({ claimId: made.createClaim.id, topic: 'refiled' });
    await api.dataSource.getRepository(ClaimEntity).delete({ id: made.createClaim.id });
    expect((await both({ projectId })).totalCount).toBe(before.totalCount - 1);
    expect((await both({ projectId: other.createProject.id })).totalCount).toBe(1);
    await both({});
    await api.app.get(ClaimsRepository).compactFacetCounts();
    const [{ rows }] = (await api.dataSource.query(
      'SELECT COUNT(*) AS "rows" FROM "claim_facet_counts"',
    )) as { rows: string | number }[];
    const [{ keys }] = (await api.dataSource.query(
      'SELECT COUNT(*) AS "keys" FROM (SELECT DISTINCT "projectId", "dim", "value" FROM "claim_facet_counts") k',
    )) as { keys: string | number }[];
    expect(Number(rows)).toBe(Number(keys));
    await both({ projectId });
    await both({ projectId: other.createProject.id });
    await both({});
    // Put the moved claim back for the tests that follow.
    await api.dataSource
      .createQueryBuilder()
      .update(ClaimEntity)
      .set({ projectId })
      .where('id = :id', { id: moved?.id })
      .execute();
    expect((await both({ projectId })).totalCount).toBe(before.totalCount);
  });

  it('refuses page sizes outside 1–200 and malformed or foreign cursors', async () => {
    for (const first of [0, 201, -1]) {
      const result = await viewer.request(QUEUE, { filter: { projectId }, first });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('first');
    }
    const page = await viewer.ok<Page>(QUEUE, { filter: { projectId }, first: 2, sort: 'DUE_ASC' });
    for (const [after, sort] of [
      ['not-a-cursor!', 'UPDATED_DESC'],
      ['eyJmb28iOjF9', 'UPDATED_DESC'],
      [page.claims.pageInfo.endCursor, 'CREATED_ASC'],
    ]) {
      const result = await viewer.request(QUEUE, { filter: { projectId }, sort, after });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('after');
    }
    const badProject = await viewer.request(QUEUE, { filter: { projectId: 'nope' } });
    expect(errorCode(badProject)).toBe('BAD_USER_INPUT');
  });

  it('gives the claim after a given one in a view by its cursor, also once the given one has moved or left the view (the claim page’s next in queue)', async () => {
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Next in queue desk' } },
    );
    for (let i = 1; i <= 4; i++)
      await editor.ok('mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }', {
        input: { projectId: createProject.id, text: `Next in queue claim ${i}.` },
      });
    const filter = { projectId: createProject.id, statuses: ['NEW'] };
    const view = await editor.ok<Page>(QUEUE, { filter, first: 4 });
    const [a, b, c, d] = view.claims.edges;
    const after = async (cursor: string) =>
      (await editor.ok<Page>(QUEUE, { filter, first: 1, after: cursor })).claims.edges.map(
        (e) => e.node.id,
      );
    expect(await after(a.cursor)).toEqual([b.node.id]);
    // b is edited: it moves to the top of "recently updated"; after its old place comes c.
    const version = async (id: string) =>
      (
        await editor.ok<{ claim: { version: number } }>(
          'query($id: ID!) { claim(id: $id) { version } }',
          { id },
        )
      ).claim.version;
    await editor.ok('mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }', {
      input: { claimId: b.node.id, expectedVersion: await version(b.node.id), priority: 'HIGH' },
    });
    expect((await editor.ok<Page>(QUEUE, { filter, first: 1 })).claims.edges[0].node.id).toBe(
      b.node.id,
    );
    expect(await after(b.cursor)).toEqual([c.node.id]);
    // c is rejected: it leaves the view of NEW claims; after its place comes d, then nothing.
    await editor.ok('mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }', {
      input: {
        claimId: c.node.id,
        expectedVersion: await version(c.node.id),
        reason: 'Not check-worthy',
      },
    });
    expect(await after(c.cursor)).toEqual([d.node.id]);
    expect(await after(d.cursor)).toEqual([]);
  });

  it('answers first pages of different projects, and of the whole queue, each with its own claims, in any order', async () => {
    const other = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Queue test second desk' } },
    );
    const otherId = other.createProject.id;
    const otherClaims: string[] = [];
    for (const text of ['A second desk claim', 'Another second desk claim']) {
      const data = await editor.ok<{ createClaim: { id: string } }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
        { input: { projectId: otherId, text } },
      );
      otherClaims.push(data.createClaim.id);
    }
    const PROJECT_PAGE = `query($filter: ClaimFilter, $sort: ClaimSort, $first: Int) {
      claims(filter: $filter, sort: $sort, first: $first) {
        totalCount
        edges { node { id project { id } } }
      }
    }`;
    type ProjectPage = {
      claims: { totalCount: number; edges: { node: { id: string; project: { id: string } } }[] };
    };
    const firstPage = async (filter: Record<string, unknown>, sort = 'UPDATED_DESC') =>
      (await viewer.ok<ProjectPage>(PROJECT_PAGE, { filter, sort, first: 5 })).claims;
    // Each shape (sort, size, a project or none) asked for in turn with different projects: every
    // page holds its own project's claims, and asking again gives the same page.
    for (const sort of ['UPDATED_DESC', 'PRIORITY_DESC']) {
      const mine = await firstPage({ projectId }, sort);
      const theirs = await firstPage({ projectId: otherId }, sort);
      const everything = await firstPage({}, sort);
      expect(mine.edges).toHaveLength(5);
      expect(mine.edges.every((e) => e.node.project.id === projectId)).toBe(true);
      expect(mine.totalCount).toBe(seeded.length);
      expect(ids(theirs.edges.map((e) => e.node)).sort()).toEqual([...otherClaims].sort());
      expect(theirs.totalCount).toBe(2);
      expect(everything.totalCount).toBeGreaterThanOrEqual(seeded.length + 2);
      expect(await firstPage({ projectId }, sort)).toEqual(mine);
      expect(await firstPage({ projectId: otherId }, sort)).toEqual(theirs);
      expect(await firstPage({ projectId: null }, sort)).toEqual(everything);
    }
  });

  it('lets every role read the queue', async () => {
    for (const who of ['admin', 'editor', 'reviewer', 'viewer'] as const) {
      const client = await signedIn(api, who);
      const data = await client.ok<Page>(QUEUE, { filter: { projectId }, first: 3 });
      expect(data.claims.totalCount).toBe(seeded.length);
    }
  });

  it('hydrates through RowReader exactly the entities Repository.find returns', async () => {
    const ds = api.dataSource;
    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    const claimIds = seeded.map((c) => c.id);
    expect(await RowReader.of(ds, ClaimEntity).whereIn('id', claimIds, [['id', 'ASC']])).toEqual(
      byId(await ds.getRepository(ClaimEntity).findBy({ id: In(claimIds) })),
    );
    // The demo's evidence (quantities, anchors, retractions), sources, assignments and users.
    const evidence = await ds.getRepository(EvidenceEntity).find({ order: { id: 'ASC' } });
    expect(evidence.length).toBeGreaterThan(0);
    const evidenceClaims = [...new Set(evidence.map((e) => e.claimId))];
    expect(
      await RowReader.of(ds, EvidenceEntity).whereIn('claimId', evidenceClaims, [['id', 'ASC']]),
    ).toEqual(evidence);
    for (const entity of [SourceEntity, AssignmentEntity, UserEntity, ProjectEntity] as const) {
      const all = byId<{ id: string }>(await ds.getRepository<{ id: string }>(entity).find());
      expect(all.length, entity.name).toBeGreaterThan(0);
      const read = await RowReader.of<{ id: string }>(ds, entity).whereIn(
        'id',
        all.map((r) => r.id),
      );
      expect(byId(read), entity.name).toEqual(all);
      expect(Object.getPrototypeOf(read[0])).toBe(entity.prototype);
    }
    // Joined reads: each row with the entity its foreign key names, as find returns both.
    const sources = new Map(
      (await ds.getRepository(SourceEntity).find()).map((source) => [source.id, source]),
    );
    const joined = await RowReader.of(ds, EvidenceEntity).whereInJoined(
      'claimId',
      evidenceClaims,
      [['id', 'ASC']],
      'sourceId',
      RowReader.of(ds, SourceEntity),
    );
    expect(joined.map((r) => r.row)).toEqual(evidence);
    for (const { row, joined: source } of joined) {
      expect(source).toEqual(sources.get(row.sourceId));
      expect(Object.getPrototypeOf(source)).toBe(SourceEntity.prototype);
    }
    const assignments = await ds.getRepository(AssignmentEntity).find({ order: { id: 'ASC' } });
    const users = new Map(
      (await ds.getRepository(UserEntity).find()).map((user) => [user.id, user]),
    );
    const withReviewers = await RowReader.of(ds, AssignmentEntity).whereInJoined(
      'id',
      assignments.map((a) => a.id),
      [['id', 'ASC']],
      'reviewerId',
      RowReader.of(ds, UserEntity),
    );
    expect(withReviewers.map((r) => r.row)).toEqual(assignments);
    for (const { row, joined: user } of withReviewers)
      expect(user).toEqual(users.get(row.reviewerId));
  });

  it('reads a queue row page (projects, evidence with sources, assignments with reviewers) in 5 statements whatever its size, with what each claim answers alone', async () => {
    const ROW = `id project { id name } evidenceCount
      evidence { id stance credibility grade source { id name reliability } }
      assignments { id status reviewer { id displayName } }`;
    interface RowNode {
      id: string;
      evidence: unknown[];
      assignments: unknown[];
    }
    const statementsFor = async (first: number) => {
      const spy = vi.spyOn(api.dataSource.logger, 'logQuery');
      try {
        const data = await editor.ok<{ claims: { edges: { node: RowNode }[] } }>(
          `query($first: Int) { claims(first: $first) { totalCount facets { topics { value count } } edges { node { ${ROW} } } } }`,
          { first },
        );
        expect(data.claims.edges).toHaveLength(first);
        return { nodes: data.claims.edges.map((e) => e.node), statements: spy.mock.calls.length };
      } finally {
        spy.mockRestore();
      }
    };
    await statementsFor(10);
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    // Session, page with projects, counts, evidence with sources, assignments with reviewers.
    expect(ten.statements).toBe(5);
    expect(hundred.statements).toBe(5);
    // The joined reads answer exactly what each claim's fields answer when loaded on their own.
    const worked = hundred.nodes.filter((n) => n.evidence.length > 0 || n.assignments.length > 0);
    expect(worked.some((n) => n.evidence.length > 0)).toBe(true);
    expect(worked.some((n) => n.assignments.length > 0)).toBe(true);
    for (const node of worked) {
      const alone = await editor.ok<{ claim: RowNode }>(
        `query($id: ID!) { claim(id: $id) { ${ROW} } }`,
        {
          id: node.id,
        },
      );
      expect(node).toEqual(alone.claim);
    }
  });

  it('reads hot rows through selectRows as TypeORM would: same values, logged, failures as QueryFailedError', async () => {
    const ds = api.dataSource;
    const postgres = ds.options.type === 'postgres';
    const sql = `SELECT "id", "text", "hasContradiction" FROM "claims" WHERE "projectId" = ${postgres ? '$1' : '?'} ORDER BY "id"`;
    const spy = vi.spyOn(ds.logger, 'logQuery');
    try {
      const set = await selectRows(ds, sql, [projectId]);
      const viaTypeorm = (await ds.query(sql, [projectId])) as Record<string, unknown>[];
      const [id, text, flag] = ['id', 'text', 'hasContradiction'].map(set.key);
      expect(
        set.rows.map((row) => {
          const values = row as Record<string | number, unknown>;
          return { id: values[id], text: values[text], hasContradiction: values[flag] };
        }),
      ).toEqual(viaTypeorm);
      expect(set.rows).toHaveLength(seeded.length);
      // Run twice (prepared the second time), logged each time.
      await selectRows(ds, sql, [projectId]);
      expect(spy.mock.calls.filter((call) => call[0] === sql)).toHaveLength(3);
    } finally {
      spy.mockRestore();
    }
    await expect(selectRows(ds, 'SELECT "nope" FROM "claims"', [])).rejects.toBeInstanceOf(
      QueryFailedError,
    );
  });

  it('runs the same small number of SQL statements for a page of 10 and of 100', async () => {
    const counted = async (first: number) => {
      const spy = vi.spyOn(api.dataSource.logger, 'logQuery');
      try {
        const data = await viewer.ok<Page>(WIDE_PAGE, { filter: { projectId }, first });
        expect(data.claims.edges).toHaveLength(first);
        return spy.mock.calls.map((call) => String(call[0]));
      } finally {
        spy.mockRestore();
      }
    };
    await counted(10); // warm-up (nothing cached between requests, but keeps timing fair)
    const ten = await counted(10);
    const hundred = await counted(100);
    expect(hundred.length, hundred.join('\n')).toBe(ten.length);
    expect(ten.length, ten.join('\n')).toBeLessThanOrEqual(6);
  });
});
