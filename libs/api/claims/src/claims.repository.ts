import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import {
  type Actor,
  assertPageSize,
  BadInputError,
  decodeCursor,
  encodeCursor,
  type PageInfoType,
} from '@corroborate/api-core';
import { comparableTimestamp, RowReader, selectRows } from '@corroborate/api-database';
import { ProjectEntity } from '@corroborate/api-projects';
import { CLAIM_STATUSES, PRIORITIES } from '@corroborate/domain';
import { ClaimEntity, ClaimTopicEntity } from './claim.entity';
import { type ClaimSort } from './dto/claim.enums';
import { type ClaimFilter } from './dto/claim.inputs';
import { type ClaimCounts, type FacetCountType } from './dto/claim.type';
import { LOCKED_STATUSES, topicKey } from './claims.service';

export interface ClaimQuery {
  filter?: ClaimFilter | null;
  sort?: ClaimSort | null;
  first?: number | null;
  after?: string | null;
  /** Paging backwards: the last `last` claims (50 by default), before `before` when given. */
  last?: number | null;
  before?: string | null;
  /** The caller, for assignedToMe and the blind rule of the disagreement filter. */
  actor?: Actor | null;
  /** Read the claims' projects in the same statement ({@link ClaimPage.projects}). */
  withProjects?: boolean;
}

export interface ClaimPage {
  edges: { cursor: string; node: ClaimEntity }[];
  pageInfo: PageInfoType;
  /** The projects of the page's claims, when asked (`withProjects`). */
  projects?: ProjectEntity[];
}

/**
 * Which way a page is read: forwards (first / after, the default) or backwards (last / before).
 * Mixing the two is refused, naming the argument that does not belong.
 */
export function pageDirection(query: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}): 'forward' | 'backward' {
  const given = (value: unknown) => value !== null && value !== undefined;
  const backward = given(query.last) || given(query.before);
  if (!backward) return 'forward';
  if (given(query.first))
    throw new BadInputError('last', 'Give first (and after) or last (and before), not both.');
  if (given(query.after))
    throw new BadInputError(
      'before',
      'Give after (with first) or before (with last), not both: after pages forwards, before backwards.',
    );
  return 'backward';
}

/** A dimension whose facet ignores its own filter. */
type Dimension = 'statuses' | 'priorities' | 'topics';

/**
 * Words of a full-text query: letters and digits only, so nothing the user types can reach the
 * FTS5 or tsquery syntax. Every word must match, as a word or the start of one ("march" finds
 * "marches" but not "demarche").
 */
export function searchWords(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20))];
}

/**
 * True when a filter narrows nothing but (at most) the project: its counts can then be read from
 * the facet counts the database keeps (claim_facet_counts, see the QueueFacetCounts migrations).
 * Every other field must be unset, an empty list, or (text) blank, exactly the values
 * {@link ClaimsRepository} ignores when filtering; a field added later counts as a filter.
 */
export function onlyProjectFilter(filter: ClaimFilter | null | undefined): boolean {
  return onlyFilters(filter, ['projectId']);
}

/** True when a filter sets no field but those named (the same notion of "unset" as above). */
function onlyFilters(filter: ClaimFilter | null | undefined, keys: readonly string[]): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(
    ([key, value]: [string, unknown]) =>
      keys.includes(key) ||
      value === null ||
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (key === 'text' && typeof value === 'string' && value.trim() === ''),
  );
}

/** Page shapes whose SQL is kept ({@link ClaimsRepository.page}); far more than the app uses. */
const MAX_PAGE_SHAPES = 200;

interface CountRow {
  dim: string;
  value: string | null;
  n: string | number;
}

@Injectable()
export class ClaimsRepository {
  private readonly logger = new Logger(ClaimsRepository.name);
  private compacting: Promise<void> | null = null;
  /**
   * The page's SQL for the views opened most — no filter but the project, no cursor — by shape
   * (sort, page size, projects joined, project or not): building it with the query builder cost
   * about as much as running it ({@link page}).
   */
  private readonly pageSql = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** A claim's timestamp column for comparing and sorting ({@link comparableTimestamp}). */
  private ts(column: 'createdAt' | 'updatedAt' | 'dueAt'): string {
    return comparableTimestamp(this.dataSource, `c.${column}`);
  }

