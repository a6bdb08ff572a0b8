import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { CaptureEntity } from '@corroborate/api-captures';
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

/** Claims read per round trip. Memory holds one batch at a time, whatever the export's size. */
export const EXPORT_BATCH_SIZE = 100;

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
    let after: string | null = null;
    let scanned = 0;
    for (;;) {
      const page = await this.claims.page({
        filter: this.claimFilter(filter),
        sort: ClaimSort.CREATED_ASC,
        first: EXPORT_BATCH_SIZE,
        after,
      });
      const claims = page.edges.map((e) => e.node);
      scanned += claims.length;
      const records = await this.load(claims, filter, publicUrl);
      onScanned(scanned);
      if (records.length) yield records;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  private async load(
    claims: ClaimEntity[],
    filter: ExportFilter,
    publicUrl: string,
  ): Promise<VerifiedClaimRecord[]> {
    if (claims.length === 0) return [];
    const m = this.dataSource.manager;
    const claimIds = claims.map((c) => c.id);
    // The current adjudication: the latest one not reopened (the claim is VERIFIED).
    const adjudications = groupBy(
      await m.find(AdjudicationEntity, {
        where: { claimId: In(claimIds), reopenedAt: IsNull() },
        order: { createdAt: 'DESC' },
      }),
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
    const [projects, assessments, evidence] = await Promise.all([
      m.findBy(ProjectEntity, { id: In([...new Set(kept.map((c) => c.projectId))]) }),
      m.find(AssessmentEntity, {
        where: { claimId: In(keptIds), status: In(['SUBMITTED', 'SUPERSEDED']) },
        order: { submittedAt: 'ASC', id: 'ASC' },
      }),
      m.find(EvidenceEntity, {
        where: { claimId: In(keptIds) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const assessmentIds = assessments.map((a) => a.id);
    const evidenceIds = evidence.map((e) => e.id);
    const [relied, sources, captures] = await Promise.all([
      assessmentIds.length
        ? m.findBy(AssessmentEvidenceEntity, { assessmentId: In(assessmentIds) })
        : [],
      m.findBy(SourceEntity, { id: In([...new Set(evidence.map((e) => e.sourceId))]) }),
      evidenceIds.length
        ? m.find(CaptureEntity, {
            where: { evidenceId: In(evidenceIds) },
            order: { version: 'ASC' },
            select: {
              id: true,
              evidenceId: true,
              version: true,
              method: true,
              url: true,
              fileName: true,
              mediaType: true,
              byteSize: true,
              sha256: true,
              capturedAt: true,
            },
          })
        : [],
    ]);
    const userIds = new Set<string>();
    for (const a of assessments) userIds.add(a.reviewerId);
    for (const e of evidence) if (e.addedById) userIds.add(e.addedById);
    for (const list of adjudications.values())
      if (list[0].adjudicatedById) userIds.add(list[0].adjudicatedById);
    const users = userIds.size
      ? await m.find(UserEntity, {
          where: { id: In([...userIds]) },
          select: { id: true, displayName: true },
        })
      : [];
    const person = new Map(users.map((u) => [u.id, { id: u.id, name: u.displayName }]));
    const who = (id: string | null): ExportPerson | null => (id ? (person.get(id) ?? null) : null);
    const projectById = new Map(projects.map((p) => [p.id, p]));
    const sourceById = new Map(sources.map((s) => [s.id, s]));
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
