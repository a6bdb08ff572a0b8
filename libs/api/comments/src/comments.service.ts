import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { ClaimsService, COMMENT_ENTITY_TYPE } from '@corroborate/api-claims';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  BadInputError,
  ForbiddenError,
  groupByKeys,
  type LoaderRegistry,
  NotFoundError,
} from '@corroborate/api-core';
import { NotificationsService } from '@corroborate/api-notifications';
import { UserEntity } from '@corroborate/api-users';
import { resolveMentions } from '@corroborate/domain';
import { CommentEntity, CommentMentionEntity } from './comment.entities';

export interface AddCommentRequest {
  claimId: string;
  parentId?: string | null;
  body: string;
}

/** Threaded comments on claims, with @mentions that notify, editable by the author for a while. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: ClaimsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** When the author's edit window of a comment closes. */
  editableUntil(comment: Pick<CommentEntity, 'createdAt'>): Date {
    return new Date(comment.createdAt.getTime() + this.config.commentEditWindowSeconds * 1000);
  }

  canEdit(actor: Actor | null, comment: Pick<CommentEntity, 'authorId' | 'createdAt'>): boolean {
    return actor?.id === comment.authorId && Date.now() < this.editableUntil(comment).getTime();
  }

  /** Comments of claims, oldest first, one statement per batch. */
  byClaimLoader(registry: LoaderRegistry) {
    return registry.get<string, CommentEntity[]>('Comment.byClaim', async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource.getRepository(CommentEntity).find({
          where: { claimId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
        (c) => c.claimId,
      ),
    );
  }

  /** Users mentioned by comments, one statement per batch. */
  mentionsLoader(registry: LoaderRegistry) {
    return registry.get<string, UserEntity[]>('Comment.mentions', async (ids) => {
      const links = await this.dataSource
        .getRepository(CommentMentionEntity)
        .findBy({ commentId: In([...ids]) });
      const users = links.length
        ? await this.dataSource
            .getRepository(UserEntity)
            .findBy({ id: In([...new Set(links.map((l) => l.userId))]) })
        : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return groupByKeys(ids, links, (l) => l.commentId).map((list) =>
        list.map((l) => byId.get(l.userId)).filter((u): u is UserEntity => !!u),
      );
    });
  }

  /** Active users, for the mention picker, matching `search` in name or email. */
  async mentionable(search: string | null, limit = 20): Promise<UserEntity[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.active = :active', { active: true })
      .orderBy('u.displayName', 'ASC')
      .take(limit);
    const term = search?.trim().toLowerCase();
    if (term)
      qb.andWhere('(LOWER(u.displayName) LIKE :term OR LOWER(u.email) LIKE :term)', {
        term: `%${term.replace(/[%_\\]/g, '')}%`,
      });
    return qb.getMany();
  }

  /** The users a text mentions; BAD_USER_INPUT for a short mention that fits several users. */
  private async mentions(manager: EntityManager, body: string): Promise<string[]> {
    if (!body.includes('@')) return [];
    const users = await manager.findBy(UserEntity, { active: true });
    const result = resolveMentions(body, users);
    if (result.ambiguous.length) {
      const token = result.ambiguous[0] as string;
      const matches = users
        .filter((u) => u.email.toLowerCase().startsWith(`${token.toLowerCase()}@`))
        .map((u) => u.email);
      throw new BadInputError(
        'body',
        `@${token} fits several people (${matches.join(', ')}); mention them by full address, e.g. @${matches[0]}.`,
      );
    }
    return result.userIds;
  }

  add(actor: Actor, request: AddCommentRequest): Promise<CommentEntity> {
    const body = request.body.trim();
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.get(request.claimId, manager);
      await this.claims.assertWorksOn(actor, claim.id, 'comment', manager);
      if (request.parentId) {
        const parent = await manager.findOneBy(CommentEntity, { id: request.parentId });
        if (!parent || parent.claimId !== claim.id)
          throw new BadInputError(
            'parentId',
            `Comment ${JSON.stringify(request.parentId)} is not a comment on this claim, so it cannot be replied to here.`,
          );
      }
      const mentioned = await this.mentions(manager, body);
      const comment = await manager.save(
        manager.create(CommentEntity, {
          claimId: claim.id,
          parentId: request.parentId ?? null,
          authorId: actor.id,
          body,
          createdAt: new Date(),
          editedAt: null,
        }),
      );
      if (mentioned.length)
        await manager.save(
          mentioned.map((userId) =>
            manager.create(CommentMentionEntity, { commentId: comment.id, userId }),
          ),
        );
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: COMMENT_ENTITY_TYPE,
          entityId: comment.id,
          action: 'comment.created',
          after: {
            claimId: claim.id,
            parentId: comment.parentId,
            body,
            mentionedUserIds: mentioned,
          },
        },
        manager,
      );
      await this.notifications.notify(manager, {
        kind: 'MENTIONED',
        recipientIds: mentioned,
        actorId: actor.id,
        claimId: claim.id,
        commentId: comment.id,
      });
      return comment;
    });
  }

  /** The author rewrites their comment within the edit window; newly mentioned people are notified. */
  edit(actor: Actor, id: string, newBody: string): Promise<CommentEntity> {
    const body = newBody.trim();
    return this.dataSource.transaction(async (manager) => {
      const comment = await manager.findOneBy(CommentEntity, { id });
      if (!comment) throw new NotFoundError('Comment', id);
      if (comment.authorId !== actor.id)
        throw new ForbiddenError('Only its author can edit a comment.');
      if (!this.canEdit(actor, comment)) {
        const minutes = Math.round(this.config.commentEditWindowSeconds / 60);
        throw new ForbiddenError(
          `Comments can be edited for ${minutes} minute${minutes === 1 ? '' : 's'} after posting; this one was posted at ${comment.createdAt.toISOString()} and is now fixed. Add a reply instead.`,
          { editableUntil: this.editableUntil(comment).toISOString() },
        );
      }
      await this.claims.assertWorksOn(actor, comment.claimId, 'comment', manager);
      if (body === comment.body) return comment;
      const before = (await manager.findBy(CommentMentionEntity, { commentId: id })).map(
        (m) => m.userId,
      );
      const mentioned = await this.mentions(manager, body);
      const previousBody = comment.body;
      comment.body = body;
      comment.editedAt = new Date();
      await manager.save(comment);
      await manager.delete(CommentMentionEntity, { commentId: id });
      if (mentioned.length)
        await manager.save(
          mentioned.map((userId) =>
            manager.create(CommentMentionEntity, { commentId: id, userId }),
          ),
        );
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: COMMENT_ENTITY_TYPE,
          entityId: id,
          action: 'comment.edited',
          before: { claimId: comment.claimId, body: previousBody, mentionedUserIds: before },
          after: { claimId: comment.claimId, body, mentionedUserIds: mentioned },
        },
        manager,
      );
      await this.notifications.notify(manager, {
        kind: 'MENTIONED',
        recipientIds: mentioned.filter((userId) => !before.includes(userId)),
        actorId: actor.id,
        claimId: comment.claimId,
        commentId: id,
      });
      return comment;
    });
  }
}
