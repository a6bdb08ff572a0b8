import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Writable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AppError,
  discardWrittenFile,
  fileSystemProblem,
  InsufficientStorageError,
  NotFoundError,
  openStoredFile,
  readStoredText,
} from '@corroborate/api-core';
import { OrganisationService } from '@corroborate/api-organisation';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  claimReviewFeedFrame,
  claimReviewFeedItem,
  countRecord,
  CSV_COLUMNS,
  csvRowOf,
  emptyExportCounts,
  EXPORT_MEDIA_TYPES,
  type ExportCounts,
  type ExportFormat,
  exportFileName,
  type ExportManifest,
  ndjsonRecordOf,
  type VerifiedClaimRecord,
} from '@corroborate/domain';
import { describeFilter, type ExportFilter } from './dto/export-filter.input';
import { ExportEntity } from './export.entity';
import { ExportRecords } from './export-records';

export interface ExportProgress {
  /** VERIFIED claims read so far (before the verification-date range). */
  scanned: number;
  /** VERIFIED claims matching the queue filters: the most the export can hold. */
  total: number;
  /** Claims written so far. */
  written: number;
  bytes: number;
}

export interface ExportResult {
  counts: ExportCounts;
  bytes: number;
  sha256: string;
  generatedAt: string;
}

/** Writes to every target with backpressure, and hashes and counts what it wrote. */
class HashingSink {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly targets: Writable[]) {
    // A target that fails (a full disk, say) while no write waits on it must not throw its error
    // at the process: the next write finds it destroyed, with the error, and rejects with it.
    // (Without a listener the error went to the process, and the 'close' a waiting write needs
    // never came: the export hung.)
    for (const t of targets) t.on('error', () => undefined);
  }

  async write(text: string): Promise<void> {
    if (!text) return;
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    await Promise.all(
      this.targets.map(
        (t) =>
          new Promise<void>((resolve, reject) => {
            // A destination that failed (a full disk, say) is closed with its own error.
            const closed = () => t.errored ?? new Error('The export destination was closed.');
            if (t.destroyed) return reject(closed());
            if (t.write(chunk)) return resolve();
            const onDrain = () => {
              t.off('close', onClose);
              resolve();
            };
            const onClose = () => {
              t.off('drain', onDrain);
              reject(closed());
            };
            t.once('drain', onDrain);
            t.once('close', onClose);
          }),
      ),
    );
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

const storeLogger = new Logger('Exports');

/**
 * A full or unwritable store as the error the person sees (507, what was not kept and who can
 * fix it, no path or system code); any other error as it is.
 */
export function storeError(error: unknown, what: 'export' | 'release'): unknown {
  const store = what === 'export' ? 'export store' : 'release store';
  const kept = what === 'export' ? 'the export was not kept' : 'the release was not cut';
  const problem = fileSystemProblem(error);
  // The operator's log keeps what the person is not shown: the path and the system's error.
  if (problem) storeLogger.error(`The ${store} could not be written: ${String(error)}`);
  switch (problem) {
    case 'full':
      return new InsufficientStorageError(
        `The ${store} is full, so ${kept}. Tell an administrator: the disk holding the data folder needs space.`,
      );
    case 'unwritable':
      return new InsufficientStorageError(
        `Corroborate cannot write to its ${store}, so ${kept}. Tell an administrator: the server needs a writable ${what}s folder in its data folder.`,
      );
    default:
      return error;
  }
}

/**
 * Ends a file stream once all it was given is written, or rejects: when it fails now, and when it
 * already failed (a full disk while the last writes were buffered). `end`'s callback then gets
 * an error, which was ignored, and a truncated file was renamed into place as complete.
 */
export function endFile(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.errored) return reject(stream.errored);
    stream.once('error', reject);
    stream.end((error?: Error | null) => (error ? reject(stream.errored ?? error) : resolve()));
  });
}

@Injectable()
/** An export whose files were removed after EXPORT_RETENTION_HOURS. */
export class ExportExpiredError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(id: string, hours: number) {
    super(
      `Export ${JSON.stringify(id)} was removed after ${hours} hours (EXPORT_RETENTION_HOURS); run the export again, or cut a release to keep a set.`,
      { entity: 'Export', id },
    );
  }
}

export const HOUR_MS = 60 * 60 * 1000;

/**
 * When anything in an export or release folder was last written: an export or release cut still
 * being streamed (by this or another instance sharing the data folder) keeps touching its files.
 */
export async function lastWritten(dir: string): Promise<number> {
  let newest = (await stat(dir)).mtime.getTime();
  for (const entry of await readdir(dir)) {
    const modified = (await stat(join(dir, entry)).catch(() => null))?.mtime.getTime() ?? 0;
    newest = Math.max(newest, modified);
  }
  return newest;
}
const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The folders under `root` named by an id (an export's or a release's), none when `root` does
 * not exist yet.
 */
