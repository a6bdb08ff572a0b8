import fs, { type PathLike } from 'node:fs';

/**
 * Runs `refuse` (a request the server refuses just after creating its file streams) with every
 * file open under `root` made 300 ms slow, as on a loaded machine, waits until those opens have
 * finished, and returns the uncaught exceptions heard meanwhile. Removing a folder before its
 * streams finished opening made them fail with ENOENT on streams no one listened to any more:
 * an uncaught exception that stops a server.
 */
export async function uncaughtWithSlowOpens(
  root: string,
  refuse: () => Promise<void>,
): Promise<string[]> {
  const open = fs.open;
  const slowOpen = ((path: PathLike, ...rest: unknown[]) => {
    const delay = String(path).startsWith(root) ? 300 : 0;
    setTimeout(() => (open as (...args: unknown[]) => void)(path, ...rest), delay);
  }) as typeof fs.open;
  const uncaught: string[] = [];
  const heard = (error: Error) => uncaught.push(error.message);
  process.on('uncaughtException', heard);
  fs.open = slowOpen;
  try {
    await refuse();
    await new Promise((resolve) => setTimeout(resolve, 600));
  } finally {
    fs.open = open;
    process.off('uncaughtException', heard);
  }
  return uncaught;
}
