import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { ClaimsService, EVIDENCE_ENTITY_TYPE } from '@corroborate/api-claims';
import { type Actor, APP_CONFIG, type AppConfig, NotFoundError } from '@corroborate/api-core';
import { EvidenceEntity, evidenceAuditView, EvidenceService } from '@corroborate/api-evidence';
import { ProjectEntity } from '@corroborate/api-projects';
import { SourceEntity, SourcesService, sourceNameKey } from '@corroborate/api-sources';
import {
  type ImportedClaim,
  type ImportedSource,
  type ImportFormat,
  type ImportProblem,
} from '@corroborate/domain';
import { DuplicatesService, type DuplicateMatch } from './duplicates.service';
import {
  readImport,
  type StagedClaim,
  type StagedImport,
  sweepAbandonedStaging,
} from './import-reader';

export const IMPORT_ENTITY_TYPE = 'Import';
/** Created claims and duplicate warnings listed in a result (counts are always complete). */
export const MAX_LISTED = 1000;
/**
 * Records of one import checked for likely duplicates (one indexed query each, against the
 * project's claims as they grow): beyond this the import still commits, and the result says how
 * many records went unchecked, so a very large import stays fast.
 */
export const MAX_DUPLICATE_CHECKS = 1000;

export interface ImportedClaimRow {
  readonly id: string;
  readonly text: string;
  readonly line: number | null;
  readonly record: number;
}

export interface DuplicateWarning {
  readonly line: number | null;
  readonly record: number;
  readonly text: string;
  readonly matches: readonly DuplicateMatch[];
}

export interface ImportSuccess {
  readonly ok: true;
  readonly importId: string;
  readonly format: ImportFormat;
  readonly bytes: number;
  readonly rows: number;
  readonly claimsCreated: number;
  readonly sourcesCreated: number;
  readonly evidenceCreated: number;
  readonly claims: readonly ImportedClaimRow[];
  readonly duplicateWarnings: readonly DuplicateWarning[];
  readonly duplicateWarningCount: number;
  /** Records past {@link MAX_DUPLICATE_CHECKS} that were not checked for duplicates. */
  readonly duplicateChecksSkipped: number;
}

export interface ImportFailure {
  readonly ok: false;
  readonly format: ImportFormat;
  readonly bytes: number;
  readonly rows: number;
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;
}

export type ImportOutcome = ImportSuccess | ImportFailure;

export interface ImportRequest {
  readonly projectId: string;
  readonly format: ImportFormat;
  readonly fileName: string | null;
  readonly stream: Readable;
  readonly onProgress?: (bytes: number, rows: number) => void;
}

