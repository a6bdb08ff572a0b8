import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { AuthModule } from '@corroborate/api-auth';
import { ClaimsModule } from '@corroborate/api-claims';
import { CaptureEntity } from './capture.entity';
import { CapturesController } from './captures.controller';
import { CapturesResolver, EvidenceCapturesResolver } from './captures.resolver';
import { CapturesService } from './captures.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaptureEntity]), AuditModule, AuthModule, ClaimsModule],
  controllers: [CapturesController],
  providers: [CapturesService, CapturesResolver, EvidenceCapturesResolver],
  exports: [CapturesService],
})
export class CapturesModule {}