export async function idFolders(root: string): Promise<string[]> {
  try {
    return (await readdir(root, { withFileTypes: true }))
      .filter((d) => d.isDirectory() && EXPORT_ID.test(d.name))
      .map((d) => d.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export class ExportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Exports');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisation: OrganisationService,
    private readonly records: ExportRecords,
    private readonly audit: AuditService,
  ) {}

  get publicUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  private get root(): string {
    return join(this.config.dataDir, 'exports');
  }

  /** Sweeps expired and abandoned export files at start and then hourly. */
  onApplicationBootstrap(): void {
    const sweep = () =>
      void this.removeExpired().catch((error: unknown) =>
        this.logger.warn(`Could not remove expired exports: ${String(error)}`),
      );
    sweep();
    this.sweeper = setInterval(sweep, HOUR_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private expired(row: ExportEntity, now = new Date()): boolean {
    const hours = this.config.exportRetentionHours;
    return hours > 0 && row.createdAt.getTime() < now.getTime() - hours * HOUR_MS;
  }

  /**
   * Removes the files of exports older than EXPORT_RETENTION_HOURS (their records and audit
   * events stay), and folders no export record owns in which nothing was written for an hour:
   * an export that never completed (a crash mid-way). Releases live elsewhere and are never removed.
   */
  async removeExpired(now = new Date()): Promise<{ expired: number; abandoned: number }> {
    const names = await idFolders(this.root);
    const rows = new Map<string, ExportEntity>();
    for (let i = 0; i < names.length; i += 500) {
      const found = await this.dataSource
        .getRepository(ExportEntity)
        .findBy({ id: In(names.slice(i, i + 500)) });
      for (const row of found) rows.set(row.id, row);
    }
    let expired = 0;
    let abandoned = 0;
    for (const name of names) {
      const dir = join(this.root, name);
      const row = rows.get(name);
      if (row) {
        if (!this.expired(row, now)) continue;
        await rm(dir, { recursive: true, force: true });
        expired += 1;
      } else if ((await lastWritten(dir)) < now.getTime() - HOUR_MS) {
        await rm(dir, { recursive: true, force: true });
        abandoned += 1;
      }
    }
    if (expired + abandoned > 0)
      this.logger.log(`Removed ${expired} expired and ${abandoned} abandoned export folders.`);
    return { expired, abandoned };
  }

  /**
   * Streams the VERIFIED claims of `filter` in `format` into `targets` (a file, a response),
   * batch by batch, in constant memory. An empty set gives a valid empty document.
   */
  async write(
    format: ExportFormat,
    filter: ExportFilter,
    targets: Writable[],
    onProgress: (p: ExportProgress) => void = () => undefined,
  ): Promise<ExportResult & { organisation: ExportManifest['organisation'] }> {
    const { outputs, ...rest } = await this.writeMany([{ format, targets }], filter, {
      onProgress,
    });
    return { ...rest, bytes: outputs[0].bytes, sha256: outputs[0].sha256 };
  }

  /**
   * One pass over the database writing several formats at once (a release holds all three, and
   * they must describe the same moment). `onBatch` sees each batch of records after it is written.
   */
  async writeMany(
    outputs: { format: ExportFormat; targets: Writable[] }[],
    filter: ExportFilter,
    options: {
      onProgress?: (p: ExportProgress) => void;
      onBatch?: (records: VerifiedClaimRecord[]) => Promise<void>;
    } = {},
  ): Promise<{
    counts: ExportCounts;
    generatedAt: string;
    organisation: ExportManifest['organisation'];
    outputs: { format: ExportFormat; bytes: number; sha256: string }[];
  }> {
    if (
      filter.projectId &&
      !(await this.dataSource.getRepository(ProjectEntity).existsBy({ id: filter.projectId }))
    )
      throw new NotFoundError('Project', filter.projectId);
    const generatedAt = new Date().toISOString();
    const org = await this.organisation.forExport();
    const total = await this.records.candidates(filter);
    const sinks = outputs.map((o) => ({ format: o.format, sink: new HashingSink(o.targets) }));
    const counts = emptyExportCounts();
    const sources = new Set<string>();
    const frame = claimReviewFeedFrame(org, generatedAt);
    let scanned = 0;
    const report = () =>
      options.onProgress?.({
        scanned,
        total,
        written: counts.claims,
        bytes: sinks.reduce((n, s) => n + s.sink.bytes, 0),
      });
    report();
    for (const { format, sink } of sinks) {
      if (format === 'jsonld') await sink.write(frame.opening);
      if (format === 'csv') await sink.write(stringify([[...CSV_COLUMNS]]));
    }
    for await (const batch of this.records.batches(filter, this.publicUrl, (n) => {
      scanned = n;
    })) {
      for (const { format, sink } of sinks) {
        let text = '';
        batch.forEach((record, i) => {
          if (format === 'jsonld')
            text +=
              (counts.claims + i > 0 ? frame.separator : '') +
              JSON.stringify(claimReviewFeedItem(record, org));
          else if (format === 'csv') text += stringify([csvRowOf(record)]);
          else text += `${JSON.stringify(ndjsonRecordOf(record))}\n`;
        });
        await sink.write(text);
      }
      for (const record of batch) countRecord(counts, record, sources);
      await options.onBatch?.(batch);
      report();
    }
    for (const { format, sink } of sinks) if (format === 'jsonld') await sink.write(frame.closing);
    report();
    return {
      counts,
      generatedAt,
      organisation: org,
      outputs: sinks.map(({ format, sink }) => ({
        format,
        bytes: sink.bytes,
        sha256: sink.digest(),
      })),
    };
  }

  /** The manifest of a written export. */
  manifestOf(
    format: ExportFormat,
    filter: ExportFilter,
    result: ExportResult & { organisation: ExportManifest['organisation'] },
    fileName: string,
    exportId: string | null,
    generatedBy: string | null,
  ): ExportManifest {
    return {
      type: 'corroborate.export-manifest',
      version: 1,
      exportId,
      format,
      generatedAt: result.generatedAt,
      generatedBy,
      organisation: result.organisation,
      filters: describeFilter(filter),
      counts: result.counts,
      files: [
        {
          name: fileName,
          mediaType: EXPORT_MEDIA_TYPES[format],
          bytes: result.bytes,
          sha256: result.sha256,
        },
      ],
    };
  }

  /**
   * Writes `file` and `<file>.manifest.json` (the CLI). The file is written under a temporary
   * name and renamed when complete, so a failed export leaves no half file behind.
   */
  async writeFile(
    format: ExportFormat,
    filter: ExportFilter,
    file: string,
    onProgress?: (p: ExportProgress) => void,
  ): Promise<ExportManifest> {
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    try {
      const result = await this.write(format, filter, [out], onProgress);
      await endFile(out);
      await rename(partial, file);
      const name = file.split(/[\\/]/).pop() ?? file;
      const manifest = this.manifestOf(format, filter, result, name, null, 'command-line tool');
      await writeFile(`${file}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      return manifest;
    } catch (error) {
      await discardWrittenFile(out, partial);
      throw error;
    }
  }

  /**
   * Runs an export for a signed-in user: the file and its manifest are kept under
   * `$DATA_DIR/exports/<id>/` for download, recorded (with an audit event) once complete.
   * `also` receives the same bytes as they are written (the streaming download).
   */
  async create(
    actor: Actor,
    format: ExportFormat,
    filter: ExportFilter,
    options: {
      also?: Writable;
      onProgress?: (p: ExportProgress) => void;
      id?: string;
      fileName?: string;
    } = {},
  ): Promise<ExportManifest> {
    const id = options.id ?? crypto.randomUUID();
    const dir = join(this.root, id);
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw storeError(error, 'export');
    });
    const fileName = options.fileName ?? exportFileName(format, new Date().toISOString());
    const out = createWriteStream(join(dir, 'export.partial'));
    try {
      const targets: Writable[] = options.also ? [out, options.also] : [out];
      const result = await this.write(format, filter, targets, options.onProgress);
      await endFile(out);
      const manifest = this.manifestOf(format, filter, result, fileName, id, actor.email);
      await rename(join(dir, 'export.partial'), join(dir, 'export'));
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await this.dataSource.transaction(async (manager) => {
        const row = manager.create(ExportEntity, {
          id,
          format,
          fileName,
          filters: manifest.filters,
          counts: result.counts,
          byteSize: result.bytes,
          sha256: result.sha256,
          createdById: actor.id,
        });
        await manager.save(ExportEntity, row);
        await this.audit.record(
          {
            actorId: actor.id,
            entityType: 'Export',
            entityId: id,
            action: 'export.created',
            after: {
              format,
              fileName,
              filters: manifest.filters,
              claims: result.counts.claims,
              sha256: result.sha256,
            },
          },
          manager,
        );
      });
      return manifest;
    } catch (error) {
      // Wait for the stream to close first: an open still pending would fail (or create the
      // file again) after the folder is gone.
      await discardWrittenFile(out, join(dir, 'export.partial'));
      await rm(dir, { recursive: true, force: true });
      throw storeError(error, 'export');
    }
  }

  idFor(): string {
    return crypto.randomUUID();
  }

  async get(id: string): Promise<ExportEntity> {
    const row = await this.dataSource.getRepository(ExportEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('Export', id);
    if (this.expired(row)) throw new ExportExpiredError(id, this.config.exportRetentionHours);
    return row;
  }

  async manifest(id: string): Promise<ExportManifest> {
    await this.get(id);
    return JSON.parse(
      await readStoredText(join(this.root, id, 'manifest.json'), `The manifest of export ${id}`, {
        entity: 'Export',
        id,
      }),
    ) as ExportManifest;
  }

  /** The stored file of an export, opened for reading. */
  async open(id: string): Promise<{ row: ExportEntity; stream: ReadStream }> {
    const row = await this.get(id);
    const stream = await openStoredFile(join(this.root, id, 'export'), `Export ${id}`, {
      entity: 'Export',
      id,
    });
    return { row, stream };
  }

  /** Recent exports, newest first. */
  recent(limit = 20): Promise<ExportEntity[]> {
    return this.dataSource
      .getRepository(ExportEntity)
      .find({ order: { createdAt: 'DESC' }, take: limit });
  }
}
