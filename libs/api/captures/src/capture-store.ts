import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { discardWrittenFile, fileSystemProblem, openStoredFile } from '@corroborate/api-core';
import { SNIFF_BYTES } from './media';

/** Thrown while streaming when the content passes the size limit. */
export class CaptureTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(
      `The capture is larger than the limit of ${limit.toLocaleString('en-US')} bytes (UPLOAD_MAX_BYTES).`,
    );
    this.name = 'CaptureTooLargeError';
  }
}

/** Bytes received into a temporary file of the store, not yet kept. */
export interface ReceivedBlob {
  tempPath: string;
  sha256: string;
  byteSize: number;
  /** The first bytes, for sniffing the media type. */
  head: Buffer;
}

/**
 * Hashes, counts and limits bytes as they pass, and shows the first {@link SNIFF_BYTES} to
 * `onHead` (which may refuse the content by throwing) before anything past them is written.
 */
class Meter extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private headChunks: Buffer[] = [];
  private headLength = 0;
  private headSeen = false;
  head: Buffer = Buffer.alloc(0);

  constructor(
    private readonly maxBytes: number,
    private readonly onHead: (head: Buffer) => void,
  ) {
    super();
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  get byteSize(): number {
    return this.size;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(new CaptureTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    if (!this.headSeen) {
      this.headChunks.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < SNIFF_BYTES) return callback();
      try {
        this.seeHead();
      } catch (error) {
        return callback(error as Error);
      }
      const held = Buffer.concat(this.headChunks);
      this.headChunks = [];
      return callback(null, held);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.headSeen) return callback();
    try {
      this.seeHead();
    } catch (error) {
      return callback(error as Error);
    }
    const held = Buffer.concat(this.headChunks);
    this.headChunks = [];
    callback(null, held);
  }

  private seeHead(): void {
    this.headSeen = true;
    this.head = Buffer.concat(this.headChunks).subarray(0, SNIFF_BYTES);
    this.onHead(this.head);
  }
}

/**
 * The capture store: content-addressed files under `<dataDir>/captures/<sha[0..2]>/<sha>`.
 * Bytes stream into `tmp/` while they are hashed and limited, and are renamed into place only
 * when complete, so a failed or refused capture leaves nothing behind.
 */
export class CaptureStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'captures');
  }

  static storageKeyOf(sha256: string): string {
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) {
      throw new Error(`Not a capture storage key: ${storageKey}`);
    }
    return join(this.root, storageKey);
  }

  /** Streams `source` into a temporary file; on any failure the file is removed and the error rethrown. */
  async receive(
    source: Readable,
    maxBytes: number,
    onHead: (head: Buffer) => void = () => undefined,
  ): Promise<ReceivedBlob> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tempPath = join(tmpDir, `${randomUUID()}.part`);
    const meter = new Meter(maxBytes, onHead);
    const sink = createWriteStream(tempPath, { flags: 'wx', mode: 0o640 });
    try {
      await pipeline(source, meter, sink);
    } catch (error) {
      // A failure can come before the file is even open (an upload too large from its first
      // chunk); discarding waits for the stream to close, so no partial file outlives it.
      await discardWrittenFile(sink, tempPath);
      throw error;
    }
    return { tempPath, sha256: meter.digest(), byteSize: meter.byteSize, head: meter.head };
  }

  readTemp(blob: ReceivedBlob): Promise<Buffer> {
    return readFile(blob.tempPath);
  }

  /** Moves a received blob into place; `created` is false when identical content was already stored. */
  async commit(blob: ReceivedBlob): Promise<{ storageKey: string; created: boolean }> {
    const storageKey = CaptureStore.storageKeyOf(blob.sha256);
    const target = this.pathOf(storageKey);
    await mkdir(join(this.root, storageKey.slice(0, 2)), { recursive: true });
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      await unlink(blob.tempPath).catch(() => undefined);
      return { storageKey, created: false };
    }
    await rename(blob.tempPath, target);
    return { storageKey, created: true };
  }

  async discard(blob: ReceivedBlob): Promise<void> {
    await unlink(blob.tempPath).catch(() => undefined);
  }

  async remove(storageKey: string): Promise<void> {
    await unlink(this.pathOf(storageKey)).catch(() => undefined);
  }

  /** The stored bytes, opened; a missing file is a StoredFileMissingError naming `what`. */
  open(
    storageKey: string,
    what: string,
    details: Record<string, unknown> = {},
  ): Promise<ReadStream> {
    return openStoredFile(this.pathOf(storageKey), what, details);
  }
}

/**
 * What to tell the person when the capture store itself failed (full, or not writable): what
 * happened, that nothing was kept, and who can fix it — never a path or a system error code.
 */
export function storeFailure(error: unknown): { problem: string; message: string } | null {
  const problem = fileSystemProblem(error);
  if (problem === 'full')
    return {
      problem: 'is full',
      message:
        'The capture store is full, so nothing was stored. Tell an administrator: the disk holding the data folder needs space.',
    };
  if (problem === 'unwritable')
    return {
      problem: 'cannot be written',
      message:
        'Corroborate cannot write to its capture store, so nothing was stored. Tell an administrator: the server needs a writable captures folder in its data folder.',
    };
  return null;
}
