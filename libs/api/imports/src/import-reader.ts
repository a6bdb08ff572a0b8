import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, type Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { fileSystemProblem, InsufficientStorageError } from '@corroborate/api-core';
import {
  checkCsvHeader,
  claimReviewRecords,
  csvProblem,
  csvRowToRecord,
  type FieldProblem,
  type ImportedClaim,
  type ImportFormat,
  IMPORT_LIMITS,
  type ImportProblem,
  validateClaimRecord,
} from '@corroborate/domain';

/** At most this many problems are listed; `problemCount` says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 1000;

export class ImportTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    what = 'The file',
  ) {
    super(`${what} is larger than the limit of ${maxBytes} bytes; nothing was imported.`);
  }
}

/** One line of the staging file: a valid claim and where it was in the uploaded file. */
export interface StagedClaim {
  /** File line (CSV, NDJSON) or null (JSON-LD). */
  readonly line: number | null;
  /** Record number (n-th data row or ClaimReview). */
  readonly record: number;
  readonly claim: ImportedClaim;
}

/**
 * A staged, fully validated batch: one {@link StagedClaim} per line of a temporary NDJSON file
 * (nothing per row is kept in memory).
 */
export interface StagedImport {
  readonly path: string;
  readonly count: number;
  discard(): Promise<void>;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly rows: number;
      readonly bytes: number;
      readonly staged: StagedImport;
    }
  | {
      readonly ok: false;
      readonly rows: number;
      readonly bytes: number;
      readonly problems: readonly ImportProblem[];
      readonly problemCount: number;
    };

export interface ReadOptions {
  readonly maxBytes: number;
  readonly jsonLdMaxBytes: number;
  /** Called now and then with bytes read and records parsed so far. */
  readonly onProgress?: (bytes: number, rows: number) => void;
}

class Problems {
  readonly listed: ImportProblem[] = [];
  count = 0;
  add(problem: ImportProblem): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }
  sortByLine(): void {
    this.listed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  addAll(line: number | null, record: number | null, problems: readonly FieldProblem[]): void {
    for (const p of problems) this.add({ line, record, field: p.field, reason: p.reason });
  }
}

class InvalidEncoding extends Error {
  constructor(readonly line: number) {
    super(`the file is not valid UTF-8 (first bad byte on line ${line}); save it as UTF-8.`);
  }
}

/**
 * The byte stream as UTF-8 text chunks, counting bytes against `maxBytes` (ImportTooLargeError)
 * and refusing invalid UTF-8 (InvalidEncoding with the line). A leading BOM is dropped.
 */
async function* utf8Chunks(
  stream: Readable,
  maxBytes: number,
  counter: { bytes: number },
  tooLarge: () => Error,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
    counter.bytes += chunk.length;
    if (counter.bytes > maxBytes) throw tooLarge();
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const lossy = new TextDecoder('utf-8').decode(chunk);
      const bad = lossy.indexOf('\uFFFD');
      const before = bad < 0 ? lossy : lossy.slice(0, bad);
      throw new InvalidEncoding(lines + (before.match(/\n/g)?.length ?? 0));
    }
    lines += text.match(/\n/g)?.length ?? 0;
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new InvalidEncoding(lines);
  }
  if (rest) yield rest;
}

const STAGING_PREFIX = 'corroborate-import-';

const stagingLogger = new Logger('Imports');

/**
 * A failure to keep a valid file in the server's temporary folder (full, or not writable) as
 * {@link InsufficientStorageError}: it says that nothing was imported and who can fix it, never a
 * path or a system error code (the original is logged). Any other error is returned as it is.
 */
export function stagingError(error: unknown): unknown {
  const problem = fileSystemProblem(error);
  if (problem === null) return error;
  stagingLogger.error(`Import staging failed: ${String(error)}`);
  return new InsufficientStorageError(
    problem === 'full'
      ? "The server's temporary folder is full, so nothing was imported. Tell an administrator: the disk holding the temporary folder (TMPDIR) needs space."
      : 'The server cannot write to its temporary folder, so nothing was imported. Tell an administrator: the server needs a writable temporary folder (TMPDIR).',
  );
}

