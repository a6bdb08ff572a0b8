import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { CaptureEntity } from '@corroborate/api-captures';
import { MAX_PAGE_SIZE } from '@corroborate/api-core';
import { inValueList, valueListParameters } from '@corroborate/api-database';
import {
  type ClaimEntity,
  type ClaimFilter,
  ClaimSort,
  ClaimsRepository,
} from '@corroborate/api-claims';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  AdjudicationEntity,
  AssessmentEntity,
  AssessmentEvidenceEntity,
} from '@corroborate/api-reviews';
import { SourceEntity } from '@corroborate/api-sources';
import { UserEntity } from '@corroborate/api-users';
import { type Credibility, type ExportPerson, type VerifiedClaimRecord } from '@corroborate/domain';
import { type ExportFilter } from './dto/export-filter.input';

/**
 * Claims whose records are read together (one statement per related table). Memory holds one
 * batch of records at a time, whatever the export's size.
 */
export const EXPORT_BATCH_SIZE = 1000;
/** Claims per keyset page of the queue repository (its largest page). */
const CLAIM_PAGE_SIZE = MAX_PAGE_SIZE;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type Column = EntityMetadata['columns'][number];

/**
 * Reads some columns of one entity for many ids in one statement whose SQL is built once: the
 * ids are one parameter (`inValueList`),
 * and each value goes through the driver's own conversion (`prepareHydratedValue`: dates,
 * booleans, simple-json), so the fields are what `Repository.find` gives, without hydrating
 * whole entities through TypeORM's query builder for thousands of rows per batch.
 */
