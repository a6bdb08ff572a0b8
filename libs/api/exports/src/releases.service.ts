import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  BadInputError,
  ConflictError,
  NotFoundError,
  discardWrittenFile,
  checkStoredFilesLater,
  openStoredFile,
  readStoredText,
} from '@corroborate/api-core';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  type ExportManifest,
  type Verdict,
  counted,
} from '@corroborate/domain';
import { describeFilter, type ExportFilter } from './dto/export-filter.input';
import {
  endFile,
  type ExportProgress,
  ExportsService,
  HOUR_MS,
  idFolders,
  lastWritten,
  storeError,
} from './exports.service';
import {
  ReleaseClaimEntity,
  type ReleaseDeltaCounts,
  ReleaseEntity,
  type ReleaseFile,
} from './release.entity';

export const MAX_RELEASE_NAME = 120;

export interface ReleaseDelta {
  type: 'corroborate.release-delta';
  version: 1;
  release: { id: string; name: string; number: number };
  previous: { id: string; number: number } | null;
  added: { claimId: string; text: string; verdict: Verdict }[];
  changed: { claimId: string; text: string; oldVerdict: Verdict; newVerdict: Verdict }[];
  /** In the previous release, not in this one: reopened, rejected, or no longer matching. */
  retracted: {
    claimId: string;
    text: string;
    lastVerdict: Verdict;
    status: string;
    reason: string;
  }[];
}

