import { createReadStream, statSync } from 'node:fs';
import { type INestApplicationContext } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { type Command } from 'commander';
import {
  type ImportFailure,
  ImportsService,
  ImportTooLargeError,
  type PreviewRow,
} from '@corroborate/api-imports';
import {
  formatOfFileName,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportProblem,
  type ImportStage,
  counted,
} from '@corroborate/domain';

/** What main.ts lends the command: its context runner, output and failure type. */
export interface ImportCommandDeps {
  withContext<T>(work: (ctx: INestApplicationContext) => Promise<T>): Promise<T>;
  out(line: string): void;
  /** Progress and problems go to standard error. */
  err(line: string): void;
  fail(message: string, usage: boolean): Error;
}

function where(p: ImportProblem): string {
  const at = [
    p.line !== null ? `line ${p.line}` : null,
    p.line === null && p.record !== null ? `record ${p.record}` : null,
    p.field !== null ? p.field : null,
  ].filter(Boolean);
  return at.length > 0 ? `${at.join(', ')}: ` : '';
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How long the import waits for the database's write lock before saying so. */
const WAITING_NOTICE_MS = 1000;

/** Every problem of a refused file on stderr, and the failure to exit with. */
function refused(deps: ImportCommandDeps, outcome: ImportFailure, dryRun: boolean): Error {
  for (const p of outcome.problems) deps.err(`${where(p)}${p.reason}`);
  const more = outcome.problemCount - outcome.problems.length;
  if (more > 0) deps.err(`… and ${counted(more, 'more problem')}.`);
  return deps.fail(
    `${counted(outcome.problemCount, 'problem')} in ${counted(outcome.rows, 'record')}; nothing ${dryRun ? 'would be' : 'was'} imported.`,
    false,
  );
}

/** One previewed record on one line: where it is, its text and what comes with it. */
function previewLine(r: PreviewRow): string {
  const parts = [
    r.claimant !== null ? `claimant ${r.claimant}` : null,
    r.topics.length > 0 ? `topics ${r.topics.join(', ')}` : null,
    `priority ${r.priority}`,
    r.evidenceCount > 0
      ? `${counted(r.evidenceCount, 'evidence item')} (${r.sources.join(', ')})`
      : null,
  ].filter(Boolean);
  const at = r.line !== null ? `line ${r.line}` : `record ${r.record}`;
  return `  ${at}: "${r.text.slice(0, 100)}" — ${parts.join('; ')}`;
}

/**
 * `import --project <id> [--format csv|ndjson|jsonld] [--dry-run] <file>`: validates the whole
 * file, then imports every claim in one transaction, or nothing. Progress on stderr; exit 0
 * imported (or, with --dry-run, valid: the counts and first records printed, nothing written),
 * 1 refused (problems listed as line/field/reason on stderr) or failed, 2 bad arguments.
 */
export function registerImportCommand(program: Command, deps: ImportCommandDeps): void {
  program
    .command('import')
    .description(
      'Import claims (with optional sources and evidence) into a project from CSV, NDJSON or ClaimReview JSON-LD. ' +
        'The whole file is validated first; if any record has a problem nothing is imported and every problem is ' +
        'listed as line (or record), field and reason. With --dry-run the file is checked the same way and nothing is ' +
        'written: the counts and the first records, as they would be imported, are printed. ' +
        'Exit codes: 0 imported (or valid, with --dry-run), 1 refused or failed, 2 bad arguments.',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--project <id>', 'the project (its id) the claims go into')
    .option(
      '--format <format>',
      `one of ${IMPORT_FORMATS.join(', ')} (default: from the file extension .csv, .ndjson/.jsonl, .jsonld/.json)`,
    )
    .option(
      '--dry-run',
      'check the file exactly as an import would and print what it would import, writing nothing',
    )
    .action(
      async (file: string, options: { project: string; format?: string; dryRun?: boolean }) => {
        if (!isUUID(options.project))
          throw deps.fail(
            `--project must be a project id (a UUID), not "${options.project}".`,
            true,
          );
        if (
          options.format !== undefined &&
          !(IMPORT_FORMATS as readonly string[]).includes(options.format)
        )
          throw deps.fail(
            `--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${options.format}".`,
            true,
          );
        const format = (options.format as ImportFormat | undefined) ?? formatOfFileName(file);
        if (!format)
          throw deps.fail(
            `Cannot tell the format of "${file}" from its extension; pass --format ${IMPORT_FORMATS.join('|')}.`,
            true,
          );
        let size: number;
        try {
          const stat = statSync(file);
          if (!stat.isFile()) throw new Error('not a file');
          size = stat.size;
        } catch {
          throw deps.fail(`Cannot read the file "${file}".`, true);
        }
        if (options.dryRun) {
          await deps.withContext(async (ctx) =>
            dryRun(deps, ctx.get(ImportsService), file, size, options.project, format),
          );
          return;
        }
        await deps.withContext(async (ctx) => {
          const imports = ctx.get(ImportsService);
          let last = 0;
          // Said only when the wait is noticeable: the server (or another command) is writing.
          let waiting: NodeJS.Timeout | undefined;
          const onStage = (stage: ImportStage) => {
            clearTimeout(waiting);
            const now = Date.now();
            switch (stage.event) {
              case 'checking':
                if (stage.done === stage.total)
                  deps.err(
                    `Checked the first ${counted(stage.done, 'record')} for likely duplicates`,
                  );
                return;
              case 'waiting':
                waiting = setTimeout(
                  () =>
                    deps.err(
                      'Waiting for another write to the database to finish (the server or another command is writing)…',
                    ),
                  WAITING_NOTICE_MS,
                );
                return;
              case 'writing':
                if (stage.done > 0 && stage.done < stage.total && now - last < 500) return;
                last = now;
                deps.err(`Writing: ${stage.done} of ${counted(stage.total, 'claim')}`);
                return;
              case 'committing':
                deps.err(`Committing ${counted(stage.total, 'claim')}…`);
                return;
            }
          };
          const outcome = await imports
            .import(null, {
              projectId: options.project,
              format,
              fileName: file,
              stream: createReadStream(file),
              onProgress: (bytes, rows) => {
                const now = Date.now();
                if (now - last < 500 && bytes < size) return;
                last = now;
                deps.err(`Reading: ${mb(bytes)} of ${mb(size)}, ${counted(rows, 'record')} parsed`);
              },
              onStage,
            })
            .finally(() => clearTimeout(waiting))
            .catch((error: unknown) => {
              if (error instanceof ImportTooLargeError) throw deps.fail(error.message, false);
              throw error;
            });
          if (!outcome.ok) throw refused(deps, outcome, false);
          for (const w of outcome.duplicateWarnings) {
            const m = w.matches[0];
            deps.err(
              `Warning: ${w.line !== null ? `line ${w.line}` : `record ${w.record}`} looks like a duplicate of claim ${m.claimId} (similarity ${m.score.toFixed(2)}): "${m.text.slice(0, 80)}"`,
            );
          }
          if (outcome.duplicateChecksSkipped > 0)
            deps.err(
              `Note: only the first ${counted(outcome.claimsCreated - outcome.duplicateChecksSkipped, 'record')} were checked for duplicates.`,
            );
          deps.out(
            `Imported ${counted(outcome.claimsCreated, 'claim')}, ${counted(outcome.evidenceCreated, 'evidence item')} and ${counted(outcome.sourcesCreated, 'new source')} from ${counted(outcome.rows, 'record')} (import ${outcome.importId}); ${counted(outcome.duplicateWarningCount, 'likely duplicate')}.`,
          );
        });
      },
    );
}

/** `import --dry-run`: the file read and checked as the import does, nothing written. */
async function dryRun(
  deps: ImportCommandDeps,
  imports: ImportsService,
  file: string,
  size: number,
  projectId: string,
  format: ImportFormat,
): Promise<void> {
  let last = 0;
  const outcome = await imports
    .preview({
      projectId,
      format,
      fileName: file,
      stream: createReadStream(file),
      onProgress: (bytes, rows) => {
        const now = Date.now();
        if (now - last < 500 && bytes < size) return;
        last = now;
        deps.err(`Reading: ${mb(bytes)} of ${mb(size)}, ${counted(rows, 'record')} parsed`);
      },
    })
    .catch((error: unknown) => {
      if (error instanceof ImportTooLargeError) throw deps.fail(error.message, false);
      throw error;
    });
  if (!outcome.ok) throw refused(deps, outcome, true);
  for (const r of outcome.firstRows) {
    const m = r.duplicates[0];
    if (m)
      deps.err(
        `Warning: ${r.line !== null ? `line ${r.line}` : `record ${r.record}`} looks like a duplicate of claim ${m.claimId} (similarity ${m.score.toFixed(2)}): "${m.text.slice(0, 80)}"`,
      );
  }
  deps.out(
    `Dry run, nothing imported: the file is valid and would import ${counted(outcome.claims, 'claim')} and ${counted(outcome.evidence, 'evidence item')} from ${counted(outcome.rows, 'record')}.`,
  );
  deps.out(
    outcome.firstRows.length < outcome.claims
      ? `The first ${outcome.firstRows.length}, as they would be imported:`
      : 'As they would be imported:',
  );
  for (const r of outcome.firstRows) deps.out(previewLine(r));
}
