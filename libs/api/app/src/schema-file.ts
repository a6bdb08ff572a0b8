import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# Regenerate with \`npm run schema\`.
# ------------------------------------------------------
`;

/** The committed form of the schema: sorted, with a header. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