export interface ReleaseManifest extends Omit<ExportManifest, 'format'> {
  release: { id: string; name: string; number: number; previousId: string | null };
  delta: ReleaseDeltaCounts;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

const REASONS: Record<string, string> = {
  IN_REVIEW: 'reopened',
  NEEDS_ADJUDICATION: 'reopened',
  NEW: 'reopened',
  REJECTED: 'rejected',
  VERIFIED: 'no longer matches the filters',
};

@Injectable()
export class ReleasesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Releases');
  private sweeper: NodeJS.Timeout | null = null;
  private checker: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exports: ExportsService,
    private readonly audit: AuditService,
  ) {}

  private get root(): string {
    return join(this.config.dataDir, 'releases');
  }

  private dir(id: string): string {
    return join(this.root, id);
  }

  /** Sweeps what release cuts cut short by a crash left behind, at start and then hourly. */
  onApplicationBootstrap(): void {
    const sweep = () =>
      void this.removeAbandoned().catch((error: unknown) =>
        this.logger.warn(`Could not remove abandoned release cuts: ${String(error)}`),
      );
    sweep();
    this.sweeper = setInterval(sweep, HOUR_MS);
    this.sweeper.unref();
    this.checker = checkStoredFilesLater(this.logger, () => this.storedSample());
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.checker) clearTimeout(this.checker);
  }

  /** The files of the newest releases, for the check that this server has the data folder. */
  async storedSample(): Promise<{ what: string; paths: string[] }> {
    const rows = await this.dataSource
      .getRepository(ReleaseEntity)
      .find({ select: { id: true, files: true }, order: { createdAt: 'DESC' }, take: 20 });
    return {
      what: 'release files',
      paths: rows.flatMap((row) => [
        join(this.dir(row.id), 'manifest.json'),
        ...row.files.map((f) => join(this.dir(row.id), f.format)),
      ]),
    };
  }

  /**
   * Removes the leftovers of release cuts that never completed (the process was killed mid-way):
   * a folder under `releases/` that no release owns and in which nothing was written for an
   * hour, and the `release_claims` rows recorded for it — rows first, then the folder, as a failed
   * cut does, so rows never outlive their folder. A cut still running (here or on another
   * instance sharing the data folder) keeps writing its files and is left alone; releases are
   * never removed.
   */
  async removeAbandoned(now = new Date()): Promise<{ folders: number; claimRows: number }> {
    const names = await idFolders(this.root);
    const owned = new Set<string>();
    for (let i = 0; i < names.length; i += 500) {
      const found = await this.dataSource
        .getRepository(ReleaseEntity)
        .find({ select: { id: true }, where: { id: In(names.slice(i, i + 500)) } });
      for (const row of found) owned.add(row.id);
    }
    let folders = 0;
    let claimRows = 0;
    for (const id of names) {
      if (owned.has(id)) continue;
      const dir = this.dir(id);
      if ((await lastWritten(dir)) >= now.getTime() - HOUR_MS) continue;
      const removed = await this.dataSource
        .getRepository(ReleaseClaimEntity)
        .delete({ releaseId: id });
      claimRows += removed.affected ?? 0;
      await rm(dir, { recursive: true, force: true });
      folders += 1;
    }
    if (folders > 0)
      this.logger.log(
        `Removed ${counted(folders, 'abandoned release folder')} and ${counted(claimRows, 'claim record')} of cuts that never completed.`,
      );
    return { folders, claimRows };
  }

  /**
   * Cuts the next release of `name`: one pass over the verified claims writes all three formats
   * and the snapshot of what it holds; then the delta against the previous release of that name
   * and the manifest. The release row is written last, so a failed cut leaves nothing behind.
   */
  async cut(
    actor: Actor | null,
    rawName: string,
    filter: ExportFilter,
    onProgress?: (p: ExportProgress) => void,
  ): Promise<ReleaseEntity> {
    const name = rawName.replace(/\s+/g, ' ').trim();
    if (!name || name.length > MAX_RELEASE_NAME)
      throw new BadInputError('name', `name must be between 1 and ${MAX_RELEASE_NAME} characters.`);
    const nameKey = name.toLowerCase();
    const repo = this.dataSource.getRepository(ReleaseEntity);
    const previous = await repo.findOne({ where: { nameKey }, order: { number: 'DESC' } });
    const number = (previous?.number ?? 0) + 1;
    const id = crypto.randomUUID();
    const dir = this.dir(id);
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw storeError(error, 'release');
    });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const slug =
      nameKey
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'release';
    const fileNames = Object.fromEntries(
      EXPORT_FORMATS.map((f) => [f, `${slug}-${number}-${stamp}.${f}`]),
    ) as Record<ExportFormat, string>;
    const streams = EXPORT_FORMATS.map((format) => ({
      format,
      stream: createWriteStream(join(dir, format)),
    }));
    try {
      const result = await this.exports.writeMany(
        streams.map((s) => ({ format: s.format, targets: [s.stream] })),
        filter,
        {
          onProgress,
          onBatch: async (records) => {
            await this.dataSource.getRepository(ReleaseClaimEntity).insert(
              records.map((r) => ({
                releaseId: id,
                claimId: r.id,
                verdict: r.adjudication.verdict,
                adjudicationId: r.adjudication.id,
              })),
            );
          },
        },
      );
      for (const s of streams) await endFile(s.stream);
      const files: ReleaseFile[] = result.outputs.map((o) => ({
        format: o.format,
        name: fileNames[o.format],
        mediaType: EXPORT_MEDIA_TYPES[o.format],
        bytes: o.bytes,
        sha256: o.sha256,
      }));
      const delta = await this.computeDelta({ id, name, number }, previous);
      await writeFile(join(dir, 'delta.json'), `${JSON.stringify(delta, null, 2)}\n`);
      const deltaCounts = {
        added: delta.added.length,
        changed: delta.changed.length,
        retracted: delta.retracted.length,
      };
      const manifest: ReleaseManifest = {
        type: 'corroborate.export-manifest',
        version: 1,
        exportId: null,
        release: { id, name, number, previousId: previous?.id ?? null },
        generatedAt: result.generatedAt,
        generatedBy: actor?.email ?? 'command-line tool',
        organisation: result.organisation,
        filters: describeFilter(filter),
        counts: result.counts,
        files: files.map(({ name: n, mediaType, bytes, sha256 }) => ({
          name: n,
          mediaType,
          bytes,
          sha256,
        })),
        delta: deltaCounts,
      };
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      return await this.dataSource.transaction(async (manager) => {
        const row = manager.create(ReleaseEntity, {
          id,
          name,
          nameKey,
          number,
          filters: manifest.filters,
          counts: result.counts,
          files,
          previousId: previous?.id ?? null,
          delta: deltaCounts,
          createdById: actor?.id ?? null,
        });
        await manager.save(ReleaseEntity, row);
        await this.audit.record(
          {
            actorId: actor?.id ?? null,
            entityType: 'Release',
            entityId: id,
            action: 'release.cut',
            after: {
              name,
              number,
              filters: manifest.filters,
              claims: result.counts.claims,
              delta: deltaCounts,
            },
          },
          manager,
        );
        return row;
      });
    } catch (error) {
      // Each stream closes before its folder goes: an open still pending would otherwise fail
      // with ENOENT after the removal, with no listener left (an uncaught exception).
      await Promise.all(streams.map((s) => discardWrittenFile(s.stream, join(dir, s.format))));
      await this.dataSource.getRepository(ReleaseClaimEntity).delete({ releaseId: id });
      await rm(dir, { recursive: true, force: true });
      if (isUniqueViolation(error))
        throw new ConflictError(
          `Release ${number} of "${name}" was just cut by someone else; cut again to make the next one.`,
          { field: 'name' },
        );
      throw storeError(error, 'release');
    }
  }

  private async computeDelta(
    release: { id: string; name: string; number: number },
    previous: ReleaseEntity | null,
  ): Promise<ReleaseDelta> {
    // The nil UUID stands for "no previous release" (a uuid column cannot compare with '').
    const oldId = previous?.id ?? '00000000-0000-0000-0000-000000000000';
    // Named parameters, so each dialect gets its placeholders in the order they appear.
    const q = (sql: string) => {
      const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, {
        newId: release.id,
        oldId,
      });
      return this.dataSource.query(text, values) as Promise<Record<string, string>[]>;
    };
    const p = (i: number) => (i === 1 ? ':newId' : ':oldId');
    const delta: ReleaseDelta = {
      type: 'corroborate.release-delta',
      version: 1,
      release,
      previous: previous ? { id: previous.id, number: previous.number } : null,
      added: [],
      changed: [],
      retracted: [],
    };
    const added = await q(
      `SELECT n."claimId", n."verdict", c."text" FROM "release_claims" n JOIN "claims" c ON c."id" = n."claimId"
       WHERE n."releaseId" = ${p(1)} AND NOT EXISTS (SELECT 1 FROM "release_claims" o WHERE o."releaseId" = ${p(2)} AND o."claimId" = n."claimId")
       ORDER BY c."createdAt", n."claimId"`,
    );
    delta.added = added.map((r) => ({
      claimId: r['claimId'],
      text: r['text'],
      verdict: r['verdict'] as Verdict,
    }));
    if (!previous) return delta;
    const changed = await q(
      `SELECT n."claimId", o."verdict" AS "oldVerdict", n."verdict" AS "newVerdict", c."text" FROM "release_claims" n
       JOIN "release_claims" o ON o."claimId" = n."claimId" AND o."releaseId" = ${p(2)}
       JOIN "claims" c ON c."id" = n."claimId"
       WHERE n."releaseId" = ${p(1)} AND (n."verdict" <> o."verdict" OR n."adjudicationId" <> o."adjudicationId")
       ORDER BY c."createdAt", n."claimId"`,
    );
    delta.changed = changed.map((r) => ({
      claimId: r['claimId'],
      text: r['text'],
      oldVerdict: r['oldVerdict'] as Verdict,
      newVerdict: r['newVerdict'] as Verdict,
    }));
    const retracted = await q(
      `SELECT o."claimId", o."verdict", c."text", c."status" FROM "release_claims" o JOIN "claims" c ON c."id" = o."claimId"
       WHERE o."releaseId" = ${p(2)} AND NOT EXISTS (SELECT 1 FROM "release_claims" n WHERE n."releaseId" = ${p(1)} AND n."claimId" = o."claimId")
       ORDER BY c."createdAt", o."claimId"`,
    );
    delta.retracted = retracted.map((r) => ({
      claimId: r['claimId'],
      text: r['text'],
      lastVerdict: r['verdict'] as Verdict,
      status: r['status'],
      reason: REASONS[r['status']] ?? 'no longer verified',
    }));
    return delta;
  }

  list(name?: string | null): Promise<ReleaseEntity[]> {
    return this.dataSource.getRepository(ReleaseEntity).find({
      where: name ? { nameKey: name.replace(/\s+/g, ' ').trim().toLowerCase() } : {},
      order: { createdAt: 'DESC', number: 'DESC' },
      take: 200,
    });
  }

  byIds(ids: string[]): Promise<ReleaseEntity[]> {
    return this.dataSource.getRepository(ReleaseEntity).findBy({ id: In(ids) });
  }

  async get(id: string): Promise<ReleaseEntity> {
    const row = await this.dataSource.getRepository(ReleaseEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('Release', id);
    return row;
  }

  async readJson(id: string, what: 'manifest' | 'delta'): Promise<unknown> {
    const row = await this.get(id);
    const text = await readStoredText(
      join(this.dir(id), `${what}.json`),
      `The ${what} of release ${row.number} of ${JSON.stringify(row.name)}`,
      { entity: 'Release', id },
    );
    return JSON.parse(text) as unknown;
  }

  async open(id: string, format: ExportFormat): Promise<{ file: ReleaseFile; stream: ReadStream }> {
    const row = await this.get(id);
    const file = row.files.find((f) => f.format === format)!;
    const stream = await openStoredFile(
      join(this.dir(id), format),
      `The ${format} file of release ${row.number} of ${JSON.stringify(row.name)}`,
      { entity: 'Release', id },
    );
    return { file, stream };
  }

  /** Where a release's files are kept (the CLI copies them out). */
  pathOf(id: string, what: ExportFormat | 'manifest.json' | 'delta.json'): string {
    return join(this.dir(id), what);
  }
}
