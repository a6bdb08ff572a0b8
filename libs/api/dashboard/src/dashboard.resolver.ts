import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@corroborate/api-core';
import { DashboardFilter } from './dto/dashboard.input';
import { DashboardType } from './dto/dashboard.type';
import { DashboardService } from './dashboard.service';

@Resolver(() => DashboardType)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Roles(Role.ADMIN, Role.EDITOR)
  @Query(() => DashboardType, {
    description:
      'Editors: open and verified counts, weekly throughput, median time to verify, verdict distribution, reviewer load and agreement per month. BAD_USER_INPUT for a day that is not YYYY-MM-DD or a range that ends before it starts; NOT_FOUND for an unknown project.',
  })
  dashboard(
    @Args('filter', { type: () => DashboardFilter, nullable: true, defaultValue: {} })
    filter: DashboardFilter,
  ): Promise<DashboardType> {
    return this.service.dashboard(filter ?? {});
  }
}
