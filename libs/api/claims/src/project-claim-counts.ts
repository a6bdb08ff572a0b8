import { Injectable } from '@nestjs/common';
import { Field, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoaderRegistry, Loaders } from '@corroborate/api-core';
import { CLAIM_STATUSES, type ClaimStatus } from '@corroborate/domain';
import { ProjectType } from '@corroborate/api-projects';
import { FacetCountType } from './dto/claim.type';

@ObjectType('ProjectClaimCounts')
export class ProjectClaimCountsType {
  @Field(() => Int, { description: 'Claims of the project, whatever their status.' })
  total: number;

  @Field(() => Int, {
    description: 'Claims still being worked: NEW, IN_REVIEW or NEEDS_ADJUDICATION.',
  })
  open: number;

  @Field(() => [FacetCountType], {
    description: 'Claims per status, every status listed (zero included), in workflow order.',
  })
  statuses: FacetCountType[];
}

const OPEN: readonly ClaimStatus[] = ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION'];

/** The counts of one project from per-status numbers. */
export function projectClaimCounts(byStatus: ReadonlyMap<string, number>): ProjectClaimCountsType {
  const statuses = CLAIM_STATUSES.map((status) => ({
    value: status,
    count: byStatus.get(status) ?? 0,
  }));
  return {
    total: statuses.reduce((sum, s) => sum + s.count, 0),
    open: statuses.filter((s) => OPEN.includes(s.value)).reduce((sum, s) => sum + s.count, 0),
    statuses,
  };
}

@Injectable()
export class ProjectClaimCounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims per status of each project, from the counts the database keeps for the queue
   * (claim_facet_counts: signed deltas summed, one statement for all the projects asked).
   */
  async of(projectIds: readonly string[]): Promise<ProjectClaimCountsType[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const marks = projectIds.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    const rows = (await this.dataSource.query(
      `SELECT "projectId", "value", SUM("n") AS "n" FROM "claim_facet_counts"
       WHERE "dim" = 'status' AND "projectId" IN (${marks}) GROUP BY "projectId", "value"`,
      [...projectIds],
    )) as { projectId: string; value: string; n: string | number }[];
    const byProject = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const counts = byProject.get(row.projectId) ?? new Map<string, number>();
      counts.set(row.value, Number(row.n));
      byProject.set(row.projectId, counts);
    }
    return projectIds.map((id) => projectClaimCounts(byProject.get(id) ?? new Map()));
  }
}

/** How many claims a project holds, open and per status, for the project list and page. */
@Resolver(() => ProjectType)
export class ProjectClaimCountsResolver {
  constructor(private readonly counts: ProjectClaimCounts) {}

  @ResolveField(() => ProjectClaimCountsType, {
    description: 'How many claims the project holds: in all, still open, and per status.',
  })
  claimCounts(
    @Parent() project: ProjectType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProjectClaimCountsType> {
    return loaders
      .get<string, ProjectClaimCountsType>('Project.claimCounts', (ids) => this.counts.of(ids))
      .load(project.id);
  }
}
