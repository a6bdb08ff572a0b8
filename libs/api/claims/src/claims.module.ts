import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ProjectsModule } from '@corroborate/api-projects';
import { ClaimEntity, ClaimTopicEntity } from './claim.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimTopicEntity]), AuditModule, ProjectsModule],
  providers: [],
  exports: [],
})
export class ClaimsModule {}
