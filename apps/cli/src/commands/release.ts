import { type Command } from 'commander';
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isUUID } from 'class-validator';
import { ReleasesService } from '@corroborate/api-exports';
import { EXPORT_FORMATS, counted } from '@corroborate/domain';
import { addFilterOptions, type CommandKit, filterFromOptions, type FilterOptions } from './export';

/** `corroborate release cut|list|download`: named, numbered releases of a verified set. */
export function registerReleaseCommand(program: Command, kit: CommandKit): void {
  const release = program
    .command('release')
    .description(
      'Cut, list and download releases: named, numbered, immutable publications of a verified claim set, with a delta against the previous release of the same name.',
    );

  const cut = release
    .command('cut')
    .description(
      'Cut the next release of --name from the VERIFIED claims of a project (all three formats, manifest and delta). Progress goes to stderr.',
    )
    .requiredOption('--name <name>', 'the set’s name (numbers count up per name)');
  addFilterOptions(cut).action(async (options: FilterOptions & { name: string }) => {
    const filter = await filterFromOptions(options, kit);
    const progress = kit.progress ?? process.stderr;
    await kit.withContext(async (ctx) => {
      let last = '';
      const row = await ctx.get(ReleasesService).cut(null, options.name, filter, (p) => {
        const line = `Releasing: ${p.scanned}/${counted(p.total, 'verified claim')} read, ${p.written} written`;
        if (line === last) return;
        last = line;
        progress.write(`${line}\n`);
      });
      kit.out(
        `Cut release ${row.number} of "${row.name}" (${row.id}): ${counted(row.counts.claims, 'claim')}; since the previous release ${row.delta.added} added, ${row.delta.changed} changed, ${row.delta.retracted} retracted.`,
      );
    });
  });

  release
    .command('list')
    .description('List releases, newest first.')
    .option('--name <name>', 'only releases of this name')
    .action(async (options: { name?: string }) => {
      await kit.withContext(async (ctx) => {
        const rows = await ctx.get(ReleasesService).list(options.name ?? null);
        if (rows.length === 0) kit.out('No releases.');
        for (const r of rows)
          kit.out(
            `${r.id}  ${r.name} #${r.number}  ${r.createdAt.toISOString()}  ${counted(r.counts.claims, 'claim')}  +${r.delta.added} ~${r.delta.changed} -${r.delta.retracted}`,
          );
      });
    });

  release
    .command('download')
    .description(
      'Copy a release’s files, manifest and delta into a folder (<name>-<number>.manifest.json, <name>-<number>.delta.json).',
    )
    .argument('<id>', 'the release id (see `release list`)')
    .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
    .option('--force', 'overwrite files that exist')
    .action(async (id: string, options: { out: string; force?: boolean }) => {
      if (!isUUID(id)) throw kit.failure('<id>: the release id must be an id (a UUID).', 2);
      await kit.withContext(async (ctx) => {
        const service = ctx.get(ReleasesService);
        const row = await service.get(id);
        const dir = resolve(options.out);
        await mkdir(dir, { recursive: true });
        const base = row.files[0].name.replace(/-\d{8}-\d{6}\.jsonld$/, '');
        const copies: [string, string][] = [
          ...EXPORT_FORMATS.map((f): [string, string] => [
            service.pathOf(id, f),
            row.files.find((x) => x.format === f)!.name,
          ]),
          [service.pathOf(id, 'manifest.json'), `${base}.manifest.json`],
          [service.pathOf(id, 'delta.json'), `${base}.delta.json`],
        ];
        if (!options.force) {
          const existing = copies.filter(([, name]) => existsSync(join(dir, name)));
          if (existing.length)
            throw kit.failure(`${join(dir, existing[0][1])} exists; add --force to overwrite.`, 2);
        }
        for (const [from, name] of copies) {
          await copyFile(from, join(dir, name));
          kit.out(`Wrote ${join(dir, name)}`);
        }
      });
    });
}
