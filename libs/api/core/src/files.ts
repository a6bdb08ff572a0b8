import { once } from 'node:events';
import { type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';

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
