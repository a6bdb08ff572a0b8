import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStore, CaptureTooLargeError } from './capture-store';

describe('CaptureStore.receive', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no partial file behind when an upload is too large from its first chunk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-store-'));
    dirs.push(dataDir);
    const store = new CaptureStore(dataDir);
    // The refusal comes before the temporary file is open; repeated, since it is a race with
    // the file system's open.
    for (let i = 0; i < 25; i++) {
      const upload = new Readable({
        read() {
          this.push(Buffer.alloc(4096, 'z'));
          this.push(null);
        },
      });
      await expect(store.receive(upload, 1024)).rejects.toThrow(CaptureTooLargeError);
      expect(readdirSync(join(dataDir, 'captures', 'tmp'))).toEqual([]);
    }
  });
});
