import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStore, CaptureTooLargeError, storeFailure } from './capture-store';

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

const fsError = (code: string) =>
  Object.assign(new Error(`${code}: /data/captures/x`), { code, syscall: 'write' });

describe('storeFailure', () => {
  it('says the store is full for ENOSPC and EDQUOT', () => {
    for (const code of ['ENOSPC', 'EDQUOT'])
      expect(storeFailure(fsError(code))?.message).toMatch(/capture store is full/);
  });

  it('says the store cannot be written for permission and folder errors', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'])
      expect(storeFailure(fsError(code))?.message).toMatch(/cannot write to its capture store/);
  });

  it('never names a path or a system code, and leaves other errors alone', () => {
    expect(JSON.stringify(storeFailure(fsError('ENOSPC')))).not.toMatch(/ENOSPC|\/data/);
    expect(storeFailure(fsError('ECONNRESET'))).toBeNull();
    expect(storeFailure(new Error('boom'))).toBeNull();
    expect(storeFailure(null)).toBeNull();
  });
});
