import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { InsufficientStorageError } from '@corroborate/api-core';
import { readImport, stagingError } from './import-reader';

const fsError = (code: string) =>
  Object.assign(new Error(`${code}: /tmp/corroborate-import-1/staged.ndjson`), {
    code,
    syscall: 'write',
  });

describe('stagingError', () => {
  it('says the temporary folder is full for ENOSPC and EDQUOT, without a path or system code', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const error = stagingError(fsError(code));
      expect(error).toBeInstanceOf(InsufficientStorageError);
      expect((error as Error).message).toBe(
        "The server's temporary folder is full, so nothing was imported. Tell an administrator: the disk holding the temporary folder (TMPDIR) needs space.",
      );
    }
  });

  it('says the temporary folder cannot be written for permission and folder errors', () => {
    for (const code of ['EACCES', 'EROFS', 'ENOENT']) {
      const error = stagingError(fsError(code));
      expect(error).toBeInstanceOf(InsufficientStorageError);
      expect((error as Error).message).toMatch(/cannot write to its temporary folder/);
      expect((error as Error).message).not.toMatch(/EACCES|EROFS|ENOENT|\/tmp/);
    }
  });

  it('returns any other error as it is', () => {
    const other = new Error('boom');
    expect(stagingError(other)).toBe(other);
    const reset = fsError('ECONNRESET');
    expect(stagingError(reset)).toBe(reset);
  });
});

describe('readImport staging', () => {
  const saved = process.env['TMPDIR'];
  const dirs: string[] = [];
  afterEach(() => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses with INSUFFICIENT_STORAGE when the temporary folder does not exist', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'corroborate-reader-'));
    dirs.push(parent);
    process.env['TMPDIR'] = join(parent, 'missing');
    const file = Readable.from([Buffer.from('text\nThe vote was rigged, the opposition says.\n')]);
    const read = readImport(file, 'csv', { maxBytes: 1 << 20, jsonLdMaxBytes: 1 << 20 });
    await expect(read).rejects.toBeInstanceOf(InsufficientStorageError);
    await expect(read).rejects.toMatchObject({ code: 'INSUFFICIENT_STORAGE' });
  });
});
