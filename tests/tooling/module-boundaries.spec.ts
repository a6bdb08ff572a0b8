import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('import boundaries (Nx tags, enforced by ESLint)', () => {
  // The ESLint rule reads Nx's cached project graph and silently skips without one (a fresh
  // clone has none), so build it first, as `npm run lint` does.
  beforeAll(() => {
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  });

  it('forbids libs/domain from importing any of our other packages', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/forbidden-import.ts',
      "import { graphql } from '@corroborate/graphql';\nexport const x = graphql;\n",
    );
    expect(errors.join('\n')).toMatch(/type:domain/);
  });

  it('forbids the web app from importing backend code', async () => {
    const errors = await boundaryErrors(
      'libs/web/ui/src/forbidden-import.ts',
      "import { UsersService } from '@corroborate/api-users';\nexport const x = UsersService;\n",
    );
    expect(errors.join('\n')).toMatch(/scope:frontend|type:ui/);
  });

  it('forbids core libraries from importing feature libraries', async () => {
    const errors = await boundaryErrors(
      'libs/api/core/src/forbidden-import.ts',
      "import { AuthService } from '@corroborate/api-auth';\nexport const x = AuthService;\n",
    );
    // Every feature depends on core, so this is both a tag violation and a cycle; either refusal counts.
    expect(errors.join('\n')).toMatch(/type:core|Circular dependency/);
  });

  it('allows a feature library to import core and domain', async () => {
    const errors = await boundaryErrors(
      'libs/api/projects/src/allowed-import.ts',
      "import { Role } from '@corroborate/api-core';\nexport const x = Role;\n",
    );
    expect(errors).toEqual([]);
  });
});