class ColumnReader<E extends ObjectLiteral, K extends keyof E & string> {
  private readonly columns: [K, Column][];
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<E>,
    properties: readonly K[],
    by: keyof E & string,
    /** Further SQL conditions on the table's columns and an ORDER BY, as written. */
    rest = '',
  ) {
    const metadata = dataSource.getMetadata(entity);
    const column = (property: string): Column => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.name} has no column ${property}`);
      return found;
    };
    this.columns = properties.map((p) => [p, column(p)]);
    const list = this.columns.map(([, c]) => `"${c.databaseName}"`).join(', ');
    const match = inValueList(dataSource, `"${column(by).databaseName}"`);
    this.sql = `SELECT ${list} FROM "${metadata.tableName}" WHERE ${match}${rest ? ` ${rest}` : ''}`;
  }

  async read(values: readonly string[]): Promise<Pick<E, K>[]> {
    if (values.length === 0) return [];
    const rows = (await this.dataSource.query(
      this.sql,
      valueListParameters(this.dataSource, values),
    )) as Record<string, unknown>[];
    const driver = this.dataSource.driver;
    return rows.map((row) => {
      const out = {} as Pick<E, K>;
      for (const [property, column] of this.columns)
        out[property] = driver.prepareHydratedValue(row[column.databaseName], column) as E[K];
      return out;
    });
  }
}

/** The statements of one export's batches, built once per data source. */
class Readers {
  readonly adjudications;
  readonly assessments;
  readonly relied;
  readonly evidence;
  readonly captures;
  readonly sources;
  readonly projects;
  readonly users;

  constructor(ds: DataSource) {
    // The current adjudication: the latest one not reopened (the claim is VERIFIED).
    this.adjudications = new ColumnReader(
      ds,
      AdjudicationEntity,
      [
        'id',
        'claimId',
        'verdict',
        'likelihood',
        'confidence',
        'publicSummary',
        'citedAssessmentIds',
        'citedEvidenceIds',
        'adjudicatedById',
        'createdAt',
      ],
      'claimId',
      'AND "reopenedAt" IS NULL ORDER BY "createdAt" DESC',
    );
    this.assessments = new ColumnReader(
      ds,
      AssessmentEntity,
      [
        'id',
        'claimId',
        'reviewerId',
        'status',
        'verdict',
        'likelihood',
        'confidence',
        'rationale',
        'supersedesId',
        'correctionReason',
        'submittedAt',
      ],
      'claimId',
      `AND "status" IN ('SUBMITTED', 'SUPERSEDED') ORDER BY "submittedAt" ASC, "id" ASC`,
    );
    this.relied = new ColumnReader(
      ds,
      AssessmentEvidenceEntity,
      ['assessmentId', 'evidenceId'],
      'assessmentId',
    );
    this.evidence = new ColumnReader(
      ds,
      EvidenceEntity,
      [
        'id',
        'claimId',
        'sourceId',
        'url',
        'title',
        'excerpt',
        'publishedAt',
        'retrievedAt',
        'archiveUrl',
        'stance',
        'credibility',
        'note',
        'derivedFromId',
        'quantityMin',
        'quantityMax',
        'quantityUnit',
        'quantityAsOf',
        'retracted',
        'retractionReason',
        'addedById',
      ],
      'claimId',
      'ORDER BY "createdAt" ASC, "id" ASC',
    );
    this.captures = new ColumnReader(
      ds,
      CaptureEntity,
      [
        'id',
        'evidenceId',
        'version',
        'method',
        'url',
        'fileName',
        'mediaType',
        'byteSize',
        'sha256',
        'capturedAt',
      ],
      'evidenceId',
      'ORDER BY "version" ASC',
    );
    this.sources = new ColumnReader(
      ds,
      SourceEntity,
      ['id', 'name', 'kind', 'homepage', 'reliability', 'reliabilityNote'],
      'id',
    );
    this.projects = new ColumnReader(ds, ProjectEntity, ['id', 'name'], 'id');
    this.users = new ColumnReader(ds, UserEntity, ['id', 'displayName'], 'id');
  }
}

/**
 * Rows that many batches share (the source registry, projects, users), read once per export and
 * then only those a batch is the first to need.
 */
class Shared<T extends { id: string }> {
  private readonly known = new Map<string, T | null>();

  constructor(private readonly read: (ids: string[]) => Promise<T[]>) {}

  async get(ids: Iterable<string>): Promise<Map<string, T | null>> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    if (missing.length) {
      for (const id of missing) this.known.set(id, null);
      for (const row of await this.read(missing)) this.known.set(row.id, row);
    }
    return this.known;
  }
}

type RowOf<R extends { read(ids: string[]): Promise<unknown[]> }> = Awaited<
  ReturnType<R['read']>
>[number];

interface SharedRows {
  sources: Shared<RowOf<Readers['sources']>>;
  projects: Shared<RowOf<Readers['projects']>>;
  users: Shared<RowOf<Readers['users']>>;
}

/**
 * Reads VERIFIED claims and everything behind their verdicts in batches, by keyset pagination
 * over the queue repository (creation order, ids breaking ties), so an export of any size runs in
 * constant memory.
 */
@Injectable()
export class ExportRecords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
  ) {}

  private claimFilter(filter: ExportFilter): ClaimFilter {
    return {
      projectId: filter.projectId ?? null,
      statuses: ['VERIFIED'] as ClaimFilter['statuses'],
      priorities: (filter.priorities ?? null) as ClaimFilter['priorities'],
      topics: filter.topics ?? null,
      text: filter.text ?? null,
      createdFrom: filter.createdFrom ?? null,
      createdTo: filter.createdTo ?? null,
    };
  }

  /** VERIFIED claims matching the queue part of the filter (before the verification dates). */
  async candidates(filter: ExportFilter): Promise<number> {
    return (await this.claims.counts(this.claimFilter(filter))).totalCount;
  }

  /**
   * The records, batch by batch. `onScanned` reports how many candidate claims have been read
   * (the verification-date range is applied to each batch, after the queue filter).
   */
  async *batches(
    filter: ExportFilter,
    publicUrl: string,
    onScanned: (scanned: number) => void = () => undefined,
  ): AsyncGenerator<VerifiedClaimRecord[]> {
    const readers = this.readersOf();
    const shared: SharedRows = {
      sources: new Shared((ids) => readers.sources.read(ids)),
      projects: new Shared((ids) => readers.projects.read(ids)),
      users: new Shared((ids) => readers.users.read(ids)),
    };
    let after: string | null = null;
    let scanned = 0;
    let more = true;
    while (more) {
      const claims: ClaimEntity[] = [];
      while (more && claims.length < EXPORT_BATCH_SIZE) {
        const page = await this.claims.page({
          filter: this.claimFilter(filter),
          sort: ClaimSort.CREATED_ASC,
          first: Math.min(CLAIM_PAGE_SIZE, EXPORT_BATCH_SIZE - claims.length),
          after,
        });
        for (const edge of page.edges) claims.push(edge.node);
        more = page.pageInfo.hasNextPage && page.pageInfo.endCursor !== null;
        after = page.pageInfo.endCursor;
      }
      scanned += claims.length;
      const records = await this.load(claims, filter, publicUrl, readers, shared);
      onScanned(scanned);
      if (records.length) yield records;
    }
  }

  private readers: Readers | null = null;

  private readersOf(): Readers {
    this.readers ??= new Readers(this.dataSource);
    return this.readers;
  }

  private async load(
    claims: ClaimEntity[],
    filter: ExportFilter,
    publicUrl: string,
    readers: Readers,
    shared: SharedRows,
  ): Promise<VerifiedClaimRecord[]> {
    if (claims.length === 0) return [];
    const adjudications = groupBy(
      await readers.adjudications.read(claims.map((c) => c.id)),
      (a) => a.claimId,
    );
    const kept = claims.filter((c) => {
      const a = adjudications.get(c.id)?.[0];
      if (!a) return false;
      if (filter.verifiedFrom && a.createdAt < filter.verifiedFrom) return false;
      if (filter.verifiedTo && a.createdAt > filter.verifiedTo) return false;
      return true;
    });
    if (kept.length === 0) return [];
    const keptIds = kept.map((c) => c.id);
    const [projectById, assessments, evidence] = await Promise.all([
      shared.projects.get(kept.map((c) => c.projectId)),
      readers.assessments.read(keptIds),
      readers.evidence.read(keptIds),
    ]);
    const [relied, sourceById, captures] = await Promise.all([
      readers.relied.read(assessments.map((a) => a.id)),
      shared.sources.get(evidence.map((e) => e.sourceId)),
      readers.captures.read(evidence.map((e) => e.id)),
    ]);
    const userIds: string[] = [];
    for (const a of assessments) userIds.push(a.reviewerId);
    for (const e of evidence) if (e.addedById) userIds.push(e.addedById);
    for (const claim of kept) {
      const by = adjudications.get(claim.id)![0].adjudicatedById;
      if (by) userIds.push(by);
    }
    const users = await shared.users.get(userIds);
    const person = new Map<string, ExportPerson>();
    for (const u of users.values()) if (u) person.set(u.id, { id: u.id, name: u.displayName });
    const who = (id: string | null): ExportPerson | null => (id ? (person.get(id) ?? null) : null);
    const reliedBy = groupBy(relied, (r) => r.assessmentId);
    const assessmentsBy = groupBy(assessments, (a) => a.claimId);
    const evidenceBy = groupBy(evidence, (e) => e.claimId);
    const capturesBy = groupBy(captures, (c) => c.evidenceId);
    const base = publicUrl.replace(/\/+$/, '');

    return kept.map((claim): VerifiedClaimRecord => {
      const a = adjudications.get(claim.id)![0];
      const project = projectById.get(claim.projectId);
      return {
        id: claim.id,
        project: { id: claim.projectId, name: project?.name ?? '' },
        text: claim.text,
        claimant: claim.claimant,
        firstAppearanceUrl: claim.firstAppearanceUrl,
        firstAppearedAt: iso(claim.firstAppearedAt),
        topics: claim.topics,
        priority: claim.priority,
        createdAt: claim.createdAt.toISOString(),
        url: `${base}/claims/${claim.id}`,
        adjudication: {
          id: a.id,
          verdict: a.verdict,
          likelihood: a.likelihood,
          confidence: a.confidence,
          publicSummary: a.publicSummary,
          citedAssessmentIds: a.citedAssessmentIds,
          citedEvidenceIds: a.citedEvidenceIds,
          adjudicatedBy: who(a.adjudicatedById),
          adjudicatedAt: a.createdAt.toISOString(),
        },
        assessments: (assessmentsBy.get(claim.id) ?? []).map((s) => ({
          id: s.id,
          reviewer: who(s.reviewerId),
          status: s.status as 'SUBMITTED' | 'SUPERSEDED',
          verdict: s.verdict,
          likelihood: s.likelihood,
          confidence: s.confidence,
          rationale: s.rationale,
          evidenceIds: (reliedBy.get(s.id) ?? []).map((r) => r.evidenceId).sort(),
          supersedesId: s.supersedesId,
          correctionReason: s.correctionReason,
          submittedAt: iso(s.submittedAt),
        })),
        evidence: (evidenceBy.get(claim.id) ?? []).map((e) => {
          const source = sourceById.get(e.sourceId)!;
          const hasQuantity = e.quantityMin !== null || e.quantityMax !== null;
          return {
            id: e.id,
            url: e.url,
            title: e.title,
            excerpt: e.excerpt,
            publishedAt: iso(e.publishedAt),
            retrievedAt: iso(e.retrievedAt),
            archiveUrl: e.archiveUrl,
            stance: e.stance,
            credibility: e.credibility as Credibility,
            note: e.note,
            derivedFromId: e.derivedFromId,
            quantity: hasQuantity
              ? {
                  min: e.quantityMin,
                  max: e.quantityMax,
                  unit: e.quantityUnit,
                  asOf: iso(e.quantityAsOf),
                }
              : null,
            retracted: e.retracted,
            retractionReason: e.retractionReason,
            addedBy: who(e.addedById),
            source: {
              id: source.id,
              name: source.name,
              kind: source.kind,
              homepage: source.homepage,
              reliability: source.reliability,
              reliabilityNote: source.reliabilityNote,
            },
            captures: (capturesBy.get(e.id) ?? []).map((c) => ({
              id: c.id,
              version: c.version,
              method: c.method,
              url: c.url,
              fileName: c.fileName,
              mediaType: c.mediaType,
              byteSize: c.byteSize,
              sha256: c.sha256,
              capturedAt: c.capturedAt.toISOString(),
            })),
          };
        }),
      };
    });
  }
}
