import { type INestApplicationContext } from '@nestjs/common';
import { type Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BadInputError } from '@corroborate/api-core';
import { type ExportFilter, ExportsService, parseExportFilter } from '@corroborate/api-exports';
import { EXPORT_FORMATS, type ExportFormat, counted } from '@corroborate/domain';

/** What main.ts lends the command (kept there so every command shares it). */
export interface CommandKit {
  withContext<T>(work: (ctx: INestApplicationContext) => Promise<T>): Promise<T>;
  /** An error with an exit code: 1 failure, 2 bad arguments or input. */
  failure(message: string, exitCode: number): Error;
  out(line: string): void;
  /** Where progress goes (stderr). */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The CLI option for each filter field, for error messages. */
const OPTION_OF: Record<string, string> = {
  projectId: '--project',
  priorities: '--priority',
  topics: '--topic',
  text: '--text',
  createdFrom: '--created-from',
  createdTo: '--created-to',
  verifiedFrom: '--verified-from',
  verifiedTo: '--verified-to',
};

interface ExportOptions extends FilterOptions {
  format: ExportFormat;
  out: string;
  force?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export interface FilterOptions {
  project: string;
  priority?: string[];
  topic?: string[];
  text?: string;
  createdFrom?: string;
  createdTo?: string;
  verifiedFrom?: string;
  verifiedTo?: string;
}

/** The queue-like filters shared by `export` and `release cut`. */
export function addFilterOptions(command: Command): Command {
  return command
    .requiredOption('--project <id>', 'the project id')
    .option('--priority <priority>', 'LOW, NORMAL, HIGH or URGENT (repeatable)', collect)
    .option('--topic <topic>', 'a topic (repeatable)', collect)
    .option('--text <words>', 'full-text search over claim text and claimant')
    .option(
      '--created-from <date>',
      'claims taken in on or after this date (2021-01-31 or ISO time)',
    )
    .option('--created-to <date>', 'claims taken in on or before this date')
    .option('--verified-from <date>', 'claims verified on or after this date')
    .option('--verified-to <date>', 'claims verified on or before this date');
}

/** The validated filter, or a usage failure naming the option. */
export async function filterFromOptions(
  options: FilterOptions,
  kit: CommandKit,
): Promise<ExportFilter> {
  try {
    return await parseExportFilter({
      projectId: options.project,
      priorities: options.priority,
      topics: options.topic,
      text: options.text,
      createdFrom: options.createdFrom,
      createdTo: options.createdTo,
      verifiedFrom: options.verifiedFrom,
      verifiedTo: options.verifiedTo,
    });
  } catch (error) {
    if (error instanceof BadInputError)
      throw kit.failure(`${OPTION_OF[error.field] ?? error.field}: ${error.message}`, 2);
    throw error;
  }
}

/** `corroborate export`: verified claims of a project to a file and `<file>.manifest.json`. */
export function registerExportCommand(program: Command, kit: CommandKit): void {
  const command = program
    .command('export')
    .description(
      'Export the VERIFIED claims of a project (filtered like a queue) to a file, with a manifest ' +
        '<file>.manifest.json (filters, counts, SHA-256). Progress goes to stderr.',
    )
    .addOption(
      new Option('--format <format>', 'jsonld (ClaimReview), csv or ndjson (full records)')
        .choices([...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'the file to write')
    .option('--force', 'overwrite --out if it exists');
  addFilterOptions(command).action(async (options: ExportOptions) => {
    const file = resolve(options.out);
    if (!options.force && (existsSync(file) || existsSync(`${file}.manifest.json`)))
      throw kit.failure(`${options.out} (or its manifest) exists; add --force to overwrite it.`, 2);
    const filter = await filterFromOptions(options, kit);
    const progress = kit.progress ?? process.stderr;
    const tty = progress.isTTY === true;
    await kit.withContext(async (ctx) => {
      let lastLine = '';
      const manifest = await ctx
        .get(ExportsService)
        .writeFile(options.format, filter, file, (p) => {
          const line = `Exporting: ${p.scanned}/${counted(p.total, 'verified claim')} read, ${p.written} written, ${p.bytes} bytes`;
          if (line === lastLine) return;
          lastLine = line;
          progress.write(tty ? `\r${line}` : `${line}\n`);
        });
      if (tty) progress.write('\n');
      const written = manifest.files[0];
      kit.out(
        `Wrote ${counted(manifest.counts.claims, 'claim')} to ${file} (${written.bytes} bytes, SHA-256 ${written.sha256}).`,
      );
      kit.out(`Manifest: ${file}.manifest.json`);
    });
  });
}
