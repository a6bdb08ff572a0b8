import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createApp, printSchemaFile } from '@corroborate/api-app';
import { loadConfig } from '@corroborate/api-core';

/** Writes libs/graphql/schema.gql from the code-first schema (run by `npm run schema`). */
async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'error',
    DEMO_SEED: 'false',
  });
  const app = await createApp(config);
  await app.init();
  const schema = app.get(GraphQLSchemaHost).schema;
  const target = join(__dirname, '..', '..', '..', 'libs', 'graphql', 'schema.gql');
  writeFileSync(target, printSchemaFile(schema));
  await app.close();
  console.log(`Wrote ${target}`);
}

void main();
