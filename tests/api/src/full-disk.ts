import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A folder on a small file system of its own, filled until it has no room left. */
export interface FullDisk {
  /** The mounted folder. */
  readonly path: string;
  /** Frees the room the filler took. */
  makeRoom(): void;
}

/**
 * Mounts a tmpfs of `size` (256 kB unless given; room for what `work` stores once the filler is
 * gone) over `path` (its own files are back once it is unmounted), fills it to ENOSPC and runs
 * `work`, then unmounts. Mounting needs root, which CI has: under CI=true a failed mount fails
 * the test; elsewhere `skip` is called with the reason.
 */
export async function withFullDisk(
  path: string,
  skip: (reason: string) => void,
  work: (disk: FullDisk) => Promise<void>,
  size = '256k',
): Promise<void> {
  mkdirSync(path, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    if (process.env['CI'] === 'true') throw error;
    skip(`cannot mount a small file system here (${String(error)})`);
    return;
  }
  try {
    const filler = join(path, 'filler');
    const fd = openSync(filler, 'w');
    let full = false;
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch (error) {
      full = (error as { code?: string }).code === 'ENOSPC';
      if (!full) throw error;
    } finally {
      closeSync(fd);
    }
    await work({ path, makeRoom: () => rmSync(filler) });
  } finally {
    execFileSync('umount', [path], { stdio: 'pipe' });
  }
}
