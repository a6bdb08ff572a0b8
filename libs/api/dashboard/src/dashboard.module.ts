import { Module } from '@nestjs/common';
import { ProjectsModule } from '@corroborate/api-projects';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [ProjectsModule],
  providers: [DashboardService, DashboardResolver],
})
export class DashboardModule {}
