import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import { type AuditEventType, AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  assertPageSize,
  BadInputError,
  ConflictError,
  decodeCursor,
  encodeCursor,
  forwardPageInfo,
  httpUrlProblem,
  NotFoundError,
  type PageInfoType,
} from '@corroborate/api-core';
import { type Reliability, type SourceKind } from './dto/source.enums';
import { SourceEntity } from './source.entity';

export const SOURCE_ENTITY_TYPE = 'Source';

export interface NewSource {
  name: string;
  kind: SourceKind;
  homepage?: string | null;
  reliability: Reliability;
  reliabilityNote?: string | null;
}

export interface SourceChanges {
  expectedVersion: number;
  name?: string | null;
  kind?: SourceKind | null;
  homepage?: string | null;
}

export interface SourceRegrade {
  expectedVersion: number;
  reliability: Reliability;
  reliabilityNote?: string | null;
  reason: string;
}

export interface SourceQuery {
  search?: string | null;
  kinds?: readonly SourceKind[] | null;
  first?: number | null;
  after?: string | null;
}

export interface SourcePage {
  edges: { cursor: string; node: SourceEntity }[];
  pageInfo: PageInfoType;
  totalCount: number;
}

/** Trimmed, inner whitespace collapsed to one space. */
export function cleanSourceName(name: string): string {
  const cleaned = name.trim().replace(/\s+/g, ' ');
  if (!cleaned) throw new BadInputError('name', 'Source name must not be blank.');
  if (cleaned.length > 300)
    throw new BadInputError('name', 'Source name must be between 1 and 300 characters.');
  return cleaned;
}

/** The key that makes source names unique: collapsed and lower-cased. */
export function sourceNameKey(name: string): string {
  return cleanSourceName(name).toLowerCase();
}

function cleanHomepage(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const problem = httpUrlProblem('homepage', trimmed);
  if (problem) throw new BadInputError('homepage', problem);
  return trimmed;
}

/** The `after` of a `source.created` event (and the fields compared by later edits). */
export function sourceAuditView(s: SourceEntity): Record<string, unknown> {
  return {
    name: s.name,
    kind: s.kind,
    homepage: s.homepage,
    reliability: s.reliability,
    reliabilityNote: s.reliabilityNote,
    version: s.version,
  };
}

