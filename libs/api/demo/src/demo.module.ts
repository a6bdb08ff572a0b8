import { Module } from '@nestjs/common';
import { AuditModule } from '@corroborate/api-audit';
import { ProjectsModule } from '@corroborate/api-projects';
import { UsersModule } from '@corroborate/api-users';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [UsersModule, ProjectsModule, AuditModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
