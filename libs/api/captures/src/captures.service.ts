import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Readable } from 'node:stream';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { CAPTURE_ENTITY_TYPE, ClaimsService } from '@corroborate/api-claims';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  BadInputError,
  ConflictError,
  checkStoredFilesLater,
  NotFoundError,
  InsufficientStorageError,
} from '@corroborate/api-core';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { CaptureEntity } from './capture.entity';
import { CaptureStore, type ReceivedBlob, storeFailure } from './capture-store';
import { type CaptureMethod } from './dto/capture.type';
import { type CaptureMediaType, detectMediaType, extractText } from './media';
import { fetchUrlToStore, UrlCaptureError } from './url-fetcher';
import { AddressPolicy } from './url-guard';

export interface UploadedFile {
  stream: Readable;
  fileName: string | null;
  declaredType: string | null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return cleaned || null;
}

@Injectable()
export class CapturesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Captures');
  readonly store: CaptureStore;
  private readonly policy: AddressPolicy;
  private checker: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
  ) {
    this.store = new CaptureStore(config.dataDir);
    this.policy = new AddressPolicy(config.capture);
  }

  /** Soon after start, checks that this server's data folder holds the captures' files. */
  onApplicationBootstrap(): void {
    this.checker = checkStoredFilesLater(this.logger, () => this.storedSample());
  }

  onApplicationShutdown(): void {
    if (this.checker) clearTimeout(this.checker);
  }

  /**
   * The files of the 20 newest captures (by the `captures_captured_at` index, whatever the size
   * of the table): a data folder restored from a backup older than the database, or not shared
   * with the server that stored them, lacks the newest first.
   */
  async storedSample(): Promise<{ what: string; paths: string[] }> {
    const rows = await this.dataSource.getRepository(CaptureEntity).find({
      select: { id: true, storageKey: true },
      order: { capturedAt: 'DESC' },
      take: 20,
    });
    return { what: 'captures', paths: rows.map((row) => this.store.pathOf(row.storageKey)) };
  }

  get maxBytes(): number {
    return this.config.uploadMaxBytes;
  }

  async get(id: string): Promise<CaptureEntity> {
    const capture = await this.dataSource.getRepository(CaptureEntity).findOneBy({ id });
    if (!capture) throw new NotFoundError('Capture', id);
    return capture;
  }

  /** Every capture of the given evidence items, newest version first (for DataLoaders). */
  listByEvidence(evidenceIds: readonly string[]): Promise<CaptureEntity[]> {
    if (evidenceIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CaptureEntity).find({
      where: { evidenceId: In([...evidenceIds]) },
      order: { version: 'DESC' },
    });
  }

  /**
   * The evidence item a capture would be attached to: it exists (NOT_FOUND), its claim exists and
   * is not locked (CONFLICT), and it is not retracted (CONFLICT). Checked before any bytes are
   * read and again in the transaction that records the capture.
   */
  async assertCapturable(
    actor: Actor,
    evidenceId: string,
    manager?: EntityManager,
  ): Promise<EvidenceEntity> {
    // The claim check locks the claim row, which needs a transaction (a short one when called alone).
    if (!manager)
      return this.dataSource.transaction((m) => this.assertCapturable(actor, evidenceId, m));
    const evidence = await manager.findOneBy(EvidenceEntity, { id: evidenceId });
    if (!evidence) throw new NotFoundError('Evidence', evidenceId);
    await this.claims.getForUpdate(evidence.claimId, manager);
    await this.claims.assertWorksOn(actor, evidence.claimId, 'capture evidence', manager);
    if (evidence.retracted) {
      throw new ConflictError('This evidence item is retracted; it takes no new captures.');
    }
    return evidence;
  }

  /** Streams an uploaded file into the store and records it as the evidence item's next capture. */
  async upload(actor: Actor, evidenceId: string, file: UploadedFile): Promise<CaptureEntity> {
    const fileName = cleanFileName(file.fileName);
    let mediaType: CaptureMediaType | null = null;
    try {
      const blob = await this.store.receive(file.stream, this.maxBytes, (head) => {
        mediaType = detectMediaType(head, file.declaredType, fileName);
      });
      return await this.keep(actor, evidenceId, blob, {
        method: 'UPLOAD',
        url: null,
        fileName,
        mediaType,
        declaredType: file.declaredType,
      });
    } catch (error) {
      throw this.storeError(error);
    }
  }

  /** Fetches a URL server-side (see {@link fetchUrlToStore}) and records it as the next capture. */
  async captureUrl(actor: Actor, evidenceId: string, url: string | null): Promise<CaptureEntity> {
    const evidence = await this.assertCapturable(actor, evidenceId);
    const target = url ?? evidence.url;
    let fetched;
    try {
      fetched = await fetchUrlToStore(target, {
        policy: this.policy,
        store: this.store,
        timeoutSeconds: this.config.capture.timeoutSeconds,
        maxRedirects: this.config.capture.maxRedirects,
        maxBytes: this.maxBytes,
      });
    } catch (error) {
      if (error instanceof UrlCaptureError) throw new BadInputError('url', error.message);
      throw this.storeError(error);
    }
    return this.keep(actor, evidenceId, fetched.blob, {
      method: 'URL_FETCH',
      url: fetched.finalUrl,
      fileName: null,
      mediaType: fetched.mediaType,
      declaredType: fetched.declaredType,
    }).catch((error: unknown) => {
      throw this.storeError(error);
    });
  }

  /**
   * A full or unwritable capture store as the error the person sees (INSUFFICIENT_STORAGE, what
   * was not kept and who can fix it), with the system's error in the log; others as they are.
   */
  private storeError(error: unknown): unknown {
    const failure = storeFailure(error);
    if (!failure) return error;
    this.logger.error(`Capture store ${failure.problem}: ${String(error)}`);
    return new InsufficientStorageError(failure.message);
  }

  /**
   * Extracts the text, moves the bytes into place and records the capture (next version) with
   * its audit event in one transaction. If recording fails, bytes this call stored are removed.
   */
  private async keep(
    actor: Actor,
    evidenceId: string,
    blob: ReceivedBlob,
    meta: {
      method: CaptureMethod;
      url: string | null;
      fileName: string | null;
      mediaType: CaptureMediaType | null;
      declaredType: string | null;
    },
  ): Promise<CaptureEntity> {
    let committed: { storageKey: string; created: boolean } | null = null;
    try {
      if (blob.byteSize === 0) {
        throw new BadInputError(
          meta.method === 'UPLOAD' ? 'file' : 'url',
          'The content is empty; nothing was captured.',
        );
      }
      const mediaType =
        meta.mediaType ?? detectMediaType(blob.head, meta.declaredType, meta.fileName);
      const extractedText =
        mediaType === 'text/html' || mediaType === 'text/plain'
          ? extractText(await this.store.readTemp(blob), mediaType, meta.declaredType)
          : null;
      committed = await this.store.commit(blob);
      const storageKey = committed.storageKey;
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.dataSource.transaction(async (manager) => {
            const evidence = await this.assertCapturable(actor, evidenceId, manager);
            const row = await manager
              .createQueryBuilder(CaptureEntity, 'c')
              .select('MAX(c.version)', 'max')
              .where('c.evidenceId = :evidenceId', { evidenceId })
              .getRawOne<{ max: number | string | null }>();
            const capture = manager.create(CaptureEntity, {
              evidenceId,
              version: Number(row?.max ?? 0) + 1,
              method: meta.method,
              url: meta.url,
              fileName: meta.fileName,
              mediaType,
              byteSize: blob.byteSize,
              sha256: blob.sha256,
              storageKey,
              extractedText,
              capturedById: actor.id,
              capturedAt: new Date(),
            });
            await manager.save(capture);
            await this.audit.record(
              {
                actorId: actor.id,
                entityType: CAPTURE_ENTITY_TYPE,
                entityId: capture.id,
                action: 'capture.created',
                after: {
                  claimId: evidence.claimId,
                  evidenceId,
                  version: capture.version,
                  method: capture.method,
                  url: capture.url,
                  fileName: capture.fileName,
                  mediaType: capture.mediaType,
                  byteSize: capture.byteSize,
                  sha256: capture.sha256,
                },
              },
              manager,
            );
            return capture;
          });
        } catch (error) {
          // Two captures of one item at once: the unique (evidenceId, version) index refuses one; retry.
          if (isUniqueViolation(error) && attempt < 3) continue;
          throw error;
        }
      }
    } catch (error) {
      if (committed === null) await this.store.discard(blob);
      else if (committed.created) await this.removeIfUnreferenced(committed.storageKey);
      throw error;
    }
  }

  private async removeIfUnreferenced(storageKey: string): Promise<void> {
    try {
      const used = await this.dataSource.getRepository(CaptureEntity).existsBy({ storageKey });
      if (!used) await this.store.remove(storageKey);
    } catch (error) {
      this.logger.warn(`Could not clean up capture file ${storageKey}: ${String(error)}`);
    }
  }
}
