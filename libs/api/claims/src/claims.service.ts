import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type AuditEventType, type AuditRecord, AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  ForbiddenError,
  BadInputError,
  ConflictError,
  httpUrlProblem,
  type LoaderRegistry,
  NotFoundError,
} from '@corroborate/api-core';
import { inValueList, RowReader, valueListParameters } from '@corroborate/api-database';
import { ProjectEntity, ProjectsService } from '@corroborate/api-projects';
import { UserEntity } from '@corroborate/api-users';
import {
  assertTransition,
  type ClaimStatus,
  DEFAULT_PRIORITY,
  IllegalTransitionError,
  normaliseClaimText,
  type Priority,
  priorityRank,
} from '@corroborate/domain';
import { ClaimEntity, ClaimTopicEntity } from './claim.entity';
import { MAX_CLAIM_TEXT, MAX_TOPIC_LENGTH, MAX_TOPICS } from './dto/claim.inputs';

/** `entityType` of audit events, so Claim.history can find the events of a claim's evidence and captures. */
export const CLAIM_ENTITY_TYPE = 'Claim';
export const EVIDENCE_ENTITY_TYPE = 'Evidence';
export const CAPTURE_ENTITY_TYPE = 'Capture';
/**
 * Assessments (libs/api/reviews) are audited under their own id and belong to their claim's
 * history; assignment changes are audited on the claim itself (actions `assignment.*`).
 */
export const ASSESSMENT_ENTITY_TYPE = 'Assessment';
/** Comments live in libs/api/comments; their events belong to the claim's history too. */
export const COMMENT_ENTITY_TYPE = 'Comment';

/**
 * Narrows a claim's history for the caller (libs/api/reviews registers one for blind review).
 * Gets the events of one claim and returns the ones the caller may see, possibly redacted.
 */
export type ClaimHistoryFilter = (
  actor: Actor | null,
  claim: Pick<ClaimEntity, 'id' | 'status'>,
  events: AuditEventType[],
  loaders: LoaderRegistry,
) => Promise<AuditEventType[]>;

/** Claims in these states are locked: their text, evidence and captures no longer change. */
export const LOCKED_STATUSES: readonly ClaimStatus[] = ['VERIFIED', 'REJECTED'];

export interface NewClaim {
  projectId: string;
  text: string;
  claimant?: string | null;
  firstAppearanceUrl?: string | null;
  firstAppearedAt?: Date | null;
  topics?: readonly string[] | null;
  priority?: Priority | null;
  dueAt?: Date | null;
}

export interface ClaimChanges {
  expectedVersion: number;
  text?: string | null;
  claimant?: string | null;
  firstAppearanceUrl?: string | null;
  firstAppearedAt?: Date | null;
  topics?: readonly string[] | null;
  priority?: Priority | null;
  dueAt?: Date | null;
}

const topicRule = `Each topic must be between 1 and ${MAX_TOPIC_LENGTH} characters.`;

function cleanText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_CLAIM_TEXT)
    throw new BadInputError(
      'text',
      `Claim text must be between 1 and ${MAX_CLAIM_TEXT} characters.`,
    );
  return trimmed;
}

function cleanOptional(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > max)
    throw new BadInputError(field, `${field} must be at most ${max} characters.`);
  return trimmed;
}

function cleanUrl(field: string, value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const problem = httpUrlProblem(field, trimmed);
  if (problem) throw new BadInputError(field, problem);
  return trimmed;
}

/**
 * Topics keep the case first given; duplicates that differ only in case or spacing are dropped.
 * `claim_topics` holds the lower-cased form, so topic filters and facets ignore case.
 */
export function cleanTopics(topics: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics ?? []) {
    const topic = raw.trim().replace(/\s+/g, ' ');
    if (topic.length < 1 || topic.length > MAX_TOPIC_LENGTH)
      throw new BadInputError('topics', topicRule);
    const key = topic.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(topic);
  }
  if (result.length > MAX_TOPICS)
    throw new BadInputError('topics', `topics must list at most ${MAX_TOPICS} topics.`);
  return result;
}

