import { describe, expect, it } from 'vitest';
import { storeFailure } from './capture-store';

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
