import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, runStartupTasks } from '@corroborate/api-app';
import { ConfigError, loadConfig } from '@corroborate/api-core';
import { DemoSeeder } from '@corroborate/api-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await runStartupTasks(app, config);
  await app.listen(config.port, config.host);
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  const demoUsers = await app.get(DemoSeeder).presentDemoUsers();
  const lines = [
    '',
    `  Corroborate is running at ${url}`,
    `  Database: ${config.database.type === 'sqlite' ? config.database.path : 'PostgreSQL'}`,
  ];
  if (demoUsers.length > 0) {
    lines.push('', '  Demo logins (email / password):');
    for (const u of demoUsers)
      lines.push(`    ${u.role.padEnd(9)} ${u.email.padEnd(24)} ${u.password}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    new Logger('Startup').error(
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  }
  process.exit(1);
});
