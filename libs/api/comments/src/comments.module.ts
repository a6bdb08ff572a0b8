import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ClaimsModule } from '@corroborate/api-claims';
import { NotificationsModule } from '@corroborate/api-notifications';
import { CommentEntity, CommentMentionEntity } from './comment.entities';
import { ClaimCommentsResolver, CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity, CommentMentionEntity]),
    AuditModule,
    ClaimsModule,
    NotificationsModule,
  ],
  providers: [CommentsService, CommentsResolver, ClaimCommentsResolver],
  exports: [CommentsService],
})
export class CommentsModule {}
