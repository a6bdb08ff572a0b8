import { type DataSource, In, Not } from 'typeorm';
import { claimLoader, type ClaimsService, userLoader } from '@corroborate/api-claims';
import {
  type Actor,
  byKeys,
  groupByKeys,
  type LoaderRegistry,
  primeJoined,
} from '@corroborate/api-core';
import { OLDEST_FIRST, RowReader } from '@corroborate/api-database';
import { UserEntity } from '@corroborate/api-users';
import { EvidenceEntity } from '@corroborate/api-evidence';
import {
  AdjudicationEntity,
  AssessmentEntity,
  AssessmentEvidenceEntity,
  AssignmentEntity,
} from './review.entities';

/** The reviewer fields a queue row shows, readable from {@link QUEUE_REVIEWER_COLUMNS} alone. */
export const QUEUE_REVIEWER_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'displayName',
]);
const QUEUE_REVIEWER_COLUMNS = ['id', 'displayName'] as const;
export type QueueReviewer = Pick<UserEntity, (typeof QUEUE_REVIEWER_COLUMNS)[number]>;

/** The assignment fields a queue row shows, readable from {@link QUEUE_ASSIGNMENT_COLUMNS} alone. */
export const QUEUE_ASSIGNMENT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'status',
  'reviewer',
]);
const QUEUE_ASSIGNMENT_COLUMNS = ['id', 'claimId', 'reviewerId', 'status'] as const;
export type QueueAssignment = Pick<AssignmentEntity, (typeof QUEUE_ASSIGNMENT_COLUMNS)[number]>;

/**
 * Per-request batch loaders of the review area: one statement per batch however many claims
 * ask, so a queue page costs a constant number of statements. `mineByClaim` is the caller's own.
 */
