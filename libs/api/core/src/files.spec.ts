import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discardWrittenFile } from './files';

describe('discardWrittenFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no file behind, even when the stream had not finished opening it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-discard-'));
    dirs.push(dir);
    for (let i = 0; i < 200; i++) {
      const path = join(dir, `${i}.partial`);
      // Discarded straight away: the open is still pending. The file may be created by it only
      // until the stream has closed, so the removal must come after the close.
      const stream = createWriteStream(path);
      await discardWrittenFile(stream, path);
      expect(stream.closed).toBe(true);
      expect(existsSync(path)).toBe(false);
    }
    // And once written to and open.
    const path = join(dir, 'written.partial');
    const stream = createWriteStream(path);
    await new Promise((resolve) => stream.write('half', resolve));
    await discardWrittenFile(stream, path);
    expect(existsSync(path)).toBe(false);
  });
});