@Injectable()
export class ImportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly evidence: EvidenceService,
    private readonly duplicates: DuplicatesService,
  ) {}

  /** Staging files of imports cut short by a killed process are removed at start. */
  async onApplicationBootstrap(): Promise<void> {
    const removed = await sweepAbandonedStaging();
    if (removed > 0)
      this.logger.warn(`Removed ${removed} staging folder(s) of imports interrupted by a crash.`);
  }

  get maxBytes(): number {
    return this.config.importMaxBytes;
  }

  get jsonLdMaxBytes(): number {
    return this.config.importJsonLdMaxBytes;
  }

  async assertProject(projectId: string): Promise<void> {
    const found = await this.dataSource.getRepository(ProjectEntity).existsBy({ id: projectId });
    if (!found) throw new NotFoundError('Project', projectId);
  }

  /**
   * Validates the whole file first (streamed into a staging file), then — only when no record has
   * a problem — creates every claim, source and evidence item in one transaction, audited per row
   * (`claim.created` with the importId, `source.created`, `evidence.added`) and as a batch
   * (`import.completed` on entity Import). A failed batch changes nothing. `actor` is null for
   * the command-line tool (audited without a user, like the demo seed).
   */
  async import(actor: Actor | null, request: ImportRequest): Promise<ImportOutcome> {
    await this.assertProject(request.projectId);
    const read = await readImport(request.stream, request.format, {
      maxBytes: this.maxBytes,
      jsonLdMaxBytes: this.jsonLdMaxBytes,
      onProgress: request.onProgress,
    });
    if (!read.ok) {
      return {
        ok: false,
        format: request.format,
        bytes: read.bytes,
        rows: read.rows,
        problems: read.problems,
        problemCount: read.problemCount,
      };
    }
    try {
      return await this.commit(actor, request, read.staged, read.rows, read.bytes);
    } finally {
      await read.staged.discard();
    }
  }

  private commit(
    actor: Actor | null,
    request: ImportRequest,
    staged: StagedImport,
    rows: number,
    bytes: number,
  ): Promise<ImportSuccess> {
    const importId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      await this.assertProjectIn(manager, request.projectId);
      const sourceIds = new Map<string, string>();
      const created: ImportedClaimRow[] = [];
      const warnings: DuplicateWarning[] = [];
      let warningCount = 0;
      let sourcesCreated = 0;
      let evidenceCreated = 0;
      let index = 0;
      const lines = createInterface({
        input: createReadStream(staged.path, { encoding: 'utf8' }),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (!line) continue;
        const { claim, ...origin } = JSON.parse(line) as StagedClaim;
        index++;
        const matches =
          index <= MAX_DUPLICATE_CHECKS
            ? await this.duplicates.find(manager, request.projectId, claim.text)
            : [];
        if (matches.length > 0) {
          warningCount++;
          if (warnings.length < MAX_LISTED)
            warnings.push({ line: origin.line, record: origin.record, text: claim.text, matches });
        }
        const entity = await this.claims.createIn(
          manager,
          actor,
          {
            projectId: request.projectId,
            text: claim.text,
            claimant: claim.claimant,
            firstAppearanceUrl: claim.firstAppearanceUrl,
            firstAppearedAt: claim.firstAppearedAt ? new Date(claim.firstAppearedAt) : null,
            topics: claim.topics,
            priority: claim.priority,
            dueAt: claim.dueAt ? new Date(claim.dueAt) : null,
          },
          { importId },
        );
        if (created.length < MAX_LISTED)
          created.push({
            id: entity.id,
            text: entity.text,
            line: origin.line,
            record: origin.record,
          });
        for (const item of claim.evidence) {
          const source = await this.sourceFor(manager, actor, item.source, sourceIds);
          if (source.created) sourcesCreated++;
          await this.addEvidence(manager, actor, entity.id, source.id, item, importId);
          evidenceCreated++;
        }
        if (claim.evidence.length > 0) await this.evidence.recomputeClaim(entity.id, manager);
      }
      const claimsCreated = index;
      await this.audit.record(
        {
          actorId: actor?.id ?? null,
          entityType: IMPORT_ENTITY_TYPE,
          entityId: importId,
          action: 'import.completed',
          after: {
            projectId: request.projectId,
            format: request.format,
            fileName: request.fileName,
            bytes,
            rows,
            claimsCreated,
            sourcesCreated,
            evidenceCreated,
            duplicateWarnings: warningCount,
            duplicateChecksSkipped: Math.max(0, claimsCreated - MAX_DUPLICATE_CHECKS),
          },
        },
        manager,
      );
      return {
        ok: true as const,
        importId,
        format: request.format,
        bytes,
        rows,
        claimsCreated,
        sourcesCreated,
        evidenceCreated,
        claims: created,
        duplicateWarnings: warnings,
        duplicateWarningCount: warningCount,
        duplicateChecksSkipped: Math.max(0, claimsCreated - MAX_DUPLICATE_CHECKS),
      };
    });
  }

  private async assertProjectIn(manager: EntityManager, projectId: string): Promise<void> {
    if (!(await manager.existsBy(ProjectEntity, { id: projectId })))
      throw new NotFoundError('Project', projectId);
  }

  /** The registry source with this name (any case or spacing), or a new one (audited). */
  private async sourceFor(
    manager: EntityManager,
    actor: Actor | null,
    wanted: ImportedSource,
    cache: Map<string, string>,
  ): Promise<{ id: string; created: boolean }> {
    const key = sourceNameKey(wanted.name);
    const cached = cache.get(key);
    if (cached) return { id: cached, created: false };
    const existing = await manager.findOneBy(SourceEntity, { nameKey: key });
    if (existing) {
      cache.set(key, existing.id);
      return { id: existing.id, created: false };
    }
    const source = await this.sources.create(
      actor,
      { name: wanted.name, kind: wanted.kind, reliability: wanted.reliability },
      manager,
    );
    cache.set(key, source.id);
    return { id: source.id, created: true };
  }

  private async addEvidence(
    manager: EntityManager,
    actor: Actor | null,
    claimId: string,
    sourceId: string,
    item: ImportedClaim['evidence'][number],
    importId: string,
  ): Promise<void> {
    const now = new Date();
    const entity = manager.create(EvidenceEntity, {
      claimId,
      sourceId,
      url: item.url,
      title: item.title,
      excerpt: item.excerpt,
      publishedAt: item.publishedAt ? new Date(item.publishedAt) : null,
      retrievedAt: now,
      archiveUrl: null,
      stance: item.stance,
      credibility: item.credibility,
      note: null,
      derivedFromId: null,
      quantityMin: null,
      quantityMax: null,
      quantityUnit: null,
      quantityAsOf: null,
      anchorPrefix: null,
      anchorExact: null,
      anchorSuffix: null,
      retracted: false,
      retractionReason: null,
      addedById: actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.save(entity);
    await this.audit.record(
      {
        actorId: actor?.id ?? null,
        entityType: EVIDENCE_ENTITY_TYPE,
        entityId: entity.id,
        action: 'evidence.added',
        after: { ...evidenceAuditView(entity), importId },
      },
      manager,
    );
  }
}
