import swc from 'unplugin-swc';
import { configDefaults, defineConfig } from 'vitest/config';

// SWC keeps legacy decorators and decorator metadata, which NestJS and TypeORM need.
const decorators = () =>
  swc.vite({
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        // Web components under unit test are rendered with React 19's JSX runtime, as Vite builds them.
        react: { runtime: 'automatic' },
      },
    },
  });

// Nest loads graphql's CommonJS build; tests must use the same instance (a second copy would be a
// "different realm" to graphql-js).
const sameGraphQL = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

// Proofs about PostgreSQL itself (a restart of its own private cluster) belong to the PostgreSQL
// run of the API suite only.
const postgresOnly = process.env['TEST_DB'] === 'sqlite' ? ['tests/api/pg-restart.test.ts'] : [];

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [decorators()],
        resolve: sameGraphQL,
        test: {
          name: 'unit',
          include: [
            'libs/**/*.spec.ts',
            'apps/api/**/*.spec.ts',
            'apps/cli/**/*.spec.ts',
            'apps/web/**/*.spec.ts',
            'tests/tooling/**/*.spec.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [decorators()],
        resolve: sameGraphQL,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...postgresOnly],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
