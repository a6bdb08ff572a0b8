import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import { createReadStream, type ReadStream, type WriteStream } from 'node:fs';
import { access, readFile, rm } from 'node:fs/promises';
import { AppError } from './errors';

/**
 * Discards a file that was being written: destroys its stream, waits until the stream has
 * closed, then removes the file. The wait matters when the write failed at once: the stream's
 * open may still be pending, and would create the file after a removal that did not wait.
 */
export async function discardWrittenFile(stream: WriteStream, path: string): Promise<void> {
  stream.destroy();
  if (!stream.closed) await once(stream, 'close').catch(() => undefined);
  await rm(path, { force: true });
}

/**
 * A file the database says was stored (a capture's bytes, an export, a release) is not in this
 * server's data folder: it was deleted, or this server does not share the data folder of the
 * server that stored it. NOT_FOUND, with what is missing and who can fix it; never a path.
 */
export class StoredFileMissingError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, details: Record<string, unknown>) {
    super(
      `${what} is recorded but its file is missing from this server's data folder: it was deleted, or this server does not share the data folder (DATA_DIR) of the server that stored it. Ask an administrator to restore it from a backup; several servers must share one DATA_DIR.`,
      details,
    );
  }
}

const storedFiles = new Logger('StoredFiles');

/**
 * Opens a stored file for reading (resolving once it is open), `what` naming it for people
 * ("Capture 1f…", "Release 3 of …"). A missing file is a {@link StoredFileMissingError}, logged
 * with its path for the administrator; any other failure is thrown as it is.
 */
export async function openStoredFile(
  path: string,
  what: string,
  details: Record<string, unknown> = {},
): Promise<ReadStream> {
  const stream = createReadStream(path);
  try {
    await once(stream, 'open');
  } catch (error) {
    stream.destroy();
    throw missingFile(error, path, what, details);
  }
  return stream;
}

/** A stored text file (a manifest, a delta) read whole, as {@link openStoredFile} opens one. */
export async function readStoredText(
  path: string,
  what: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw missingFile(error, path, what, details);
  }
}

function missingFile(
  error: unknown,
  path: string,
  what: string,
  details: Record<string, unknown>,
): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  storedFiles.error(
    `${what}: no file at ${path}. If several servers run, every one must mount the same DATA_DIR.`,
  );
  return new StoredFileMissingError(what, details);
}

/** How long after start the stored files are sampled ({@link checkStoredFilesLater}). */
export const STORED_FILES_CHECK_DELAY_MS = 5_000;

/**
 * Soon after start (out of the way of start-up), checks that a sample of the files the database
 * says are stored are in this server's data folder, and warns the administrator when some are
 * not: a server that does not share the data folder of the others (several servers need one
 * DATA_DIR), or a database restored without its files. `sample` gives the paths and what they
 * are ("captures", "releases"); a failure to sample is only logged.
 */
export function checkStoredFilesLater(
  logger: Logger,
  sample: () => Promise<{ what: string; paths: string[] }>,
  delayMs = STORED_FILES_CHECK_DELAY_MS,
): NodeJS.Timeout {
  const timer = setTimeout(() => {
    void checkStoredFiles(logger, sample).catch((error: unknown) =>
      logger.warn(`Could not check the stored files: ${String(error)}`),
    );
  }, delayMs);
  timer.unref();
  return timer;
}

/** The check of {@link checkStoredFilesLater}, now; resolves to the number of files missing. */
export async function checkStoredFiles(
  logger: Logger,
  sample: () => Promise<{ what: string; paths: string[] }>,
): Promise<number> {
  const { what, paths } = await sample();
  const found = await Promise.all(
    paths.map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  const missing = found.filter((ok) => !ok).length;
  if (missing > 0)
    logger.warn(
      `${missing} of ${paths.length} ${what} sampled have no file in this server's data folder (DATA_DIR): downloads of them will fail. If several servers run, every one must mount the same DATA_DIR; after a restore, restore its data folder too.`,
    );
  return missing;
}