/** Only the keys whose values differ, plus the version (bookkeeping for stale-write checks). */
function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  if (Object.keys(a).length === 0) return null;
  return {
    before: { ...b, version: before['version'] },
    after: { ...a, version: after['version'] },
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<SourceEntity> {
    const source = await manager.findOneBy(SourceEntity, { id });
    if (!source) throw new NotFoundError('Source', id);
    return source;
  }

  /** For DataLoaders: the sources with these ids, in one statement (missing ones are absent). */
  getMany(ids: readonly string[]): Promise<SourceEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(SourceEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Creates a source and audits it. Pass `manager` to create it inside a surrounding transaction
   * (e.g. adding evidence with a new source inline); otherwise it runs in its own transaction.
   * A name that differs from an existing one only in case or spacing is a CONFLICT on `name`.
   */
  async create(
    actor: Actor | null,
    input: NewSource,
    manager?: EntityManager,
  ): Promise<SourceEntity> {
    if (!manager) return this.dataSource.transaction((m) => this.create(actor, input, m));
    const name = cleanSourceName(input.name);
    const homepage = cleanHomepage(input.homepage);
    const note = input.reliabilityNote?.trim() || null;
    if (note && note.length > 2000)
      throw new BadInputError(
        'reliabilityNote',
        'Reliability note must be at most 2000 characters.',
      );
    await this.assertNameFree(manager, name, null);
    const now = new Date();
    const source = manager.create(SourceEntity, {
      name,
      nameKey: name.toLowerCase(),
      kind: input.kind,
      homepage,
      reliability: input.reliability,
      reliabilityNote: note,
      createdById: actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await manager.save(source);
    } catch (error) {
      // A concurrent create won the race for the unique name key.
      if (isUniqueViolation(error))
        throw new ConflictError(`A source named "${name}" already exists.`, { field: 'name' });
      throw error;
    }
    await this.audit.record(
      {
        actorId: actor?.id ?? null,
        entityType: SOURCE_ENTITY_TYPE,
        entityId: source.id,
        action: 'source.created',
        after: sourceAuditView(source),
      },
      manager,
    );
    return source;
  }

  update(actor: Actor, id: string, changes: SourceChanges): Promise<SourceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.get(id, manager);
      await this.assertVersion(manager, source, changes.expectedVersion);
      const before = sourceAuditView(source);
      if (changes.name !== undefined && changes.name !== null) {
        const name = cleanSourceName(changes.name);
        await this.assertNameFree(manager, name, source.id);
        source.name = name;
        source.nameKey = name.toLowerCase();
      }
      if (changes.kind !== undefined && changes.kind !== null) source.kind = changes.kind;
      if (changes.homepage !== undefined) source.homepage = cleanHomepage(changes.homepage);
      return this.write(manager, actor, source, before, 'source.updated', null);
    });
  }

  regrade(actor: Actor, id: string, input: SourceRegrade): Promise<SourceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.get(id, manager);
      await this.assertVersion(manager, source, input.expectedVersion);
      const reason = input.reason.trim();
      if (!reason)
        throw new BadInputError('reason', 'reason must be between 1 and 2000 characters.');
      const before = sourceAuditView(source);
      source.reliability = input.reliability;
      if (input.reliabilityNote !== undefined)
        source.reliabilityNote = input.reliabilityNote?.trim() || null;
      return this.write(manager, actor, source, before, 'source.regraded', reason, true);
    });
  }

  async list(query: SourceQuery): Promise<SourcePage> {
    const first = assertPageSize(query.first ?? 50);
    const repo = this.dataSource.getRepository(SourceEntity);
    const filtered = () => {
      const qb = repo.createQueryBuilder('s');
      const search = query.search?.trim().replace(/\s+/g, ' ').toLowerCase();
      if (search) {
        qb.andWhere("s.nameKey LIKE :search ESCAPE '\\'", { search: `%${escapeLike(search)}%` });
      }
      if (query.kinds && query.kinds.length > 0)
        qb.andWhere('s.kind IN (:...kinds)', { kinds: query.kinds });
      return qb;
    };
    const page = filtered();
    if (query.after) {
      const [nameKey, id] = decodeCursor(query.after, 'name', ['s', 's']);
      page.andWhere(
        new Brackets((w) =>
          w
            .where('s.nameKey > :cName', { cName: nameKey })
            .orWhere('(s.nameKey = :cName AND s.id > :cId)', { cName: nameKey, cId: id }),
        ),
      );
    }
    const [rows, totalCount] = await Promise.all([
      page
        .orderBy('s.nameKey', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .take(first + 1)
        .getMany(),
      filtered().getCount(),
    ]);
    const hasNextPage = rows.length > first;
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({
      cursor: encodeCursor('name', [node.nameKey, node.id]),
      node,
    }));
    return {
      edges,
      pageInfo: forwardPageInfo(edges, hasNextPage),
      totalCount,
    };
  }

  /** Histories of several sources in one statement, for a DataLoader. */
  async histories(ids: readonly string[]): Promise<AuditEventType[][]> {
    const events = await this.audit.historyFor(
      ids.map((entityId) => ({ entityType: SOURCE_ENTITY_TYPE, entityId })),
    );
    return ids.map((id) => events.filter((e) => e.entityId === id));
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    source: SourceEntity,
    before: Record<string, unknown>,
    action: string,
    reason: string | null,
    recordUnchanged = false,
  ): Promise<SourceEntity> {
    const expected = source.version;
    const next = { ...sourceAuditView(source), version: expected + 1 };
    const changes = diff(before, next);
    if (!changes && !recordUnchanged) return source;
    const now = new Date();
    const result = await manager
      .createQueryBuilder()
      .update(SourceEntity)
      .set({
        name: source.name,
        nameKey: source.nameKey,
        kind: source.kind,
        homepage: source.homepage,
        reliability: source.reliability,
        reliabilityNote: source.reliabilityNote,
        version: expected + 1,
        updatedAt: now,
      })
      .where('id = :id AND version = :expected', { id: source.id, expected })
      .execute();
    if (result.affected !== 1) {
      const current = await this.get(source.id, manager);
      await this.assertVersion(manager, current, expected);
      throw new ConflictError('The source changed while saving; reload and try again.', {
        currentVersion: current.version,
        changedFields: [],
      });
    }
    source.version = expected + 1;
    source.updatedAt = now;
    await this.audit.record(
      {
        actorId: actor.id,
        entityType: SOURCE_ENTITY_TYPE,
        entityId: source.id,
        action,
        before: changes?.before ?? { version: expected },
        after: changes?.after ?? { version: expected + 1 },
        reason,
      },
      manager,
    );
    return source;
  }

  private async assertVersion(manager: EntityManager, source: SourceEntity, expected: number) {
    if (source.version === expected) return;
    const changedFields = await this.audit.changedFieldsSince(
      SOURCE_ENTITY_TYPE,
      source.id,
      expected,
      manager,
    );
    const named = changedFields.length > 0 ? changedFields.join(', ') : 'nothing visible';
    throw new ConflictError(
      `This source was changed by someone else since version ${expected} (now version ${source.version}): ${named}. Reload it and apply your change again.`,
      { currentVersion: source.version, changedFields },
    );
  }

  private async assertNameFree(manager: EntityManager, name: string, exceptId: string | null) {
    const existing = await manager.findOneBy(SourceEntity, { nameKey: name.toLowerCase() });
    if (existing && existing.id !== exceptId) {
      throw new ConflictError(`A source named "${existing.name}" already exists.`, {
        field: 'name',
        existingId: existing.id,
      });
    }
  }
}
