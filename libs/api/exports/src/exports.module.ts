import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { AuthModule } from '@corroborate/api-auth';
import { ClaimsModule } from '@corroborate/api-claims';
import { OrganisationModule } from '@corroborate/api-organisation';
import { ExportEntity } from './export.entity';
import { ReleaseClaimEntity, ReleaseEntity } from './release.entity';
import { ReleasesResolver } from './releases.resolver';
import { ReleasesService } from './releases.service';
import { ExportRecords } from './export-records';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ExportEntity, ReleaseEntity, ReleaseClaimEntity]),
    AuditModule,
    AuthModule,
    ClaimsModule,
    OrganisationModule,
  ],
  controllers: [ExportsController],
  providers: [ExportRecords, ExportsService, ReleasesService, ReleasesResolver],
  exports: [ExportsService, ReleasesService],
})
export class ExportsModule {}