  /**
   * Claims matching the filter, optionally ignoring dimensions (for their facets). `counting`:
   * every match will be read (counts), so a reviewer's claims are read from their assignments;
   * otherwise (a page in sort order, which stops after a page of matches) each claim is probed.
   */
  private applyFilter(
    qb: SelectQueryBuilder<ObjectLiteral>,
    filter: ClaimFilter | null | undefined,
    now: Date,
    ignore?: Dimension | readonly Dimension[],
    actor?: Actor | null,
    counting = false,
  ): void {
    const ignored = (dim: Dimension) =>
      Array.isArray(ignore) ? ignore.includes(dim) : ignore === dim;
    qb.where('1 = 1');
    if (!filter) return;
    this.applyReviewFilter(qb, filter, actor ?? null, counting);
    if (filter.projectId) qb.andWhere('c.projectId = :fProject', { fProject: filter.projectId });
    if (!ignored('statuses') && filter.statuses?.length)
      qb.andWhere('c.status IN (:...fStatuses)', { fStatuses: filter.statuses });
    if (!ignored('priorities') && filter.priorities?.length)
      qb.andWhere('c.priority IN (:...fPriorities)', { fPriorities: filter.priorities });
    if (!ignored('topics') && filter.topics?.length) {
      qb.andWhere(
        // claim_topics holds topicKey() of each topic (lower-cased): one probe of its key.
        `EXISTS (SELECT 1 FROM "claim_topics" ft WHERE ft."claimId" = c.id AND ft."topic" IN (:...fTopics))`,
        { fTopics: [...new Set(filter.topics.map(topicKey))] },
      );
    }
    if (filter.text !== undefined && filter.text !== null) {
      const words = searchWords(filter.text);
      if (words.length === 0) {
        // Nothing searchable (e.g. only punctuation): nothing matches.
        if (filter.text.trim() !== '') qb.andWhere('1 = 0');
      } else if (this.postgres) {
        // The query goes through the same parser as the indexed text (so "tut.by" stays one
        // token, as in the index); every resulting lexeme must match as a prefix.
        qb.andWhere(
          `to_tsvector('simple', coalesce(c."text", '') || ' ' || coalesce(c."claimant", '')) @@ to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(l.lexeme) || ':*' FROM unnest(to_tsvector('simple', :fText)) AS l), ' & '))`,
          { fText: filter.text.replace(/[\\']/g, ' ') },
        );
      } else {
        qb.andWhere(`c.rowid IN (SELECT rowid FROM "claims_fts" WHERE "claims_fts" MATCH :fText)`, {
          fText: words.map((w) => `"${w}"*`).join(' '),
        });
      }
    }
    const created = this.ts('createdAt');
    const due = this.ts('dueAt');
    if (filter.createdFrom)
      qb.andWhere(`${created} >= :fCreatedFrom`, { fCreatedFrom: filter.createdFrom });
    if (filter.createdTo)
      qb.andWhere(`${created} <= :fCreatedTo`, { fCreatedTo: filter.createdTo });
    if (filter.dueFrom) qb.andWhere(`${due} >= :fDueFrom`, { fDueFrom: filter.dueFrom });
    if (filter.dueTo) qb.andWhere(`${due} <= :fDueTo`, { fDueTo: filter.dueTo });
    if (filter.overdue === true) {
      qb.andWhere(`${due} < :fNow AND c.status NOT IN (:...fLocked)`, {
        fNow: now,
        fLocked: LOCKED_STATUSES,
      });
    } else if (filter.overdue === false) {
      qb.andWhere(`(c.dueAt IS NULL OR ${due} >= :fNow OR c.status IN (:...fLocked))`, {
        fNow: now,
        fLocked: LOCKED_STATUSES,
      });
    }
    if (filter.hasContradiction !== undefined && filter.hasContradiction !== null)
      qb.andWhere('c.hasContradiction = :fContradiction', {
        fContradiction: filter.hasContradiction,
      });
  }

  /**
   * The review presets (tables of libs/api/reviews, by name): assigneeId, assignedToMe,
   * unassigned (NEW or IN_REVIEW with fewer OPEN + SUBMITTED assignments than the project's
   * requiredReviews) and disagreement (the stored hasDisagreement flag, under the blind rule of
   * Claim.disagreement: a REVIEWER only among claims they have submitted on or VERIFIED ones, a
   * VIEWER only among VERIFIED ones, so the filter cannot leak blind results).
   */
  private applyReviewFilter(
    qb: SelectQueryBuilder<ObjectLiteral>,
    filter: ClaimFilter,
    actor: Actor | null,
    counting: boolean,
  ): void {
    // Counting, a reviewer's claims as IN (…): the database starts from the reviewer's
    // assignments (index on reviewerId, status) instead of probing them for every claim, which at
    // 1M claims made the counts take seconds. A page probes each claim in sort order: with IN,
    // SQLite read all of the reviewer's claims and sorted them to return the first 50.
    const assignedTo = (alias: string, param: string, statuses: string) =>
      counting
        ? `c.id IN (SELECT ${alias}."claimId" FROM "assignments" ${alias} WHERE ${alias}."reviewerId" = :${param} AND ${alias}."status" IN (${statuses}))`
        : `EXISTS (SELECT 1 FROM "assignments" ${alias} WHERE ${alias}."claimId" = c.id AND ${alias}."reviewerId" = :${param} AND ${alias}."status" IN (${statuses}))`;
    if (filter.assigneeId)
      qb.andWhere(assignedTo('fa', 'fAssignee', `'OPEN', 'SUBMITTED'`), {
        fAssignee: filter.assigneeId,
      });
    if (filter.assignedToMe === true)
      qb.andWhere(assignedTo('fm', 'fMe', `'OPEN'`), { fMe: actor?.id ?? '' });
    if (filter.assignedToMe === false)
      qb.andWhere(
        `NOT EXISTS (SELECT 1 FROM "assignments" fm WHERE fm."claimId" = c.id AND fm."reviewerId" = :fMe AND fm."status" = 'OPEN')`,
        { fMe: actor?.id ?? '' },
      );
    if (filter.unassigned === true || filter.unassigned === false) {
      // A NEW claim has no reviewer by definition (the first assignment moves it to IN_REVIEW,
      // and every project requires at least one review), so only IN_REVIEW claims have their
      // assignments counted: at 100,000 claims a project, half the probes of the unassigned count.
      const short = `(c.status IN ('NEW', 'IN_REVIEW') AND (c.status = 'NEW' OR (SELECT COUNT(*) FROM "assignments" fu WHERE fu."claimId" = c.id AND fu."status" IN ('OPEN', 'SUBMITTED')) < (SELECT fp."requiredReviews" FROM "projects" fp WHERE fp."id" = c."projectId")))`;
      qb.andWhere(filter.unassigned ? short : `NOT ${short}`);
    }
    if (filter.disagreement === true || filter.disagreement === false) {
      // As a literal, so the partial index of claims in disagreement (QueueFilterIndexes) serves
      // the "disagreements" queue: a bound parameter cannot be proven to match its condition.
      const flagged = this.postgres ? 'c."hasDisagreement"' : 'c."hasDisagreement" = 1';
      qb.andWhere(filter.disagreement ? flagged : `NOT ${flagged}`);
      // Blind review: a viewer sees assessments only of VERIFIED claims, a reviewer only of
      // claims they have submitted on (or VERIFIED ones).
      if (actor?.role === 'VIEWER') qb.andWhere(`c.status = 'VERIFIED'`);
      if (actor?.role === 'REVIEWER')
        qb.andWhere(
          `(c.status = 'VERIFIED' OR EXISTS (SELECT 1 FROM "assessments" fs WHERE fs."claimId" = c.id AND fs."reviewerId" = :fReviewer AND fs."status" IN ('SUBMITTED', 'SUPERSEDED')))`,
          { fReviewer: actor.id },
        );
    }
  }

  async page(query: ClaimQuery, now = new Date()): Promise<ClaimPage> {
    const backward = pageDirection(query) === 'backward';
    // How many claims: `first` forwards, `last` backwards.
    const size = backward
      ? assertPageSize(query.last ?? 50, 'last')
      : assertPageSize(query.first ?? 50);
    const cursor = (backward ? query.before : query.after) || null;
    const sort: ClaimSort = query.sort ?? 'UPDATED_DESC';
    const projects = RowReader.of(this.dataSource, ProjectEntity);
    // The same shape always builds the same SQL, with the project (if any) as its one parameter
    // (an empty id narrows nothing, as in applyFilter).
    const projectId = query.filter?.projectId || null;
    const shape =
      cursor === null && onlyProjectFilter(query.filter)
        ? `${sort} ${backward ? 'last' : 'first'} ${size} ${query.withProjects ? 'projects' : ''} ${projectId === null ? '' : 'project'}`
        : null;
    const expected = projectId === null ? [] : [projectId];
    let sql = shape === null ? undefined : this.pageSql.get(shape);
    let parameters: unknown[] = expected;
    if (sql === undefined) {
      [sql, parameters] = this.pageQuery(query, size, sort, cursor, backward, now, projects);
      if (
        shape !== null &&
        parameters.length === expected.length &&
        parameters.every((value, i) => value === expected[i])
      ) {
        if (this.pageSql.size >= MAX_PAGE_SHAPES) this.pageSql.clear();
        this.pageSql.set(shape, sql);
      }
    }
    const set = await selectRows(this.dataSource, sql, parameters);
    const rows = RowReader.of(this.dataSource, ClaimEntity).hydrateSet(set, 'c_');
    // Backwards, the statement reads the list in reverse from the cursor: nearest first.
    const nodes = backward ? rows.slice(0, size).reverse() : rows.slice(0, size);
    const edges = nodes.map((node) => ({ cursor: this.cursorOf(sort, node), node }));
    const more = rows.length > size;
    const page: ClaimPage = {
      edges,
      pageInfo: {
        hasNextPage: !backward && more,
        hasPreviousPage: backward && more,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
    if (query.withProjects) {
      const id = set.key('p_id');
      const seen = new Set<unknown>();
      page.projects = projects.hydrateSet(
        {
          rows: set.rows.slice(0, size).filter((r) => {
            const value = (r as Record<string | number, unknown>)[id];
            return value != null && !seen.has(value) && seen.add(value);
          }),
          key: set.key,
        },
        'p_',
      );
    }
    return page;
  }

  /** The SQL and parameters of a page ({@link page}), built with the query builder. */
  private pageQuery(
    query: ClaimQuery,
    size: number,
    sort: ClaimSort,
    cursor: string | null,
    backward: boolean,
    now: Date,
    projects: RowReader<ProjectEntity>,
  ): [string, unknown[]] {
    const qb = this.dataSource.createQueryBuilder(ClaimEntity, 'c');
    this.applyFilter(qb, query.filter, now, undefined, query.actor);
    if (cursor !== null) this.applyCursor(qb, sort, cursor, backward);
    const updated = this.ts('updatedAt');
    const created = this.ts('createdAt');
    // Backwards every key's direction flips (the same indexes, read the other way).
    const asc = backward ? 'DESC' : 'ASC';
    const desc = backward ? 'ASC' : 'DESC';
    switch (sort) {
      case 'PRIORITY_DESC':
        qb.orderBy('c.priorityRank', desc).addOrderBy(updated, desc).addOrderBy('c.id', desc);
        break;
      case 'DUE_ASC':
        qb.orderBy('CASE WHEN c.dueAt IS NULL THEN 1 ELSE 0 END', asc)
          .addOrderBy(this.ts('dueAt'), asc)
          .addOrderBy('c.id', asc);
        break;
      case 'CREATED_DESC':
        qb.orderBy(created, desc).addOrderBy('c.id', desc);
        break;
      case 'CREATED_ASC':
        qb.orderBy(created, asc).addOrderBy('c.id', asc);
        break;
      case 'UPDATED_DESC':
        qb.orderBy(updated, desc).addOrderBy('c.id', desc);
        break;
    }
    if (query.withProjects)
      qb.leftJoin(ProjectEntity, 'p', 'p.id = c.projectId').addSelect(
        projects.selectList('p', 'p_'),
      );
    // Raw rows hydrated by RowReader: the same entities as getMany(), without its per-row cost.
    return qb.limit(size + 1).getQueryAndParameters();
  }

  private cursorOf(sort: ClaimSort, c: ClaimEntity): string {
    switch (sort) {
      case 'PRIORITY_DESC':
        return encodeCursor(sort, [c.priorityRank, c.updatedAt.toISOString(), c.id]);
      case 'DUE_ASC':
        return encodeCursor(sort, [c.dueAt ? c.dueAt.toISOString() : null, c.id]);
      case 'CREATED_DESC':
      case 'CREATED_ASC':
        return encodeCursor(sort, [c.createdAt.toISOString(), c.id]);
      case 'UPDATED_DESC':
        return encodeCursor(sort, [c.updatedAt.toISOString(), c.id]);
    }
  }

  /**
   * Keyset condition: rows strictly after the cursor in the sort order (ids break ties), or
   * strictly before it (`backward`).
   */
  private applyCursor(
    qb: SelectQueryBuilder<ObjectLiteral>,
    sort: ClaimSort,
    cursor: string,
    backward: boolean,
  ): void {
    const field = backward ? 'before' : 'after';
    // The comparison that moves along the list: "later" in an ascending key, "earlier" in a
    // descending one, each the other way round backwards.
    const later = backward ? '<' : '>';
    const earlier = backward ? '>' : '<';
    switch (sort) {
      case 'PRIORITY_DESC': {
        const [rank, updatedAt, id] = decodeCursor(cursor, sort, ['n', 'd', 's'], field);
        const at = this.ts('updatedAt');
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`c.priorityRank ${earlier} :kRank`)
              .orWhere(`(c.priorityRank = :kRank AND ${at} ${earlier} :kAt)`)
              .orWhere(`(c.priorityRank = :kRank AND ${at} = :kAt AND c.id ${earlier} :kId)`),
          ),
          { kRank: rank, kAt: updatedAt, kId: id },
        );
        return;
      }
      case 'DUE_ASC': {
        // Claims with a due date first (earliest first), then those without one, by id.
        const [dueAt, id] = decodeCursor(cursor, sort, ['d?', 's'], field);
        const due = this.ts('dueAt');
        if (dueAt === null && !backward) {
          qb.andWhere('(c.dueAt IS NULL AND c.id > :kId)', { kId: id });
        } else if (dueAt === null) {
          qb.andWhere('(c.dueAt IS NOT NULL OR c.id < :kId)', { kId: id });
        } else if (!backward) {
          qb.andWhere(
            new Brackets((w) =>
              w
                .where('c.dueAt IS NULL')
                .orWhere(`${due} > :kAt`)
                .orWhere(`(${due} = :kAt AND c.id > :kId)`),
            ),
            { kAt: dueAt, kId: id },
          );
        } else {
          qb.andWhere(
            `(c.dueAt IS NOT NULL AND (${due} < :kAt OR (${due} = :kAt AND c.id < :kId)))`,
            { kAt: dueAt, kId: id },
          );
        }
        return;
      }
      case 'CREATED_DESC':
      case 'CREATED_ASC':
      case 'UPDATED_DESC': {
        const [at, id] = decodeCursor(cursor, sort, ['d', 's'], field);
        const column = this.ts(sort === 'UPDATED_DESC' ? 'updatedAt' : 'createdAt');
        const op = sort === 'CREATED_ASC' ? later : earlier;
        // The redundant `>=` / `<=` bound is what lets PostgreSQL start an index scan at the
        // cursor instead of reading every earlier row of the order again on each page.
        qb.andWhere(`${column} ${op}= :kAt`, { kAt: at }).andWhere(
          new Brackets((w) =>
            w.where(`${column} ${op} :kAt`).orWhere(`(${column} = :kAt AND c.id ${op} :kId)`),
          ),
          { kAt: at, kId: id },
        );
        return;
      }
    }
  }

  /**
   * totalCount and the three facets in ONE statement (UNION ALL of four grouped selects); each
   * facet ignores its own dimension's filter.
   */
  async counts(
    filter: ClaimFilter | null | undefined,
    now = new Date(),
    actor: Actor | null = null,
  ): Promise<ClaimCounts> {
    if (onlyProjectFilter(filter)) return this.keptCounts(filter?.projectId ?? null);
    if (!onlyFilters(filter, ['projectId', 'statuses', 'priorities']))
      return this.countsOfMatches(filter ?? {}, now, actor);
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (qb: SelectQueryBuilder<ObjectLiteral>) => {
      parts.push(qb.getQuery());
      Object.assign(params, qb.getParameters());
    };
    // One select expression, so TypeORM keeps the column order every UNION ALL part must share.
    const columns = (dim: string, value: string) =>
      `'${dim}' AS "dim", ${value} AS "value", COUNT(*) AS "n"`;
    const claims = (dim: string, value: string | null, ignore?: Dimension) => {
      const qb = this.dataSource
        .createQueryBuilder()
        .select(columns(dim, value ?? 'NULL'))
        .from(ClaimEntity, 'c');
      this.applyFilter(qb, filter, now, ignore, actor);
      if (value) qb.groupBy(value);
      return qb;
    };
    add(claims('total', null));
    add(claims('status', 'c.status', 'statuses'));
    add(claims('priority', 'c.priority', 'priorities'));
    const topics = this.dataSource
      .createQueryBuilder()
      .select(columns('topic', 't.topic'))
      .from(ClaimTopicEntity, 't')
      .innerJoin(ClaimEntity, 'c', 'c.id = t.claimId');
    this.applyFilter(topics, filter, now, 'topics', actor);
    topics.groupBy('t.topic');
    add(topics);
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      parts.join(' UNION ALL '),
      params,
    );
    const rows = (await this.dataSource.query(sql, values)) as CountRow[];
    return this.shapeCounts(rows);
  }

  /**
   * totalCount and the facets of a filter that narrows more than project, status and priority
   * (a preset, a reviewer, topics, text, dates…): the claims matching everything but the status,
   * priority and topic filters are read ONCE into a materialized set of (id, status, priority,
   * topic match), and each count applies the other dimensions' filters to that set. Counting as
   * {@link counts} does for a bare project evaluated the whole filter four times, which at 100,000
   * claims a project took seconds (`npm run bench:operations`); the figures are the same.
   */
  private async countsOfMatches(
    filter: ClaimFilter,
    now: Date,
    actor: Actor | null,
  ): Promise<ClaimCounts> {
    const base = this.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.status', 'status')
      .addSelect('c.priority', 'priority')
      .from(ClaimEntity, 'c');
    this.applyFilter(base, filter, now, ['statuses', 'priorities', 'topics'], actor, true);
    const params: Record<string, unknown> = { ...base.getParameters() };
    const conditions = { statuses: '1 = 1', priorities: '1 = 1', topics: '1 = 1' };
    if (filter.statuses?.length) {
      conditions.statuses = 'm."status" IN (:...mStatuses)';
      params['mStatuses'] = filter.statuses;
    }
    if (filter.priorities?.length) {
      conditions.priorities = 'm."priority" IN (:...mPriorities)';
      params['mPriorities'] = filter.priorities;
    }
    if (filter.topics?.length) {
      base.addSelect(
        `CASE WHEN c.id IN (SELECT ft."claimId" FROM "claim_topics" ft WHERE ft."topic" IN (:...mTopics)) THEN 1 ELSE 0 END`,
        'topicMatch',
      );
      params['mTopics'] = [...new Set(filter.topics.map(topicKey))];
      conditions.topics = 'm."topicMatch" = 1';
    }
    const { statuses, priorities, topics } = conditions;
    const sql = `WITH "m" AS MATERIALIZED (${base.getQuery()})
      SELECT 'total' AS "dim", NULL AS "value", COUNT(*) AS "n" FROM "m" WHERE ${statuses} AND ${priorities} AND ${topics}
      UNION ALL SELECT 'status' AS "dim", m."status" AS "value", COUNT(*) AS "n" FROM "m" WHERE ${priorities} AND ${topics} GROUP BY m."status"
      UNION ALL SELECT 'priority' AS "dim", m."priority" AS "value", COUNT(*) AS "n" FROM "m" WHERE ${statuses} AND ${topics} GROUP BY m."priority"
      UNION ALL SELECT 'topic' AS "dim", t."topic" AS "value", COUNT(*) AS "n" FROM "m" INNER JOIN "claim_topics" t ON t."claimId" = m."id" WHERE ${statuses} AND ${priorities} GROUP BY t."topic"`;
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.shapeCounts((await this.dataSource.query(query, values)) as CountRow[]);
  }

  /**
   * The counts of the whole queue or of one project, from the deltas the database keeps in
   * claim_facet_counts (one statement over a few hundred rows, whatever the number of claims).
   * When deltas have piled up, they are folded in the background.
   */
  private async keptCounts(projectId: string | null): Promise<ClaimCounts> {
    const set = await selectRows(
      this.dataSource,
      `SELECT "dim", "value", SUM("n") AS "n", COUNT(*) AS "rows" FROM "claim_facet_counts"${projectId === null ? '' : ` WHERE "projectId" = ${this.postgres ? '$1' : '?'}`} GROUP BY "dim", "value"`,
      projectId === null ? [] : [projectId],
    );
    const [dim, value, n, rowCount] = ['dim', 'value', 'n', 'rows'].map(set.key);
    const rows = set.rows.map((row) => {
      const values = row as Readonly<Record<string | number, unknown>>;
      return {
        dim: values[dim],
        value: values[value],
        n: values[n],
        rows: values[rowCount],
      } as CountRow & { rows: string | number };
    });
    const stored = rows.reduce((sum, r) => sum + Number(r.rows), 0);
    if (stored > Math.max(1000, 4 * rows.length)) void this.compactFacetCounts();
    const total = rows.reduce((sum, r) => (r.dim === 'status' ? sum + Number(r.n) : sum), 0);
    return this.shapeCounts([
      { dim: 'total', value: null, n: total },
      ...rows.filter((r) => r.dim !== 'topic' || Number(r.n) > 0),
    ]);
  }

  /**
   * Folds the deltas of claim_facet_counts into one row per key (dropping zeros). PostgreSQL does
   * it in one DELETE … RETURNING statement, so deltas committed meanwhile are either folded or
   * left alone, never lost; SQLite in one write transaction. One at a time per process; failures
   * only delay the next attempt.
   */
  compactFacetCounts(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        if (this.postgres) {
          await this.dataSource.query(
            `WITH "moved" AS (DELETE FROM "claim_facet_counts" RETURNING "projectId", "dim", "value", "n")
             INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
             SELECT "projectId", "dim", "value", SUM("n") FROM "moved" GROUP BY "projectId", "dim", "value" HAVING SUM("n") <> 0`,
          );
        } else {
          await this.dataSource.transaction(async (manager) => {
            const [{ last }] = (await manager.query(
              'SELECT MAX(rowid) AS "last" FROM "claim_facet_counts"',
            )) as { last: number | null }[];
            if (last === null) return;
            await manager.query(
              `INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
               SELECT "projectId", "dim", "value", SUM("n") FROM "claim_facet_counts" WHERE rowid <= ?
               GROUP BY "projectId", "dim", "value" HAVING SUM("n") <> 0`,
              [last],
            );
            await manager.query('DELETE FROM "claim_facet_counts" WHERE rowid <= ?', [last]);
          });
        }
      } catch (error) {
        this.logger.warn(`Folding queue facet counts failed: ${String(error)}`);
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
  }

  private shapeCounts(rows: CountRow[]): ClaimCounts {
    const counted = (dim: string) =>
      new Map(rows.filter((r) => r.dim === dim).map((r) => [String(r.value), Number(r.n)]));
    const statuses = counted('status');
    const priorities = counted('priority');
    const topicCounts: FacetCountType[] = [...counted('topic')]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      totalCount: Number(rows.find((r) => r.dim === 'total')?.n ?? 0),
      facets: {
        statuses: CLAIM_STATUSES.map((value) => ({ value, count: statuses.get(value) ?? 0 })),
        priorities: [...PRIORITIES]
          .reverse()
          .map((value) => ({ value, count: priorities.get(value) ?? 0 })),
        topics: topicCounts,
      },
    };
  }
}
