import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldChangeType } from '@corroborate/api-audit';
import { LoaderRegistry, Loaders } from '@corroborate/api-core';

/** What an id in a history entry names, by the field that holds it. */
const KIND_OF_FIELD: Readonly<Record<string, LabelKind>> = {
  actorId: 'user',
  reviewerId: 'user',
  assignedById: 'user',
  createdById: 'user',
  adjudicatedById: 'user',
  authorId: 'user',
  userId: 'user',
  sourceId: 'source',
  evidenceId: 'evidence',
  derivedFromId: 'evidence',
  projectId: 'project',
  claimId: 'claim',
  duplicateOfId: 'claim',
  duplicateId: 'claim',
  survivorId: 'claim',
  parentId: 'comment',
  commentId: 'comment',
  mentionedUserIds: 'user',
  evidenceIds: 'evidence',
  citedEvidenceIds: 'evidence',
};

type LabelKind = 'user' | 'source' | 'evidence' | 'project' | 'claim' | 'comment';

/** One SQL statement per kind: the readable name of each id. */
const LABEL_SQL: Readonly<Record<LabelKind, { table: string; label: string }>> = {
  user: { table: 'users', label: '"displayName"' },
  source: { table: 'sources', label: '"name"' },
  evidence: { table: 'evidence', label: 'COALESCE("title", "url")' },
  project: { table: 'projects', label: '"name"' },
  claim: { table: 'claims', label: '"text"' },
  comment: { table: 'comments', label: '"body"' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long names (claim texts) are cut here, with an ellipsis. */
const MAX_LABEL = 120;

/** Ids listed in one change value at most (a longer list is shown as recorded). */
const MAX_LISTED_IDS = 20;

/**
 * The ids a change value (JSON text) holds, when the field names an entity: one id, or a list of
 * them (the people mentioned in a comment, the evidence an assessment relies on).
 */
function idsIn(field: string, value: string | null): { kind: LabelKind; ids: string[] } | null {
  const kind = KIND_OF_FIELD[field];
  if (!kind || value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'string') return UUID.test(parsed) ? { kind, ids: [parsed] } : null;
    if (
      Array.isArray(parsed) &&
      parsed.length > 0 &&
      parsed.length <= MAX_LISTED_IDS &&
      parsed.every((id): id is string => typeof id === 'string' && UUID.test(id))
    )
      return { kind, ids: parsed };
    return null;
  } catch {
    return null;
  }
}

@Injectable()
export class HistoryLabels {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Names for `kind:id` keys, null where the entity no longer exists. */
  async labels(keys: readonly string[]): Promise<(string | null)[]> {
    const byKind = new Map<LabelKind, Set<string>>();
    for (const key of keys) {
      const [kind, id] = key.split(':') as [LabelKind, string];
      byKind.set(kind, (byKind.get(kind) ?? new Set<string>()).add(id));
    }
    const postgres = this.dataSource.options.type === 'postgres';
    const found = new Map<string, string>();
    for (const [kind, ids] of byKind) {
      const list = [...ids];
      const { table, label } = LABEL_SQL[kind];
      const marks = list.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
      const rows = (await this.dataSource.query(
        `SELECT "id", ${label} AS "label" FROM "${table}" WHERE "id" IN (${marks})`,
        list,
      )) as { id: string; label: string | null }[];
      for (const row of rows) {
        if (row.label === null) continue;
        const text =
          row.label.length > MAX_LABEL ? `${row.label.slice(0, MAX_LABEL - 1)}…` : row.label;
        found.set(`${kind}:${row.id}`, text);
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  }
}

/**
 * Readable names beside the ids in a history entry (a reviewer, a source, an evidence item, a
 * project, a claim), so the timeline says "Ruslan Reviewer", not a UUID. Visibility is that of the
 * history itself: the names are of things the reader can already see on the claim.
 */
@Resolver(() => FieldChangeType)
export class FieldChangeResolver {
  constructor(private readonly labels: HistoryLabels) {}

  /** The names of the ids in the value, joined; null unless every one of them is found. */
  private async label(
    loaders: LoaderRegistry,
    field: string,
    value: string | null,
  ): Promise<string | null> {
    const target = idsIn(field, value);
    if (!target) return null;
    const names = await loaders
      .get<string, string | null>('History.label', (keys) => this.labels.labels(keys))
      .loadMany(target.ids.map((id) => `${target.kind}:${id}`));
    if (names.some((name) => typeof name !== 'string')) return null;
    return names.join(', ');
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'A readable name for the value before, when it is the id of a user, source, evidence item, project, claim or comment (names joined by commas for a list of ids).',
  })
  beforeLabel(
    @Parent() change: FieldChangeType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string | null> {
    return this.label(loaders, change.field, change.before);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'A readable name for the value after, when it is the id of a user, source, evidence item, project, claim or comment (names joined by commas for a list of ids).',
  })
  afterLabel(
    @Parent() change: FieldChangeType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string | null> {
    return this.label(loaders, change.field, change.after);
  }
}
