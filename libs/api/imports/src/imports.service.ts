import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { type Actor, APP_CONFIG, type AppConfig, NotFoundError } from '@corroborate/api-core';
import { refreshSqliteStatistics, timeOrderedId } from '@corroborate/api-database';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  type ImportFormat,
  type ImportProblem,
  type ImportStage,
  normaliseClaimText,
  type Priority,
  trigrams,
  counted,
} from '@corroborate/domain';
import { DuplicatesService, type DuplicateMatch } from './duplicates.service';
import {
  readImport,
  type ReadResult,
  type StagedClaim,
  type StagedImport,
  sweepAbandonedStaging,
} from './import-reader';
import { ImportWriter } from './import-writer';

export const IMPORT_ENTITY_TYPE = 'Import';
/** Created claims and duplicate warnings listed in a result (counts are always complete). */
export const MAX_LISTED = 1000;
/**
 * Records of one import checked for likely duplicates (one indexed query each, against the
 * project's claims as they grow): beyond this the import still commits, and the result says how
 * many records went unchecked, so a very large import stays fast.
 */
export const MAX_DUPLICATE_CHECKS = 1000;
/**
 * Claims written per batch: one multi-row insert per table each on PostgreSQL (larger batches,
 * fewer round trips); on SQLite a batch runs synchronously, so smaller ones keep the server
 * answering other requests in between.
 */
const BATCH = { postgres: 5000, sqlite: 2000 } as const;

/** Duplicate checks between two reports of the checking stage. */
const STAGE_EVERY = { checking: 100 } as const;

/** Likely duplicates listed per record, as in {@link DuplicatesService.find}. */
const DUPLICATE_LIMIT = 10;

/** The staged claims, in file order (the file is closed when the loop ends or breaks). */
async function* stagedClaims(path: string): AsyncGenerator<StagedClaim> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line) as StagedClaim;
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Likely duplicates among the records of one import (pg_trgm similarity of the normalised texts,
 * as {@link DuplicatesService.find} scores): each record is matched against the records added
 * before it, through an in-memory index of their trigrams, so checking n records costs the
 * trigrams they share rather than n² full comparisons.
 */
class InImportMatcher {
  private readonly postings = new Map<string, number[]>();
  private readonly claims: { id: string; text: string; size: number }[] = [];
  private readonly shared: Int32Array;

  constructor(capacity: number) {
    this.shared = new Int32Array(capacity);
  }

  matchAndAdd(id: string, text: string): DuplicateMatch[] {
    const set = trigrams(normaliseClaimText(text));
    const touched: number[] = [];
    for (const t of set)
      for (const j of this.postings.get(t) ?? []) if (this.shared[j]++ === 0) touched.push(j);
    const matches: DuplicateMatch[] = [];
    for (const j of touched) {
      const shared = this.shared[j];
      this.shared[j] = 0;
      const other = this.claims[j];
      const score = shared / (set.size + other.size - shared);
      if (score >= DEFAULT_DUPLICATE_THRESHOLD)
        matches.push({ claimId: other.id, text: other.text, status: 'NEW', score });
    }
    const index = this.claims.length;
    this.claims.push({ id, text, size: set.size });
    for (const t of set) {
      const list = this.postings.get(t);
      if (list) list.push(index);
      else this.postings.set(t, [index]);
    }
    return matches;
  }
}

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

/** Records a preview shows as they would be imported. */
export const PREVIEW_ROWS = 20;
/** Likely duplicates listed per previewed record. */
const PREVIEW_DUPLICATES = 3;

/** One record of a previewed file, as the import would create it. */
export interface PreviewRow {
  readonly line: number | null;
  readonly record: number;
  readonly text: string;
  readonly claimant: string | null;
  readonly topics: readonly string[];
  readonly priority: Priority;
  readonly dueAt: string | null;
  readonly firstAppearanceUrl: string | null;
  readonly firstAppearedAt: string | null;
  readonly evidenceCount: number;
  /** The names of the sources its evidence cites, each once, in file order. */
  readonly sources: readonly string[];
  /** Likely duplicates among the project's claims, best first. */
  readonly duplicates: readonly DuplicateMatch[];
  /** Likely duplicates among the records before it in the file (as the import warns), best first. */
  readonly earlierInFile: readonly { line: number | null; record: number; score: number }[];
}

/** What importing a valid file would do, read and checked exactly as the import does it. */
export interface ImportPreview {
  readonly ok: true;
  readonly format: ImportFormat;
  readonly bytes: number;
  readonly rows: number;
  /** Claims the import would create (one per record). */
  readonly claims: number;
  /** Evidence items of every record. */
  readonly evidence: number;
  /** The first {@link PREVIEW_ROWS} records. */
  readonly firstRows: readonly PreviewRow[];
}

