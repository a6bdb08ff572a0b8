import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  CLAIM_ENTITY_TYPE,
  type ClaimEntity,
  ClaimsService,
  COMMENT_ENTITY_TYPE,
  EVIDENCE_ENTITY_TYPE,
} from '@corroborate/api-claims';
import { type Actor, BadInputError, ConflictError } from '@corroborate/api-core';
import { CommentEntity } from '@corroborate/api-comments';
import { EvidenceEntity, EvidenceService } from '@corroborate/api-evidence';

/** What {@link moveClaimChildren} moved from the merged claim to the surviving one. */
export interface MovedChildren {
  /** Evidence items (their captures belong to them and move with them). */
  readonly evidenceIds: readonly string[];
  /** Comments, threads intact (replies keep their parents). */
  readonly commentIds: readonly string[];
}

/**
 * THE place where a merge moves what belongs to a claim onto the surviving claim, inside the
 * merge's transaction: the evidence items (and with them their captures and their audit
 * history, which Claim.history finds through the evidence) and the comments (with their threads
 * and edit history). Assignments and assessments stay on the merged claim: they judged its text,
 * and they remain visible in the survivor's history.
 */
export async function moveClaimChildren(
  manager: EntityManager,
  fromId: string,
  toId: string,
): Promise<MovedChildren> {
  const evidence = await manager.find(EvidenceEntity, {
    where: { claimId: fromId },
    select: { id: true },
    order: { createdAt: 'ASC' },
  });
  if (evidence.length > 0) {
    await manager
      .createQueryBuilder()
      .update(EvidenceEntity)
      .set({ claimId: toId })
      .where('"claimId" = :fromId', { fromId })
      .execute();
  }
  const comments = await manager.find(CommentEntity, {
    where: { claimId: fromId },
    select: { id: true },
    order: { createdAt: 'ASC' },
  });
  if (comments.length > 0) {
    await manager
      .createQueryBuilder()
      .update(CommentEntity)
      .set({ claimId: toId })
      .where('"claimId" = :fromId', { fromId })
      .execute();
  }
  return { evidenceIds: evidence.map((e) => e.id), commentIds: comments.map((c) => c.id) };
}

const LOCKED_REASON: Record<string, string> = {
  VERIFIED: 'it is VERIFIED and locked (reopen it first)',
  REJECTED: 'it is REJECTED',
};

@Injectable()
export class MergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
    private readonly evidence: EvidenceService,
  ) {}

  /**
   * Merges `duplicateId` into `survivorId`: its evidence (with captures and history) moves to the
   * survivor, the survivor records `claim.merged`, and the duplicate becomes REJECTED with
   * duplicateOfId = the survivor (the reject-as-duplicate path). Nothing is deleted; the
   * survivor's history also shows the merged claim's own events. One transaction.
   */
  merge(
    actor: Actor,
    survivorId: string,
    duplicateId: string,
    reason: string,
    expectedDuplicateVersion: number | null = null,
  ): Promise<ClaimEntity> {
    const why = reason.trim();
    if (!why) throw new BadInputError('reason', 'reason must be between 1 and 2000 characters.');
    if (survivorId === duplicateId)
      throw new BadInputError('duplicateId', 'A claim cannot be merged into itself.');
    return this.dataSource.transaction(async (manager) => {
      const survivor = await this.claims.get(survivorId, manager);
      const duplicate = await this.claims.get(duplicateId, manager);
      if (survivor.projectId !== duplicate.projectId) {
        throw new BadInputError(
          'survivorId',
          'The two claims belong to different projects; a claim can only be merged into a claim of the same project.',
        );
      }
      if (LOCKED_REASON[survivor.status]) {
        throw new ConflictError(
          `Cannot merge into this claim: ${LOCKED_REASON[survivor.status]}.`,
          { field: 'survivorId', status: survivor.status },
        );
      }
      if (LOCKED_REASON[duplicate.status]) {
        throw new ConflictError(
          `Cannot merge the duplicate claim: ${LOCKED_REASON[duplicate.status]}.`,
          { field: 'duplicateId', status: duplicate.status },
        );
      }
      const moved = await moveClaimChildren(manager, duplicate.id, survivor.id);
      for (const evidenceId of moved.evidenceIds) {
        await this.audit.record(
          {
            actorId: actor.id,
            entityType: EVIDENCE_ENTITY_TYPE,
            entityId: evidenceId,
            action: 'evidence.moved',
            before: { claimId: duplicate.id },
            after: { claimId: survivor.id },
            reason: why,
          },
          manager,
        );
      }
      for (const commentId of moved.commentIds) {
        await this.audit.record(
          {
            actorId: actor.id,
            entityType: COMMENT_ENTITY_TYPE,
            entityId: commentId,
            action: 'comment.moved',
            before: { claimId: duplicate.id },
            after: { claimId: survivor.id },
            reason: why,
          },
          manager,
        );
      }
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: CLAIM_ENTITY_TYPE,
          entityId: survivor.id,
          action: 'claim.merged',
          after: {
            mergedClaimId: duplicate.id,
            movedEvidenceIds: moved.evidenceIds,
            movedCommentIds: moved.commentIds,
          },
          reason: why,
        },
        manager,
      );
      await this.claims.rejectIn(
        manager,
        actor,
        duplicate,
        expectedDuplicateVersion ?? duplicate.version,
        why,
        survivor.id,
        { mergedInto: survivor.id },
      );
      await this.evidence.recomputeClaim(survivor.id, manager);
      await this.evidence.recomputeClaim(duplicate.id, manager);
      return this.claims.get(survivor.id, manager);
    });
  }
}