export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLowerCase();
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function auditView(c: ClaimEntity): Record<string, unknown> {
  return {
    text: c.text,
    claimant: c.claimant,
    firstAppearanceUrl: c.firstAppearanceUrl,
    firstAppearedAt: iso(c.firstAppearedAt),
    topics: c.topics,
    priority: c.priority,
    dueAt: iso(c.dueAt),
    status: c.status,
    rejectionReason: c.rejectionReason,
    ...(c.duplicateOfId ? { duplicateOfId: c.duplicateOfId } : {}),
    version: c.version,
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

/** A new claim as {@link ClaimsService.createIn} writes it, for writers of many claims at once. */
export interface NewClaimRecord {
  /** Every column of the row but `id` (the caller's, or generated on save) and `version` (1). */
  readonly claim: Omit<ClaimEntity, 'id' | 'project' | 'version' | 'normalise'>;
  /** The topics as given (display copy); `claim_topics` holds {@link topicKey} of each. */
  readonly topics: string[];
  /** The `claim.created` event, without its `entityId`. */
  readonly audit: Omit<AuditRecord, 'entityId'>;
}

/**
 * Checks and cleans a new claim (text, claimant, URL, topics, priority) and builds its row and
 * its `claim.created` audit event; `auditExtra` is added to the event (e.g. the import it came
 * from). Throws BadInputError like {@link ClaimsService.createIn}, which uses it.
 */
export function newClaimRecord(
  actor: Actor | null,
  input: NewClaim,
  now: Date,
  auditExtra: Record<string, unknown> = {},
): NewClaimRecord {
  const text = cleanText(input.text);
  const claimant = cleanOptional('claimant', input.claimant, 300);
  const firstAppearanceUrl = cleanUrl('firstAppearanceUrl', input.firstAppearanceUrl);
  const topics = cleanTopics(input.topics);
  const priority = input.priority ?? DEFAULT_PRIORITY;
  const claim: NewClaimRecord['claim'] = {
    projectId: input.projectId,
    text,
    normalisedText: normaliseClaimText(text),
    claimant,
    firstAppearanceUrl,
    firstAppearedAt: input.firstAppearedAt ?? null,
    topics,
    priority,
    priorityRank: priorityRank(priority),
    dueAt: input.dueAt ?? null,
    status: 'NEW',
    rejectionReason: null,
    duplicateOfId: null,
    hasContradiction: false,
    hasDisagreement: false,
    createdById: actor?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return {
    claim,
    topics,
    audit: {
      actorId: actor?.id ?? null,
      entityType: CLAIM_ENTITY_TYPE,
      action: 'claim.created',
      after: {
        projectId: claim.projectId,
        ...auditView({ ...claim, version: 1 } as ClaimEntity),
        ...auditExtra,
      },
    },
  };
}

@Injectable()
export class ClaimsService {
  private readonly historyFilters: ClaimHistoryFilter[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly projects: ProjectsService,
  ) {}

  /** Registers a filter applied to Claim.history for every caller (see {@link ClaimHistoryFilter}). */
  addHistoryFilter(filter: ClaimHistoryFilter): void {
    this.historyFilters.push(filter);
  }

  /** A claim's history as the caller may see it. */
  async visibleHistory(
    actor: Actor | null,
    claim: Pick<ClaimEntity, 'id' | 'status'>,
    events: AuditEventType[],
    loaders: LoaderRegistry,
  ): Promise<AuditEventType[]> {
    let visible = events;
    for (const filter of this.historyFilters)
      visible = await filter(actor, claim, visible, loaders);
    return visible;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClaimEntity> {
    const claim = await manager.findOneBy(ClaimEntity, { id });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  /**
   * Loads a claim for a write that belongs to it (evidence, captures): NOT_FOUND when it does not
   * exist, CONFLICT when it is VERIFIED or REJECTED (locked). On PostgreSQL the row is locked
   * (FOR UPDATE) until the surrounding transaction ends, so writes to one claim queue up.
   */
  /**
   * Reviewers work only the claims assigned to them (an OPEN or SUBMITTED assignment); admins and
   * editors work any claim. FORBIDDEN otherwise, naming what the caller tried to do.
   */
  async assertWorksOn(
    actor: Actor,
    claimId: string,
    what: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (actor.role === 'ADMIN' || actor.role === 'EDITOR') return;
    if (actor.role === 'REVIEWER') {
      const postgres = manager.connection.options.type === 'postgres';
      const rows = (await manager.query(
        postgres
          ? `SELECT 1 FROM "assignments" WHERE "claimId" = $1 AND "reviewerId" = $2 AND "status" IN ('OPEN', 'SUBMITTED') LIMIT 1`
          : `SELECT 1 FROM "assignments" WHERE "claimId" = ? AND "reviewerId" = ? AND "status" IN ('OPEN', 'SUBMITTED') LIMIT 1`,
        [claimId, actor.id],
      )) as unknown[];
      if (rows.length > 0) return;
      throw new ForbiddenError(`Reviewers can ${what} only on claims assigned to them.`);
    }
    throw new ForbiddenError(`Your role cannot ${what}.`);
  }

  async getForUpdate(claimId: string, manager: EntityManager): Promise<ClaimEntity> {
    const qb = manager.createQueryBuilder(ClaimEntity, 'c').where('c.id = :claimId', { claimId });
    if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const claim = await qb.getOne();
    if (!claim) throw new NotFoundError('Claim', claimId);
    this.assertUnlocked(claim);
    return claim;
  }

  /**
   * Sets the CONTRADICTION flag without touching the claim's version or updatedAt (it is derived
   * from evidence, not an edit of the claim, so it must not make editors' versions stale).
   */
  async setHasContradiction(
    claimId: string,
    value: boolean,
    manager: EntityManager,
  ): Promise<void> {
    await this.setHasContradictionOf(value ? [claimId] : [], value ? [] : [claimId], manager);
  }

  /** The stored contradiction flag of each claim (absent ids are missing from the map). */
  async hasContradictionOf(
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<Map<string, boolean>> {
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT "id", "hasContradiction" FROM "claims" WHERE ${inValueList(manager.connection, '"id"')}`,
      valueListParameters(manager.connection, ids),
    )) as { id: string; hasContradiction: boolean | number }[];
    return new Map(rows.map((r) => [r.id, Boolean(r.hasContradiction)]));
  }

  /** Sets the contradiction flag of many claims: on for `on`, off for `off` (a statement each). */
  async setHasContradictionOf(
    on: readonly string[],
    off: readonly string[],
    manager: EntityManager,
  ): Promise<void> {
    const postgres = manager.connection.options.type === 'postgres';
    for (const [ids, value] of [
      [on, true],
      [off, false],
    ] as const) {
      if (ids.length === 0) continue;
      await manager.query(
        `UPDATE "claims" SET "hasContradiction" = ${postgres ? String(value) : value ? 1 : 0} WHERE ${inValueList(manager.connection, '"id"')}`,
        valueListParameters(manager.connection, ids),
      );
    }
  }

  /** For DataLoaders: claims by id in one statement (missing ones are absent). */
  getMany(ids: readonly string[]): Promise<ClaimEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ClaimEntity).findBy({ id: In([...ids]) });
  }

  projectsByIds(ids: readonly string[]): Promise<ProjectEntity[]> {
    return RowReader.of(this.dataSource, ProjectEntity).whereIn('id', ids);
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return RowReader.of(this.dataSource, UserEntity).whereIn('id', ids);
  }

  create(actor: Actor | null, input: NewClaim): Promise<ClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.projects.get(input.projectId, manager);
      return this.createIn(manager, actor, input);
    });
  }

  /**
   * Creates and audits a claim inside the caller's transaction (the project must exist; the
   * caller checks). `auditExtra` is added to the `claim.created` event (e.g. the import it came
   * from).
   */
  async createIn(
    manager: EntityManager,
    actor: Actor | null,
    input: NewClaim,
    auditExtra: Record<string, unknown> = {},
  ): Promise<ClaimEntity> {
    const { claim, topics, audit } = newClaimRecord(actor, input, new Date(), auditExtra);
    const entity = manager.create(ClaimEntity, claim);
    await manager.save(entity);
    await this.writeTopics(manager, entity.id, topics, false);
    await this.audit.record({ ...audit, entityId: entity.id }, manager);
    return entity;
  }

  update(actor: Actor, id: string, changes: ClaimChanges): Promise<ClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.get(id, manager);
      this.assertUnlocked(claim);
      await this.assertVersion(manager, claim, changes.expectedVersion);
      const before = auditView(claim);
      const next: Partial<ClaimEntity> = {};
      if (changes.text !== undefined && changes.text !== null) {
        next.text = cleanText(changes.text);
        next.normalisedText = normaliseClaimText(next.text);
      }
      if (changes.claimant !== undefined)
        next.claimant = cleanOptional('claimant', changes.claimant, 300);
      if (changes.firstAppearanceUrl !== undefined)
        next.firstAppearanceUrl = cleanUrl('firstAppearanceUrl', changes.firstAppearanceUrl);
      if (changes.firstAppearedAt !== undefined) next.firstAppearedAt = changes.firstAppearedAt;
      if (changes.topics !== undefined && changes.topics !== null)
        next.topics = cleanTopics(changes.topics);
      if (changes.priority !== undefined && changes.priority !== null) {
        next.priority = changes.priority;
        next.priorityRank = priorityRank(changes.priority);
      }
      if (changes.dueAt !== undefined) next.dueAt = changes.dueAt;
      const after = auditView({ ...claim, ...next } as ClaimEntity);
      const changed = diff(before, after);
      if (!changed) return claim;
      const saved = await this.conditionalUpdate(manager, claim, next);
      if (changed.after['topics'] !== undefined)
        await this.writeTopics(manager, claim.id, saved.topics, true);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: CLAIM_ENTITY_TYPE,
          entityId: claim.id,
          action: 'claim.updated',
          before: { ...changed.before, version: changes.expectedVersion },
          after: { ...changed.after, version: saved.version },
        },
        manager,
      );
      return saved;
    });
  }

  reject(
    actor: Actor,
    id: string,
    expectedVersion: number,
    reason: string,
    duplicateOfId: string | null = null,
  ): Promise<ClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.get(id, manager);
      return this.rejectIn(manager, actor, claim, expectedVersion, reason, duplicateOfId);
    });
  }

  /**
   * Rejects a NEW or IN_REVIEW claim inside the caller's transaction (also the last step of a
   * merge, with `duplicateOfId` the surviving claim). `auditExtra` is added to the event.
   */
  async rejectIn(
    manager: EntityManager,
    actor: Actor,
    claim: ClaimEntity,
    expectedVersion: number,
    reason: string,
    duplicateOfId: string | null = null,
    auditExtra: Record<string, unknown> = {},
  ): Promise<ClaimEntity> {
    await this.assertVersion(manager, claim, expectedVersion);
    if (duplicateOfId) {
      if (duplicateOfId === claim.id)
        throw new BadInputError('duplicateOfId', 'A claim cannot be a duplicate of itself.');
      const original = await manager.findOneBy(ClaimEntity, { id: duplicateOfId });
      if (!original || original.projectId !== claim.projectId)
        throw new BadInputError(
          'duplicateOfId',
          'duplicateOfId must name another claim of the same project.',
        );
    }
    try {
      assertTransition(claim.status, 'REJECTED');
    } catch (error) {
      if (error instanceof IllegalTransitionError)
        throw new ConflictError(error.message, { from: error.from, to: error.to });
      throw error;
    }
    const trimmed = reason.trim();
    if (!trimmed)
      throw new BadInputError('reason', 'reason must be between 1 and 2000 characters.');
    const before = auditView(claim);
    const saved = await this.conditionalUpdate(manager, claim, {
      status: 'REJECTED',
      rejectionReason: trimmed,
      ...(duplicateOfId ? { duplicateOfId } : {}),
    });
    const changed = diff(before, auditView(saved));
    await this.closeOpenAssignments(manager, actor, claim.id, trimmed);
    await this.audit.record(
      {
        actorId: actor.id,
        entityType: CLAIM_ENTITY_TYPE,
        entityId: claim.id,
        action: 'claim.rejected',
        before: { ...changed?.before, version: expectedVersion },
        after: { ...changed?.after, ...auditExtra, version: saved.version },
        reason: trimmed,
      },
      manager,
    );
    return saved;
  }

  /**
   * Nobody works a rejected claim: its OPEN assignments close (DECLINED, the rejection as the
   * reason), so reviewers' load, "my queue" and auto-assignment stop counting them. Each closure is
   * audited on the claim like a decline. Plain SQL: the assignments table belongs to the reviews
   * area, which builds on this one.
   */
  private async closeOpenAssignments(
    manager: EntityManager,
    actor: Actor,
    claimId: string,
    reason: string,
  ): Promise<void> {
    const postgres = manager.connection.options.type === 'postgres';
    const open = (await manager.query(
      postgres
        ? `SELECT "id", "reviewerId" FROM "assignments" WHERE "claimId" = $1 AND "status" = 'OPEN' ORDER BY "createdAt"`
        : `SELECT "id", "reviewerId" FROM "assignments" WHERE "claimId" = ? AND "status" = 'OPEN' ORDER BY "createdAt"`,
      [claimId],
    )) as { id: string; reviewerId: string }[];
    if (open.length === 0) return;
    const declineReason = `The claim was rejected: ${reason}`.slice(0, 2000);
    const now = new Date().toISOString();
    await manager.query(
      postgres
        ? `UPDATE "assignments" SET "status" = 'DECLINED', "declineReason" = $1, "version" = "version" + 1, "updatedAt" = $2 WHERE "claimId" = $3 AND "status" = 'OPEN'`
        : `UPDATE "assignments" SET "status" = 'DECLINED', "declineReason" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "claimId" = ? AND "status" = 'OPEN'`,
      [declineReason, postgres ? now : now.replace('T', ' ').replace('Z', ''), claimId],
    );
    for (const assignment of open) {
      const view = { assignmentId: assignment.id, reviewerId: assignment.reviewerId };
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: CLAIM_ENTITY_TYPE,
          entityId: claimId,
          action: 'assignment.closed',
          before: { ...view, status: 'OPEN' },
          after: { ...view, status: 'DECLINED' },
          reason: declineReason,
        },
        manager,
      );
    }
  }

  /**
   * Moves a claim to another workflow state inside the caller's transaction: CONFLICT with the
   * workflow's message (naming both states) when the move is not allowed, CONFLICT when another
   * writer changed the claim meanwhile. Audited as `action` with the reason, if any.
   */
  async changeStatus(
    manager: EntityManager,
    actor: Actor | null,
    claim: ClaimEntity,
    to: ClaimStatus,
    action: string,
    reason: string | null = null,
    extra: Record<string, unknown> = {},
  ): Promise<ClaimEntity> {
    try {
      assertTransition(claim.status, to);
    } catch (error) {
      if (error instanceof IllegalTransitionError)
        throw new ConflictError(error.message, { from: error.from, to: error.to });
      throw error;
    }
    const from = claim.status;
    const version = claim.version;
    const saved = await this.conditionalUpdate(manager, claim, { status: to });
    await this.audit.record(
      {
        actorId: actor?.id ?? null,
        entityType: CLAIM_ENTITY_TYPE,
        entityId: claim.id,
        action,
        before: { status: from, version },
        after: { status: to, ...extra, version: saved.version },
        reason,
      },
      manager,
    );
    return saved;
  }

  /** CONFLICT naming what changed when `expected` is not the claim's version. */
  checkVersion(manager: EntityManager, claim: ClaimEntity, expected: number): Promise<void> {
    return this.assertVersion(manager, claim, expected);
  }

  /**
   * Histories of several claims for a DataLoader, in two statements: which evidence items,
   * captures and assessments belong to the claims, then every audit event of the claims
   * (entityType 'Claim') and of those ('Evidence', 'Capture', 'Assessment'). A claim's history
   * also shows the events of every claim merged into it (rejected with duplicateOfId = it); the
   * evidence a merge moved is the survivor's now and comes with its whole history.
   * Unfiltered: Claim.history passes them through {@link visibleHistory} for the caller.
   */
  async histories(claimIds: readonly string[]): Promise<AuditEventType[][]> {
    const owner = new Map<string, string[]>();
    const own = (key: string, claimId: string) => {
      const list = owner.get(key) ?? [];
      if (!list.includes(claimId)) list.push(claimId);
      owner.set(key, list);
    };
    for (const id of claimIds) own(`${CLAIM_ENTITY_TYPE}:${id}`, id);
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT e."id" AS "entityId", '${EVIDENCE_ENTITY_TYPE}' AS "entityType", e."claimId" AS "claimId"
         FROM "evidence" e WHERE e."claimId" IN (:...ids)
       UNION ALL
       SELECT k."id" AS "entityId", '${CAPTURE_ENTITY_TYPE}' AS "entityType", e."claimId" AS "claimId"
         FROM "captures" k INNER JOIN "evidence" e ON e."id" = k."evidenceId" WHERE e."claimId" IN (:...ids)

       UNION ALL
       SELECT a."id" AS "entityId", '${ASSESSMENT_ENTITY_TYPE}' AS "entityType", a."claimId" AS "claimId"
         FROM "assessments" a WHERE a."claimId" IN (:...ids)
       UNION ALL
       SELECT m."id" AS "entityId", '${COMMENT_ENTITY_TYPE}' AS "entityType", m."claimId" AS "claimId"
         FROM "comments" m WHERE m."claimId" IN (:...ids)
       UNION ALL
       SELECT d."id" AS "entityId", '${CLAIM_ENTITY_TYPE}' AS "entityType", d."duplicateOfId" AS "claimId"
         FROM "claims" d WHERE d."duplicateOfId" IN (:...ids) AND d."status" = 'REJECTED'`,
      { ids: [...claimIds] },
    );
    const related = (await this.dataSource.query(sql, params)) as {
      entityId: string;
      entityType: string;
      claimId: string;
    }[];
    for (const r of related) own(`${r.entityType}:${r.entityId}`, r.claimId);
    const events = await this.audit.historyFor([
      ...claimIds.map((entityId) => ({ entityType: CLAIM_ENTITY_TYPE, entityId })),
      ...related.map((r) => ({ entityType: r.entityType, entityId: r.entityId })),
    ]);
    const byClaim = new Map<string, AuditEventType[]>(claimIds.map((id) => [id, []]));
    for (const event of events) {
      for (const claimId of owner.get(`${event.entityType}:${event.entityId}`) ?? [])
        byClaim.get(claimId)?.push(event);
    }
    return claimIds.map((id) => byClaim.get(id) ?? []);
  }

  private assertUnlocked(claim: ClaimEntity): void {
    if (LOCKED_STATUSES.includes(claim.status)) {
      throw new ConflictError(
        `This claim is ${claim.status} and locked; it can no longer be changed.`,
        { status: claim.status, currentVersion: claim.version },
      );
    }
  }

  /**
   * Writes `next` only if the stored version is still the claim's version (UPDATE … WHERE
   * version = expected), so of two concurrent writers exactly one wins.
   */
  private async conditionalUpdate(
    manager: EntityManager,
    claim: ClaimEntity,
    next: Partial<ClaimEntity>,
  ): Promise<ClaimEntity> {
    const expected = claim.version;
    const now = new Date();
    const result = await manager
      .createQueryBuilder()
      .update(ClaimEntity)
      .set({
        ...next,
        version: expected + 1,
        updatedAt: now,
      })
      .where('id = :id AND version = :expected', { id: claim.id, expected })
      .execute();
    if (result.affected !== 1) {
      const current = await this.get(claim.id, manager);
      await this.assertVersion(manager, current, expected);
      throw new ConflictError('The claim changed while saving; reload it and try again.', {
        currentVersion: current.version,
        changedFields: [],
      });
    }
    return Object.assign(claim, next, { version: expected + 1, updatedAt: now });
  }

  private async assertVersion(manager: EntityManager, claim: ClaimEntity, expected: number) {
    if (claim.version === expected) return;
    const changedFields = await this.audit.changedFieldsSince(
      CLAIM_ENTITY_TYPE,
      claim.id,
      expected,
      manager,
    );
    const named = changedFields.length > 0 ? changedFields.join(', ') : 'nothing visible';
    throw new ConflictError(
      `This claim was changed by someone else since version ${expected} (now version ${claim.version}); changed: ${named}. Nothing was saved: reload it and apply your change again.`,
      { currentVersion: claim.version, changedFields },
    );
  }

  private async writeTopics(
    manager: EntityManager,
    claimId: string,
    topics: readonly string[],
    replace: boolean,
  ): Promise<void> {
    if (replace) await manager.delete(ClaimTopicEntity, { claimId });
    if (topics.length === 0) return;
    await manager.insert(
      ClaimTopicEntity,
      topics.map((topic) => ({ claimId, topic: topicKey(topic) })),
    );
  }
}