export type PreviewOutcome = ImportPreview | ImportFailure;

export interface ImportRequest {
  readonly projectId: string;
  readonly format: ImportFormat;
  readonly fileName: string | null;
  readonly stream: Readable;
  /** While the file is read and validated: bytes read and records parsed so far. */
  readonly onProgress?: (bytes: number, rows: number) => void;
  /** Once the file is valid: each stage, and progress within it (per batch written). */
  readonly onStage?: (stage: ImportStage) => void;
}

@Injectable()
export class ImportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly duplicates: DuplicatesService,
  ) {}

  /** Staging files of imports cut short by a killed process are removed at start. */
  async onApplicationBootstrap(): Promise<void> {
    const removed = await sweepAbandonedStaging();
    if (removed > 0)
      this.logger.warn(
        `Removed ${counted(removed, 'staging folder')} of imports interrupted by a crash.`,
      );
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
    const startedAt = Date.now();
    const read = await this.read(request);
    if (!read.ok) return this.failureOf(request, read);
    try {
      this.logger.debug(
        `Import read and validated: ${counted(read.rows, 'record')} in ${Date.now() - startedAt} ms`,
      );
      const outcome = await this.commit(actor, request, read.staged, read.rows, read.bytes);
      // A large import can make SQLite's planner statistics stale (a project 10x larger): let it
      // refresh them, bounded, now rather than at the next hourly check.
      if (read.rows >= 1000) {
        const refreshedAt = Date.now();
        await refreshSqliteStatistics(this.dataSource, this.logger);
        this.logger.debug(`Planner statistics refreshed in ${Date.now() - refreshedAt} ms`);
      }
      return outcome;
    } finally {
      await read.staged.discard();
    }
  }

  /**
   * Reads and validates a file exactly as {@link import} does, and writes nothing: answers the
   * same problems for an invalid file, and for a valid one the counts and the first records as
   * they would be imported, each with its likely duplicates among the project's claims.
   */
  async preview(request: ImportRequest): Promise<PreviewOutcome> {
    const read = await this.read(request);
    if (!read.ok) return this.failureOf(request, read);
    try {
      const firstRows: PreviewRow[] = [];
      const matcher = new InImportMatcher(PREVIEW_ROWS);
      const lineOf = new Map<number, number | null>();
      let evidence = 0;
      for await (const item of stagedClaims(read.staged.path)) {
        evidence += item.claim.evidence.length;
        if (firstRows.length >= PREVIEW_ROWS) continue;
        const c = item.claim;
        const text = c.text.trim();
        lineOf.set(item.record, item.line);
        const earlierInFile = matcher
          .matchAndAdd(String(item.record), text)
          .map((m) => ({
            record: Number(m.claimId),
            line: lineOf.get(Number(m.claimId)) ?? null,
            score: m.score,
          }))
          .sort((x, y) => y.score - x.score || x.record - y.record)
          .slice(0, PREVIEW_DUPLICATES);
        firstRows.push({
          line: item.line,
          record: item.record,
          text,
          claimant: c.claimant,
          topics: c.topics,
          priority: c.priority,
          dueAt: c.dueAt,
          firstAppearanceUrl: c.firstAppearanceUrl,
          firstAppearedAt: c.firstAppearedAt,
          evidenceCount: c.evidence.length,
          sources: [...new Set(c.evidence.map((e) => e.source.name))],
          duplicates: await this.duplicates.find(
            null,
            request.projectId,
            text,
            null,
            PREVIEW_DUPLICATES,
          ),
          earlierInFile,
        });
      }
      return {
        ok: true,
        format: request.format,
        bytes: read.bytes,
        rows: read.rows,
        claims: read.staged.count,
        evidence,
        firstRows,
      };
    } finally {
      await read.staged.discard();
    }
  }

  /** The file read and validated into a staging file (the project must exist). */
  private async read(request: ImportRequest): Promise<ReadResult> {
    await this.assertProject(request.projectId);
    return readImport(request.stream, request.format, {
      maxBytes: this.maxBytes,
      jsonLdMaxBytes: this.jsonLdMaxBytes,
      onProgress: request.onProgress,
    });
  }

  private failureOf(
    request: ImportRequest,
    read: Extract<ReadResult, { ok: false }>,
  ): ImportFailure {
    return {
      ok: false,
      format: request.format,
      bytes: read.bytes,
      rows: read.rows,
      problems: read.problems,
      problemCount: read.problemCount,
    };
  }

  /**
   * The first records are checked for likely duplicates before the import's transaction begins:
   * the database finds those among the project's claims, the matcher those among the records
   * before them in this file, as if each had been checked just before it was written. Outside the
   * transaction, so that the lookup can use the project's trigram sets kept between lookups (a
   * transaction could see rows that are not committed, so inside one each lookup reads every text
   * of the project: at 100,000 claims a project that took minutes for 1,000 records). Nothing is
   * written yet, so the transaction sees the same claims. Returns the ids the checked records get.
   */
  private async checkDuplicates(
    request: ImportRequest,
    staged: StagedImport,
    rows: number,
    importId: string,
  ): Promise<{ checkedIds: string[]; warnings: DuplicateWarning[]; warningCount: number }> {
    const warnings: DuplicateWarning[] = [];
    let warningCount = 0;
    const checkedIds: string[] = [];
    const checkedAt = Date.now();
    const matcher = new InImportMatcher(MAX_DUPLICATE_CHECKS);
    const total = Math.min(rows, MAX_DUPLICATE_CHECKS);
    request.onStage?.({ event: 'checking', done: 0, total });
    for await (const item of stagedClaims(staged.path)) {
      if (checkedIds.length >= MAX_DUPLICATE_CHECKS) break;
      if (checkedIds.length > 0 && checkedIds.length % STAGE_EVERY.checking === 0)
        request.onStage?.({ event: 'checking', done: checkedIds.length, total });
      const id = timeOrderedId();
      checkedIds.push(id);
      const text = item.claim.text.trim();
      const matches = [
        ...(await this.duplicates.find(null, request.projectId, text)),
        ...matcher.matchAndAdd(id, text),
      ]
        .sort((x, y) => y.score - x.score || x.claimId.localeCompare(y.claimId))
        .slice(0, DUPLICATE_LIMIT);
      if (matches.length > 0) {
        warningCount++;
        if (warnings.length < MAX_LISTED)
          warnings.push({ line: item.line, record: item.record, text: item.claim.text, matches });
      }
    }
    request.onStage?.({ event: 'checking', done: checkedIds.length, total });
    this.logger.debug(
      `Import ${importId}: ${counted(checkedIds.length, 'record')} checked for duplicates in ${Date.now() - checkedAt} ms`,
    );
    return { checkedIds, warnings, warningCount };
  }

  private async commit(
    actor: Actor | null,
    request: ImportRequest,
    staged: StagedImport,
    rows: number,
    bytes: number,
  ): Promise<ImportSuccess> {
    const importId = timeOrderedId();
    // 1. Likely duplicates of the first records.
    const { checkedIds, warnings, warningCount } = await this.checkDuplicates(
      request,
      staged,
      rows,
      importId,
    );
    let committing = 0;
    // The transaction begins once no other write holds the database (SQLite: the server's
    // other requests, or another program such as the command-line tool).
    request.onStage?.({ event: 'waiting' });
    const outcome = await this.dataSource.transaction(async (manager) => {
      request.onStage?.({ event: 'writing', done: 0, total: rows });
      await this.assertProjectIn(manager, request.projectId);
      const created: ImportedClaimRow[] = [];
      const writtenAt = Date.now();
      // 2. Every record is written, in batches.
      const writer = new ImportWriter(manager, actor, request.projectId, importId);
      const batchSize =
        manager.connection.options.type === 'postgres' ? BATCH.postgres : BATCH.sqlite;
      let index = 0;
      let batch: (StagedClaim & { id: string })[] = [];
      const flush = async () => {
        await writer.write(batch);
        request.onStage?.({ event: 'writing', done: index, total: rows });
        for (const item of batch) {
          if (created.length >= MAX_LISTED) break;
          created.push({
            id: item.id,
            text: item.claim.text.trim(),
            line: item.line,
            record: item.record,
          });
        }
        batch = [];
      };
      for await (const item of stagedClaims(staged.path)) {
        batch.push({ ...item, id: checkedIds[index] ?? timeOrderedId() });
        index++;
        if (batch.length >= batchSize) await flush();
      }
      if (batch.length > 0) await flush();
      await writer.finish();
      this.logger.debug(
        `Import ${importId}: ${counted(index, 'claim')} written in ${Date.now() - writtenAt} ms`,
      );
      const claimsCreated = index;
      const { sourcesCreated, evidenceCreated } = writer;
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
      committing = Date.now();
      request.onStage?.({ event: 'committing', total: claimsCreated });
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
    this.logger.debug(`Import ${importId}: committed in ${Date.now() - committing} ms`);
    return outcome;
  }

  private async assertProjectIn(manager: EntityManager, projectId: string): Promise<void> {
    if (!(await manager.existsBy(ProjectEntity, { id: projectId })))
      throw new NotFoundError('Project', projectId);
  }
}