export class ReviewLoaders {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly dataSource: DataSource,
    private readonly actor: Actor | null,
  ) {}

  /** Assignments of claims (every status), oldest first. */
  assignmentsByClaim() {
    return this.loaders.get<string, AssignmentEntity[]>('Assignment.byClaim', async (ids) =>
      groupByKeys(
        ids,
        await RowReader.of(this.dataSource, AssignmentEntity).whereIn('claimId', ids, OLDEST_FIRST),
        (a) => a.claimId,
      ),
    );
  }

  /**
   * {@link assignmentsByClaim} with only the columns of a queue row: loaded by the queue's
   * look-ahead, read by Claim.assignments only when its selection needs no more.
   */
  assignmentsByClaimForQueue() {
    return this.loaders.get<string, QueueAssignment[]>('Assignment.byClaim.queue', async (ids) =>
      groupByKeys(
        ids,
        await RowReader.of(this.dataSource, AssignmentEntity, QUEUE_ASSIGNMENT_COLUMNS).whereIn(
          'claimId',
          ids,
          OLDEST_FIRST,
        ),
        (a) => a.claimId,
      ),
    );
  }

  /**
   * Loads the claims' assignments with their reviewers in one statement and primes the loaders
   * with them: {@link assignmentsByClaimForQueue} when `queueAssignments` (the selection asks
   * only {@link QUEUE_ASSIGNMENT_FIELDS}), else {@link assignmentsByClaim}; {@link reviewerForQueue}
   * when `queueReviewers` (only {@link QUEUE_REVIEWER_FIELDS}), else the shared loader of whole
   * users. The queue's look-ahead when reviewers are selected.
   */
  async assignmentsWithReviewers(
    claimIds: readonly string[],
    claims: ClaimsService,
    queueAssignments: boolean,
    queueReviewers: boolean,
  ): Promise<void> {
    const rows = await (
      queueAssignments
        ? RowReader.of(this.dataSource, AssignmentEntity, QUEUE_ASSIGNMENT_COLUMNS)
        : RowReader.of(this.dataSource, AssignmentEntity)
    ).whereInJoined(
      'claimId',
      claimIds,
      OLDEST_FIRST,
      'reviewerId',
      queueReviewers
        ? RowReader.of(this.dataSource, UserEntity, QUEUE_REVIEWER_COLUMNS)
        : RowReader.of(this.dataSource, UserEntity),
    );
    // Whole assignments and users are queue-row ones too (a queue row reads no more of them).
    primeJoined<string, QueueAssignment, QueueReviewer>(
      claimIds,
      rows,
      (a) => a.claimId,
      queueAssignments ? this.assignmentsByClaimForQueue() : this.assignmentsByClaim(),
      queueReviewers ? this.reviewerForQueue() : this.user(claims),
    );
  }

  /**
   * Users with only {@link QUEUE_REVIEWER_COLUMNS}: loaded by the queue's look-ahead, read by
   * Assignment.reviewer only when its selection needs no more.
   */
  reviewerForQueue() {
    return this.loaders.get<string, QueueReviewer | null>('User.byId.queue', async (ids) =>
      byKeys(
        ids,
        await RowReader.of(this.dataSource, UserEntity, QUEUE_REVIEWER_COLUMNS).whereIn('id', ids),
        (u) => u.id,
      ),
    );
  }

  /** How many OPEN assignments each user has (their current review load). */
  openLoad() {
    return this.loaders.get<string, number>('Assignment.openLoad', async (ids) => {
      const rows = (await this.dataSource
        .getRepository(AssignmentEntity)
        .createQueryBuilder('a')
        .select('a.reviewerId', 'reviewerId')
        .addSelect('COUNT(*)', 'open')
        .where('a.reviewerId IN (:...ids)', { ids: [...ids] })
        .andWhere("a.status = 'OPEN'")
        .groupBy('a.reviewerId')
        .getRawMany()) as { reviewerId: string; open: string | number }[];
      const counts = new Map(rows.map((r) => [r.reviewerId, Number(r.open)]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  /** Submitted and superseded assessments of claims (never drafts), oldest first. Unfiltered. */
  byClaim() {
    return this.loaders.get<string, AssessmentEntity[]>('Assessment.byClaim', async (ids) => {
      const rows = await this.dataSource.getRepository(AssessmentEntity).find({
        where: { claimId: In([...ids]), status: Not('DRAFT') },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const row of rows) this.byId().prime(row.id, row);
      return groupByKeys(ids, rows, (a) => a.claimId);
    });
  }

  /** The caller's own assessments of claims (drafts included), oldest first. */
  mineByClaim() {
    const me = this.actor?.id ?? null;
    return this.loaders.get<string, AssessmentEntity[]>(`Assessment.mine:${me}`, async (ids) => {
      if (!me) return ids.map(() => []);
      const rows = await this.dataSource.getRepository(AssessmentEntity).find({
        where: { claimId: In([...ids]), reviewerId: me },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKeys(ids, rows, (a) => a.claimId);
    });
  }

  /** Unfiltered: callers check visibility (ReviewsService.visibleAssessment). */
  byId() {
    return this.loaders.get<string, AssessmentEntity | null>('Assessment.byId', async (ids) =>
      byKeys(
        ids,
        await this.dataSource.getRepository(AssessmentEntity).findBy({ id: In([...ids]) }),
        (a) => a.id,
      ),
    );
  }

  evidenceOf() {
    return this.loaders.get<string, EvidenceEntity[]>('Assessment.evidence', async (ids) => {
      const links = await this.dataSource
        .getRepository(AssessmentEvidenceEntity)
        .findBy({ assessmentId: In([...ids]) });
      const evidence = links.length
        ? await this.dataSource.getRepository(EvidenceEntity).find({
            where: { id: In([...new Set(links.map((l) => l.evidenceId))]) },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : [];
      const byAssessment = groupByKeys(ids, links, (l) => l.assessmentId);
      return byAssessment.map((list) => {
        const wanted = new Set(list.map((l) => l.evidenceId));
        return evidence.filter((e) => wanted.has(e.id));
      });
    });
  }

  evidenceById() {
    return this.loaders.get<string, EvidenceEntity | null>('Evidence.byId', async (ids) =>
      byKeys(
        ids,
        await this.dataSource.getRepository(EvidenceEntity).findBy({ id: In([...ids]) }),
        (r) => r.id,
      ),
    );
  }

  /** The adjudication in force of claims, or the one reopened last. */
  adjudicationByClaim() {
    return this.loaders.get<string, AdjudicationEntity | null>(
      'Adjudication.byClaim',
      async (ids) => {
        const rows = await this.dataSource.getRepository(AdjudicationEntity).find({
          where: { claimId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        // The one in force (not reopened) wins, else the one reopened last: later rows
        // overwrite earlier ones in byKeys. Never by creation time alone, where two made within
        // one clock tick tie.
        const reopenedAt = (a: AdjudicationEntity) => a.reopenedAt?.getTime() ?? Infinity;
        const ordered = [...rows].sort((a, b) =>
          reopenedAt(a) === reopenedAt(b) ? 0 : reopenedAt(a) < reopenedAt(b) ? -1 : 1,
        );
        return byKeys(ids, ordered, (a) => a.claimId);
      },
    );
  }

  claim(claims: ClaimsService) {
    return claimLoader(this.loaders, claims);
  }

  user(claims: ClaimsService) {
    return userLoader(this.loaders, claims);
  }
}
