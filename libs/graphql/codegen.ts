import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed documents for the web app from the committed schema.
 *
 * Every operation is written with `graphql(...)` from `@corroborate/graphql`
 * next to the feature that uses it; this config collects them into
 * `libs/graphql/src/generated/`. Run `npm run codegen` after changing an
 * operation or the schema. The output is deterministic (sorted schema, no
 * timestamps) so CI can fail when it is stale.
 */
const config: CodegenConfig = {
  schema: 'libs/graphql/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', 'libs/web/*/src/**/*.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'libs/graphql/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        gqlTagName: 'graphql',
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
