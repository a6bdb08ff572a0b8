import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { type Actor, CurrentActor, idPipe, Role, Roles } from '@corroborate/api-core';
import { UserEntity } from '@corroborate/api-users';
import { CutReleaseInput, ReleaseType } from './dto/release.type';
import { parseExportFilter } from './dto/export-filter.input';
import { type ReleaseEntity } from './release.entity';
import { ReleasesService } from './releases.service';

export function releaseUrls(id: string) {
  return {
    manifestUrl: `/api/releases/${id}/manifest.json`,
    deltaUrl: `/api/releases/${id}/delta.json`,
    fileUrl: (format: string) => `/api/releases/${id}/files/${format}`,
  };
}

@Resolver(() => ReleaseType)
export class ReleasesResolver {
  constructor(
    private readonly service: ReleasesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private async toType(rows: ReleaseEntity[]): Promise<ReleaseType[]> {
    const userIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
    const previousIds = [...new Set(rows.map((r) => r.previousId).filter((x): x is string => !!x))];
    const [users, previous] = await Promise.all([
      userIds.length ? this.dataSource.getRepository(UserEntity).findBy({ id: In(userIds) }) : [],
      previousIds.length ? this.service.byIds(previousIds) : [],
    ]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const numbers = new Map(previous.map((p) => [p.id, p.number]));
    return rows.map((r) => {
      const urls = releaseUrls(r.id);
      return {
        id: r.id,
        name: r.name,
        number: r.number,
        filtersJson: JSON.stringify(r.filters),
        counts: r.counts,
        files: r.files.map((f) => ({ ...f, downloadUrl: urls.fileUrl(f.format) })),
        previousId: r.previousId,
        previousNumber: r.previousId ? (numbers.get(r.previousId) ?? null) : null,
        delta: r.delta,
        manifestUrl: urls.manifestUrl,
        deltaUrl: urls.deltaUrl,
        createdByName: r.createdById ? (names.get(r.createdById) ?? null) : null,
        createdAt: r.createdAt,
      };
    });
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.VIEWER)
  @Query(() => [ReleaseType], { description: 'Releases, newest first (of one name if given).' })
  async releases(
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
  ): Promise<ReleaseType[]> {
    if (name && name.length > 120) return [];
    return this.toType(await this.service.list(name));
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.VIEWER)
  @Query(() => ReleaseType)
  async release(@Args('id', { type: () => ID }, idPipe('id')) id: string): Promise<ReleaseType> {
    return (await this.toType([await this.service.get(id)]))[0];
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ReleaseType, {
    description:
      'Editors: cut the next numbered release of a named verified set, with its files, manifest and delta against the previous release of that name.',
  })
  async cutRelease(
    @CurrentActor() actor: Actor,
    @Args('input') input: CutReleaseInput,
  ): Promise<ReleaseType> {
    const filter = await parseExportFilter(
      Object.fromEntries(
        Object.entries(input.filter ?? {}).filter(([, v]) => v !== null && v !== undefined),
      ),
    );
    return (await this.toType([await this.service.cut(actor, input.name, filter)]))[0];
  }
}
