import 'reflect-metadata';
import { type INestApplicationContext, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Command, CommanderError, Option } from 'commander';
import { DataSource } from 'typeorm';
import { domainModules } from '@corroborate/api-app';
import {
  AppError,
  type AppConfig,
  ConfigError,
  CoreModule,
  isDatabaseUnavailable,
  loadConfig,
  Role,
} from '@corroborate/api-core';
import { DemoSeeder } from '@corroborate/api-demo';
import { CreateUserInput, UsersService } from '@corroborate/api-users';
import { registerBackupCommands } from './commands/backup';
import { registerExportCommand } from './commands/export';
import { registerReleaseCommand } from './commands/release';
import { registerImportCommand } from './commands/import';
import { counted } from '@corroborate/domain';

/** Exit codes scripts can rely on. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.FAILED,
  ) {
    super(message);
  }
}

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(config), ...domainModules()] };
  }
}

async function withContext<T>(
  work: (ctx: INestApplicationContext, config: AppConfig) => Promise<T>,
  { requireMigrated = true } = {},
): Promise<T> {
  // The CLI never migrates behind the user's back: `migrate` does it explicitly.
  const config = loadConfig({ ...process.env, MIGRATIONS_RUN: 'false' });
  // Errors reach the person through run(), once and without stack traces; Nest's own log lines
  // (such as the connection retries) would only repeat them.
  const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['fatal'],
    abortOnError: false,
  });
  try {
    if (requireMigrated && (await ctx.get(DataSource).showMigrations())) {
      throw new CliFailure('The database has pending migrations. Run `corroborate migrate` first.');
    }
    return await work(ctx, config);
  } finally {
    await ctx.close();
  }
}

function describeDatabase(config: AppConfig): string {
  return config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function buildProgram(out: (line: string) => void = console.log): Command {
  const program = new Command()
    .name('corroborate')
    .description(
      'Corroborate command-line tool. Reads the same environment variables as the server ' +
        '(DATABASE_URL, DATA_DIR, ...).\nExit codes: 0 success, 1 failure, 2 bad arguments or input.',
    )
    .exitOverride()
    .showHelpAfterError();

  program
    .command('migrate')
    .description('Apply pending database migrations (or, with --check, only report them).')
    .option('--check', 'list pending migrations and exit 1 if there are any, without applying them')
    .action(async (options: { check?: boolean }) => {
      await withContext(
        async (ctx, config) => {
          const dataSource = ctx.get(DataSource);
          if (options.check) {
            const pending = await dataSource.showMigrations();
            out(
              pending
                ? `Pending migrations on ${describeDatabase(config)}.`
                : 'No pending migrations.',
            );
            if (pending) throw new CliFailure('Migrations are pending.', EXIT.FAILED);
            return;
          }
          const applied = await dataSource.runMigrations({ transaction: 'each' });
          for (const m of applied) out(`Applied ${m.name}`);
          out(
            `${counted(applied.length, 'migration')} applied to ${describeDatabase(config)}; the schema is up to date.`,
          );
        },
        { requireMigrated: false },
      );
    });

  program
    .command('seed')
    .description(
      'Add demo data: the "Belarus protests, Jan 2021" project and a demo login per role.',
    )
    .requiredOption('--demo', 'seed the demo project and users (the only seed there is)')
    .action(async () => {
      await withContext(async (ctx) => {
        const result = await ctx.get(DemoSeeder).seed();
        out(
          `Demo seeded: ${counted(result.usersCreated, 'user')}, ${counted(result.projectCreated ? 1 : 0, 'project')} and ${counted(result.claimsCreated, 'claim')} added.`,
        );
      });
    });

  program
    .command('create-admin')
    .description('Create an admin account (for a fresh production install).')
    .requiredOption('--email <email>', 'the admin email address')
    .requiredOption('--name <name>', 'display name')
    .addOption(
      new Option(
        '--password <password>',
        'password (at least 12 characters); prefer --password-stdin',
      ).conflicts('passwordStdin'),
    )
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (options: {
        email: string;
        name: string;
        password?: string;
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin() : options.password;
        if (!password)
          throw new CliFailure(
            'Give a password with --password-stdin (or --password).',
            EXIT.USAGE,
          );
        const input = plainToInstance(CreateUserInput, {
          email: options.email,
          displayName: options.name,
          role: Role.ADMIN,
          password,
        });
        const problems = await validate(input);
        if (problems.length > 0) {
          const lines = problems.map(
            (p) =>
              `  --${p.property === 'displayName' ? 'name' : p.property}: ${Object.values(p.constraints ?? {})[0]}`,
          );
          throw new CliFailure(`Invalid input:\n${lines.join('\n')}`, EXIT.USAGE);
        }
        await withContext(async (ctx) => {
          const user = await ctx.get(UsersService).create(null, input);
          out(`Created admin ${user.email} (${user.id}).`);
        });
      },
    );

  const kit = {
    withContext,
    failure: (message: string, exitCode: number) => new CliFailure(message, exitCode),
    out,
  };
  registerExportCommand(program, kit);
  registerReleaseCommand(program, kit);
  registerBackupCommands(program, kit);
  registerImportCommand(program, {
    withContext: (work) => withContext((ctx) => work(ctx)),
    out,
    err: (line) => console.error(line),
    fail: (message, usage) => new CliFailure(message, usage ? EXIT.USAGE : EXIT.FAILED),
  });

  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT.USAGE;
    }
    if (error instanceof CliFailure) {
      console.error(error.message);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      console.error(`${error.code}: ${error.message}`);
      return error.code === 'BAD_USER_INPUT' ? EXIT.USAGE : EXIT.FAILED;
    }
    if (isDatabaseUnavailable(error)) {
      console.error(
        `Cannot reach the database${databaseWhere()}: ${reasonOf(error)}. Check that it is running and that DATABASE_URL points at it.`,
      );
      return EXIT.FAILED;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.FAILED;
  }
}

/** " (PostgreSQL at host:port/db)" from DATABASE_URL, without the password. */
function databaseWhere(): string {
  const raw = process.env['DATABASE_URL'];
  if (!raw?.startsWith('postgres')) return '';
  try {
    const url = new URL(raw);
    return ` (PostgreSQL at ${url.host}${url.pathname})`;
  } catch {
    return '';
  }
}

function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && typeof message === 'string') return `${code}, ${message}`;
  return typeof message === 'string' ? message : String(error);
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => process.exit(code));
}
