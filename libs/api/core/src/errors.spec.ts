import { describe, expect, it } from 'vitest';
import { fileSystemProblem, InsufficientStorageError, knownError } from './errors';
import { statusForCode } from './graphql-errors';

const fsError = (code: string, syscall: string | null = 'write') =>
  Object.assign(new Error(`${code}: /data/x`), { code, ...(syscall ? { syscall } : {}) });

describe('fileSystemProblem', () => {
  it('tells a full disk from a folder that cannot be written', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) expect(fileSystemProblem(fsError(code))).toBe('full');
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENOENT'])
      expect(fileSystemProblem(fsError(code, 'open'))).toBe('unwritable');
  });

  it('leaves other errors alone: sockets, errors without a system call, anything else', () => {
    expect(fileSystemProblem(fsError('ECONNRESET', 'read'))).toBeNull();
    expect(fileSystemProblem(fsError('ENOSPC', null))).toBeNull();
    expect(fileSystemProblem(new Error('boom'))).toBeNull();
    expect(fileSystemProblem(null)).toBeNull();
    expect(fileSystemProblem(undefined)).toBeNull();
  });

  it('is answered as 507 Insufficient Storage', () => {
    const error = new InsufficientStorageError('The export store is full.');
    expect(error.code).toBe('INSUFFICIENT_STORAGE');
    expect(statusForCode(error.code)).toBe(507);
  });
});

describe('a database on a full disk', () => {
  const wrapped = (code: string) =>
    Object.assign(new Error('QueryFailedError'), {
      driverError: Object.assign(new Error('disk full'), { code }),
    });

  it('is INSUFFICIENT_STORAGE saying nothing was saved, from SQLite and PostgreSQL alike', () => {
    for (const error of [
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      wrapped('SQLITE_FULL'),
      wrapped('53100'),
    ]) {
      const known = knownError(error);
      expect(known).toBeInstanceOf(InsufficientStorageError);
      expect(known?.message).toMatch(
        /^The database's disk is full, so this change was not saved\./,
      );
    }
  });

  it('leaves other database errors alone', () => {
    expect(knownError(wrapped('23505'))).toBeNull();
    expect(knownError(wrapped('SQLITE_CONSTRAINT'))).toBeNull();
  });
});
