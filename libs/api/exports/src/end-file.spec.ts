import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endFile } from './exports.service';

describe('endFile', () => {
  it('rejects when the file already failed while its last writes were buffered (a full disk)', async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const stream = createWriteStream('/dev/full');
    const failed = once(stream, 'error');
    expect(stream.write('the last batch of an export')).toBe(true);
    const [error] = (await failed) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ENOSPC');
    await expect(endFile(stream)).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it('rejects when the file fails as it is ended, and resolves once a good file is written', async () => {
    const full = createWriteStream('/dev/full');
    full.write('buffered');
    await expect(endFile(full)).rejects.toMatchObject({ code: 'ENOSPC' });
    const good = createWriteStream('/dev/null');
    good.write('kept');
    await expect(endFile(good)).resolves.toBeUndefined();
  });
});
