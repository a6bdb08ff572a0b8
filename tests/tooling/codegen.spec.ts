import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../libs/graphql/codegen';

const root = join(__dirname, '..', '..');

describe('generated web types', () => {
  it('match what graphql-codegen makes from the committed schema and documents (run `npm run codegen`)', async () => {
    const previous = process.cwd();
    process.chdir(root);
    try {
      const files = await generate({ ...config, silent: true }, false);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect({
          file: file.filename,
          content: readFileSync(join(root, file.filename), 'utf8'),
        }).toEqual({
          file: file.filename,
          content: file.content,
        });
      }
    } finally {
      process.chdir(previous);
    }
  });
});
