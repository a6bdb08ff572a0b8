import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A folder on a small file system of its own, which can be filled until it has no room left. */
export interface SmallDisk {
  /** The mounted folder. */
  readonly path: string;
  /** Fills what room is left (a filler file written until ENOSPC). */
  fill(): void;
  /** Frees the room the filler took. */
  makeRoom(): void;
  unmount(): void;
}

/** A folder on a small file system of its own, filled until it has no room left. */
export type FullDisk = Pick<SmallDisk, 'path' | 'makeRoom'>;

/**
 * Mounts a tmpfs of `size` over `path` (what was in `path` is back once it is unmounted).
 * Mounting needs root, which CI has: under CI=true a failed mount throws; elsewhere `skip` is
 * called with the reason and null returned.
 */
export function mountSmallDisk(
  path: string,
  size: string,
  skip: (reason: string) => void,
): SmallDisk | null {
  mkdirSync(path, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    if (process.env['CI'] === 'true') throw error;
    skip(`cannot mount a small file system here (${String(error)})`);
    return null;
  }
  const filler = join(path, 'filler');
  return {
    path,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (;;) writeSync(fd, Buffer.alloc(4096, 1));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    makeRoom: () => rmSync(filler, { force: true }),
    unmount: () => execFileSync('umount', [path], { stdio: 'pipe' }),
  };
}

/**
 * Mounts a tmpfs of `size` (256 kB unless given; room for what `work` stores once the filler is
 * gone) over `path`, fills it to ENOSPC and runs `work`, then unmounts (see {@link mountSmallDisk}).
 */
export async function withFullDisk(
  path: string,
  skip: (reason: string) => void,
  work: (disk: FullDisk) => Promise<void>,
  size = '256k',
): Promise<void> {
  const disk = mountSmallDisk(path, size, skip);
  if (!disk) return;
  try {
    disk.fill();
    await work(disk);
  } finally {
    disk.unmount();
  }
}