/**
 * Removes the staging folders of imports whose process no longer runs (killed mid-import: a clean
 * failure discards its own). Folders of live processes — other instances on this machine — stay.
 * Returns how many were removed.
 */
export async function sweepAbandonedStaging(): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    const pid = Number(new RegExp(`^${STAGING_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || processRuns(pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Waits until a stream that refused a write wants more, or has ended instead (destroyed, closed
 * or failed: no 'drain' would ever come, and waiting for it alone hung the import for good).
 */
function drainedOrEnded(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error'] as const) stream.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error'] as const) stream.on(event, done);
  });
}

class Stage {
  private out: WriteStream;
  count = 0;
  private constructor(
    readonly dir: string,
    readonly path: string,
  ) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (error) => (this.failure = error));
  }

  private failure: Error | null = null;

  static async open(): Promise<Stage> {
    // The owner's pid in the name lets a later process remove it if this one is killed.
    const dir = await mkdtemp(join(tmpdir(), `${STAGING_PREFIX}${process.pid}-`)).catch(
      (error: unknown) => {
        throw stagingError(error);
      },
    );
    return new Stage(dir, join(dir, 'staged.ndjson'));
  }

  async push(claim: ImportedClaim, line: number | null, record: number): Promise<void> {
    if (this.failure) throw stagingError(this.failure);
    this.count++;
    const staged: StagedClaim = { line, record, claim };
    if (!this.out.write(`${JSON.stringify(staged)}\n`)) await drainedOrEnded(this.out);
    // A failed write (a full disk, say) ends the stream instead of draining it.
    if (this.failure) throw stagingError(this.failure);
  }

  async close(): Promise<void> {
    if (this.failure) throw stagingError(this.failure);
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(stagingError(error)) : resolve())),
    );
  }

  discard = async (): Promise<void> => {
    // Let pending writes finish (destroying mid-write makes the fs callback throw), then delete.
    if (!this.out.writableFinished && !this.out.destroyed)
      await new Promise<void>((resolve) => this.out.end(() => resolve()));
    await rm(this.dir, { recursive: true, force: true });
  };
}

const CSV_MESSAGES: Record<string, (e: CsvError & { lines?: number }) => string> = {
  CSV_QUOTE_NOT_CLOSED: () =>
    'unbalanced quotes: a quoted field is never closed before the end of the file.',
  CSV_INVALID_CLOSING_QUOTE: () =>
    'unbalanced quotes: a quote inside a quoted field must be doubled ("") and a quoted field must end at a comma or line end.',
  CSV_RECORD_INCONSISTENT_COLUMNS: (e) =>
    `wrong number of fields: ${String((e as unknown as { record?: unknown[] }).record?.length ?? 'a different number of')} fields, but the header has ${String(
      (e as unknown as { columns?: unknown[] }).columns?.length ?? 'another number of',
    )} columns.`,
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: (e) =>
    `wrong number of fields: ${String((e as unknown as { record?: unknown[] }).record?.length ?? 'a different number of')} fields, but the header has ${String(
      (e as unknown as { columns?: unknown[] }).columns?.length ?? 'another number of',
    )} columns.`,
  CSV_MAX_RECORD_SIZE: () =>
    `the row is longer than ${IMPORT_LIMITS.record} characters (probably an unclosed quote); rows after it were not checked.`,
};

function csvMessage(error: CsvError): string {
  const f = CSV_MESSAGES[error.code];
  return f ? f(error) : `the CSV could not be read: ${error.message}`;
}

async function readCsv(
  text: AsyncIterable<string>,
  stage: Stage,
  problems: Problems,
  progress: (rows: number) => void,
): Promise<number> {
  let rows = 0;
  let headerOk = true;
  const parser = parseCsv({
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: IMPORT_LIMITS.record,
    columns: (header: string[]) => {
      const headerProblems = checkCsvHeader(header);
      if (headerProblems.length > 0) {
        headerOk = false;
        problems.addAll(1, null, headerProblems);
      }
      return header.map((h) => h.trim());
    },
  });
  let fatal = false;
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    rows++;
    problems.add({
      line: error.lines ?? null,
      record: null,
      field: null,
      reason: csvMessage(error),
    });
    if (error.code === 'CSV_MAX_RECORD_SIZE') fatal = true;
  });
  const feeding = (async () => {
    try {
      for await (const chunk of text) {
        if (fatal || !headerOk) break;
        if (!parser.write(chunk)) await drainedOrEnded(parser);
        // The records' reader stopped (a staging write failed, say) and destroyed the parser.
        if (parser.destroyed) return;
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    await csvRecords();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw error;
    problems.add({
      line: (error as { lines?: number }).lines ?? null,
      record: null,
      field: null,
      reason: csvMessage(error as CsvError),
    });
  } finally {
    await feeding;
  }
  // csv-parse reports skipped (malformed) rows ahead of the records read before them.
  problems.sortByLine();
  return rows;

  async function csvRecords(): Promise<void> {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (fatal || !headerOk) continue;
      rows++;
      const line = item.info.lines;
      const result = validateClaimRecord(csvRowToRecord(item.record));
      if (result.ok) {
        if (problems.count === 0) await stage.push(result.claim, line, rows);
      } else problems.addAll(line, null, result.problems.map(csvProblem));
      if (rows % 1000 === 0) progress(rows);
    }
  }
}

async function readNdjson(
  text: AsyncIterable<string>,
  stage: Stage,
  problems: Problems,
  progress: (rows: number) => void,
): Promise<number> {
  let rows = 0;
  let lineNo = 0;
  let buffer = '';
  let skipping = false;
  const handle = async (line: string) => {
    lineNo++;
    if (line.trim() === '') return;
    rows++;
    if (line.length > IMPORT_LIMITS.record) {
      problems.add({
        line: lineNo,
        record: rows,
        field: null,
        reason: `the line is longer than ${IMPORT_LIMITS.record} characters.`,
      });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.add({
        line: lineNo,
        record: rows,
        field: null,
        reason: `not valid JSON: ${(error as Error).message}.`,
      });
      return;
    }
    const result = validateClaimRecord(value);
    if (result.ok) {
      if (problems.count === 0) await stage.push(result.claim, lineNo, rows);
    } else problems.addAll(lineNo, rows, result.problems);
    if (rows % 1000 === 0) progress(rows);
  };
  for await (const chunk of text) {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (skipping) {
        skipping = false;
        lineNo++;
        continue;
      }
      await handle(line);
    }
    if (!skipping && buffer.length > IMPORT_LIMITS.record) {
      rows++;
      problems.add({
        line: lineNo + 1,
        record: rows,
        field: null,
        reason: `the line is longer than ${IMPORT_LIMITS.record} characters.`,
      });
      skipping = true;
    }
    if (skipping) buffer = '';
  }
  if (skipping) lineNo++;
  else if (buffer.length > 0) await handle(buffer.replace(/\r$/, ''));
  return rows;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function readJsonLd(
  text: AsyncIterable<string>,
  stage: Stage,
  problems: Problems,
): Promise<number> {
  // JSON-LD is parsed whole (bounded by IMPORT_JSONLD_MAX_BYTES, checked on the bytes).
  let whole = '';
  for await (const chunk of text) whole += chunk;
  let doc: unknown;
  try {
    doc = JSON.parse(whole);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    problems.add({
      line: position ? lineAt(whole, Number(position[1])) : null,
      record: null,
      field: null,
      reason: `not valid JSON: ${message}.`,
    });
    return 0;
  }
  whole = '';
  const found = claimReviewRecords(doc);
  for (const p of found.problems) problems.add(p);
  for (const { record, value } of found.records) {
    const size = JSON.stringify(value).length;
    if (size > IMPORT_LIMITS.record) {
      problems.add({
        line: null,
        record,
        field: null,
        reason: `the ClaimReview is ${size} characters; at most ${IMPORT_LIMITS.record} are allowed.`,
      });
      continue;
    }
    const result = validateClaimRecord(value);
    if (result.ok) {
      if (problems.count === 0) await stage.push(result.claim, null, record);
    } else problems.addAll(null, record, result.problems.map(claimReviewProblem));
  }
  return found.records.length + found.problems.filter((p) => p.record !== null).length;
}

/** Record paths in ClaimReview terms, so the reader can find the property in their file. */
function claimReviewProblem(p: FieldProblem): FieldProblem {
  const names: Record<string, string> = {
    text: 'claimReviewed',
    claimant: 'itemReviewed.author',
    firstAppearanceUrl: 'itemReviewed.appearance',
    firstAppearedAt: 'itemReviewed.datePublished',
    'evidence[0].url': 'url',
    'evidence[0].publishedAt': 'datePublished',
    'evidence[0].title': 'name',
    'evidence[0].source.name': 'author',
  };
  const field = p.field !== null ? (names[p.field] ?? p.field) : null;
  return {
    field,
    reason: p.field !== null && field !== null ? p.reason.split(p.field).join(field) : p.reason,
  };
}

/**
 * Reads an import file: streams it (CSV through csv-parse, NDJSON line by line; JSON-LD is read
 * whole, up to its own limit), validates every record, and writes the valid ones to a temporary
 * staging file — which is kept only when the whole file has no problem. Throws
 * ImportTooLargeError when the file passes the size limit (the caller answers 413).
 */
export async function readImport(
  stream: Readable,
  format: ImportFormat,
  options: ReadOptions,
): Promise<ReadResult> {
  const problems = new Problems();
  const counter = { bytes: 0 };
  const maxBytes =
    format === 'jsonld' ? Math.min(options.jsonLdMaxBytes, options.maxBytes) : options.maxBytes;
  const tooLarge = () =>
    new ImportTooLargeError(maxBytes, format === 'jsonld' ? 'The JSON-LD document' : 'The file');
  const text = utf8Chunks(stream, maxBytes, counter, tooLarge);
  const stage = await Stage.open();
  let rows = 0;
  const progress = (n: number) => options.onProgress?.(counter.bytes, n);
  try {
    try {
      if (format === 'csv') rows = await readCsv(text, stage, problems, progress);
      else if (format === 'ndjson') rows = await readNdjson(text, stage, problems, progress);
      else rows = await readJsonLd(text, stage, problems);
    } catch (error) {
      if (!(error instanceof InvalidEncoding)) throw error;
      problems.add({ line: error.line, record: null, field: null, reason: error.message });
    }
    await stage.close();
  } catch (error) {
    await stage.discard();
    throw error;
  }
  options.onProgress?.(counter.bytes, rows);
  if (counter.bytes === 0) {
    problems.add({
      line: null,
      record: null,
      field: 'file',
      reason: 'the file is empty (0 bytes).',
    });
  } else if (problems.count === 0 && stage.count === 0) {
    problems.add({ line: null, record: null, field: 'file', reason: 'the file holds no claims.' });
  }
  if (problems.count > 0) {
    await stage.discard();
    return {
      ok: false,
      rows,
      bytes: counter.bytes,
      problems: problems.listed,
      problemCount: problems.count,
    };
  }
  return {
    ok: true,
    rows,
    bytes: counter.bytes,
    staged: {
      path: stage.path,
      count: stage.count,
      discard: stage.discard,
    },
  };
}
