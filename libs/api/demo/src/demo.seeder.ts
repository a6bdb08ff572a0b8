import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  ASSESSMENT_ENTITY_TYPE,
  COMMENT_ENTITY_TYPE,
  ClaimEntity,
  ClaimTopicEntity,
  topicKey,
} from '@corroborate/api-claims';
import { CommentEntity, CommentMentionEntity } from '@corroborate/api-comments';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { NotificationEntity } from '@corroborate/api-notifications';
import { type ProjectEntity, ProjectsService } from '@corroborate/api-projects';
import { SourceEntity } from '@corroborate/api-sources';
import {
  AssessmentEntity,
  AssessmentEvidenceEntity,
  AssignmentEntity,
} from '@corroborate/api-reviews';
import { type UserEntity, UsersService } from '@corroborate/api-users';
import { type Credibility, corroborate, disagreementFlag, priorityRank } from '@corroborate/domain';
import { type DemoAssessment, DEMO_CLAIMS, DEMO_REVIEWS, DEMO_SOURCES } from './demo-claims';
import { DEMO_PROJECT, DEMO_USERS } from './demo-data';

export interface DemoSeedResult {
  usersCreated: number;
  projectCreated: boolean;
  claimsCreated: number;
}

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
  ) {}

  /** True when the database has no users at all: a first start. */
  async isEmpty(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /** Adds whatever part of the demo is missing; running it twice changes nothing. */
  async seed(): Promise<DemoSeedResult> {
    let usersCreated = 0;
    for (const demoUser of DEMO_USERS) {
      if (await this.users.findByEmail(demoUser.email)) continue;
      await this.users.create(null, demoUser);
      usersCreated += 1;
    }
    let claimsCreated = 0;
    const existing = await this.projects.findByName(DEMO_PROJECT.name);
    if (!existing) {
      const project = await this.projects.create(null, DEMO_PROJECT);
      claimsCreated = await this.dataSource.transaction((manager) =>
        this.seedClaims(manager, project),
      );
    }
    this.logger.log(
      `Demo data: ${usersCreated} users, ${existing ? 0 : 1} project and ${claimsCreated} claims added.`,
    );
    return { usersCreated, projectCreated: !existing, claimsCreated };
  }

  /** Demo logins still present in this database, for the startup banner. */
  async presentDemoUsers(): Promise<typeof DEMO_USERS> {
    const present = [];
    for (const demoUser of DEMO_USERS) {
      const user = await this.users.findByEmail(demoUser.email);
      if (user?.active) present.push(demoUser);
    }
    return present;
  }

  /** The article's claims with graded sources and evidence, including a re-reporting chain. */
  private async seedClaims(manager: EntityManager, project: ProjectEntity): Promise<number> {
    const editor = await this.users.findByEmail('editor@example.org');
    const reviewer = await this.users.findByEmail('reviewer@example.org');
    const sources = new Map<string, SourceEntity>();
    for (const demo of DEMO_SOURCES) {
      const nameKey = demo.name.trim().replace(/\s+/g, ' ').toLowerCase();
      let source = await manager.findOneBy(SourceEntity, { nameKey });
      if (!source) {
        source = await manager.save(
          manager.create(SourceEntity, {
            name: demo.name,
            nameKey,
            kind: demo.kind,
            homepage: demo.homepage,
            reliability: demo.reliability,
            reliabilityNote: demo.reliabilityNote,
            createdById: editor?.id ?? null,
          }),
        );
        await this.audit.record(
          {
            actorId: editor?.id ?? null,
            entityType: 'Source',
            entityId: source.id,
            action: 'source.created',
            after: { name: source.name, kind: source.kind, reliability: source.reliability },
          },
          manager,
        );
      }
      sources.set(demo.key, source);
    }

    const reviewers = {
      reviewer: await this.users.findByEmail('reviewer@example.org'),
      reviewer2: await this.users.findByEmail('reviewer2@example.org'),
    };
    for (const [index, demo] of DEMO_CLAIMS.entries()) {
      const claim = await manager.save(
        manager.create(ClaimEntity, {
          projectId: project.id,
          text: demo.text,
          claimant: demo.claimant,
          firstAppearanceUrl: demo.firstAppearanceUrl,
          firstAppearedAt: new Date(demo.firstAppearedAt),
          topics: demo.topics,
          priority: demo.priority,
          priorityRank: priorityRank(demo.priority),
          dueAt:
            demo.dueInDays === null ? null : new Date(Date.now() + demo.dueInDays * 86_400_000),
          status: 'NEW',
          rejectionReason: null,
          duplicateOfId: null,
          hasContradiction: false,
          createdById: editor?.id ?? null,
          // Explicit timestamps store the same format the API writes (not SQLite's text default).
          createdAt: new Date(),
          updatedAt: new Date(),
        }),
      );
      await manager.save(
        demo.topics.map((topic) =>
          manager.create(ClaimTopicEntity, { claimId: claim.id, topic: topicKey(topic) }),
        ),
      );
      await this.audit.record(
        {
          actorId: editor?.id ?? null,
          entityType: 'Claim',
          entityId: claim.id,
          action: 'claim.created',
          after: {
            text: claim.text,
            claimant: claim.claimant,
            priority: claim.priority,
            version: claim.version,
          },
        },
        manager,
      );

      const byKey = new Map<string, EvidenceEntity>();
      const saved: { evidence: EvidenceEntity; source: SourceEntity }[] = [];
      for (const item of demo.evidence) {
        const source = sources.get(item.source);
        if (!source) throw new Error(`Demo evidence names an unknown source: ${item.source}`);
        const evidence = await manager.save(
          manager.create(EvidenceEntity, {
            claimId: claim.id,
            sourceId: source.id,
            url: item.url,
            title: item.title,
            excerpt: item.excerpt,
            publishedAt: new Date(item.publishedAt),
            retrievedAt: new Date(),
            archiveUrl: null,
            stance: item.stance,
            credibility: item.credibility,
            note: item.note ?? null,
            derivedFromId: item.derivedFrom ? (byKey.get(item.derivedFrom)?.id ?? null) : null,
            quantityMin: item.quantity?.min ?? null,
            quantityMax: item.quantity?.max ?? null,
            quantityUnit: item.quantity?.unit ?? null,
            quantityAsOf: item.quantity ? new Date(item.quantity.asOf) : null,
            anchorPrefix: null,
            anchorExact: null,
            anchorSuffix: null,
            retracted: false,
            retractionReason: null,
            addedById: reviewer?.id ?? null,
            createdAt: new Date(),
            updatedAt: new Date(),
          }),
        );
        if (item.key) byKey.set(item.key, evidence);
        saved.push({ evidence, source });
        await this.audit.record(
          {
            actorId: reviewer?.id ?? null,
            entityType: 'Evidence',
            entityId: evidence.id,
            action: 'evidence.added',
            after: {
              claimId: claim.id,
              sourceId: source.id,
              stance: evidence.stance,
              credibility: evidence.credibility,
              derivedFromId: evidence.derivedFromId,
            },
          },
          manager,
        );
      }

      const result = corroborate(
        saved.map(({ evidence: e, source }) => ({
          id: e.id,
          sourceId: source.id,
          sourceName: source.name,
          reliability: source.reliability,
          credibility: e.credibility as Credibility,
          stance: e.stance,
          derivedFromId: e.derivedFromId,
          quantity:
            e.quantityMin === null || e.quantityUnit === null
              ? null
              : { min: e.quantityMin, max: e.quantityMax ?? Infinity, unit: e.quantityUnit },
        })),
      );
      if (result.warnings.some((w) => w.code === 'CONTRADICTION')) {
        await manager.update(ClaimEntity, { id: claim.id }, { hasContradiction: true });
      }
      const review = DEMO_REVIEWS[index];
      if (review)
        await this.seedReview(
          manager,
          project,
          claim,
          saved.map((s) => s.evidence),
          [
            { user: reviewers.reviewer, work: review.reviewer },
            { user: reviewers.reviewer2, work: review.reviewer2 },
          ],
          editor,
        );
    }
    return DEMO_CLAIMS.length;
  }

  /**
   * Assignments and submitted assessments of one demo claim, with the workflow effects the API
   * would have: NEW → IN_REVIEW on the first assignment, the disagreement flag, and
   * NEEDS_ADJUDICATION once the project's required number of reviewers have submitted.
   */
  private async seedReview(
    manager: EntityManager,
    project: ProjectEntity,
    claim: ClaimEntity,
    evidence: EvidenceEntity[],
    work: { user: UserEntity | null; work: DemoAssessment | 'OPEN' | undefined }[],
    editor: UserEntity | null,
  ): Promise<void> {
    const submitted: AssessmentEntity[] = [];
    const record = (
      entityType: string,
      entityId: string,
      action: string,
      actorId: string | null,
      after: Record<string, unknown>,
    ) => this.audit.record({ actorId, entityType, entityId, action, after }, manager);
    for (const { user, work: assessment } of work) {
      if (!user || !assessment) continue;
      const now = new Date();
      const assignment = await manager.save(
        manager.create(AssignmentEntity, {
          claimId: claim.id,
          reviewerId: user.id,
          assignedById: editor?.id ?? null,
          dueAt: claim.dueAt,
          status: assessment === 'OPEN' ? 'OPEN' : 'SUBMITTED',
          declineReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await record('Claim', claim.id, 'assignment.created', editor?.id ?? null, {
        assignmentId: assignment.id,
        reviewerId: user.id,
        dueAt: claim.dueAt ? claim.dueAt.toISOString() : null,
      });
      // Reviewers who have already submitted have seen their assignment.
      await manager.save(
        manager.create(NotificationEntity, {
          recipientId: user.id,
          kind: 'ASSIGNED',
          claimId: claim.id,
          actorId: editor?.id ?? null,
          commentId: null,
          createdAt: now,
          readAt: assessment === 'OPEN' ? null : now,
        }),
      );
      if (assessment === 'OPEN') continue;
      const evidenceIds = assessment.evidence.flatMap((i) => (evidence[i] ? [evidence[i].id] : []));
      const saved = await manager.save(
        manager.create(AssessmentEntity, {
          claimId: claim.id,
          reviewerId: user.id,
          assignmentId: assignment.id,
          verdict: assessment.verdict,
          likelihood: assessment.likelihood,
          confidence: assessment.confidence,
          rationale: assessment.rationale,
          status: 'SUBMITTED',
          supersedesId: null,
          correctionReason: null,
          submittedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (evidenceIds.length > 0)
        await manager.insert(
          AssessmentEvidenceEntity,
          evidenceIds.map((evidenceId) => ({ assessmentId: saved.id, evidenceId })),
        );
      await record(ASSESSMENT_ENTITY_TYPE, saved.id, 'assessment.submitted', user.id, {
        claimId: claim.id,
        verdict: saved.verdict,
        likelihood: saved.likelihood,
        confidence: saved.confidence,
        rationale: saved.rationale,
        evidenceIds: [...evidenceIds].sort(),
      });
      submitted.push(saved);
    }
    const status = submitted.length >= project.requiredReviews ? 'NEEDS_ADJUDICATION' : 'IN_REVIEW';
    const flagged = disagreementFlag(
      submitted.map((a) => ({ id: a.id, verdict: a.verdict, likelihood: a.likelihood })),
    ).flagged;
    await manager.update(
      ClaimEntity,
      { id: claim.id },
      { status, hasDisagreement: flagged, version: claim.version + 1 },
    );
    await record('Claim', claim.id, 'claim.statusChanged', editor?.id ?? null, {
      status,
      version: claim.version + 1,
    });
    if (status === 'NEEDS_ADJUDICATION' && editor) {
      await manager.save(
        manager.create(NotificationEntity, {
          recipientId: editor.id,
          kind: 'NEEDS_ADJUDICATION',
          claimId: claim.id,
          actorId: submitted.at(-1)?.reviewerId ?? null,
          commentId: null,
          createdAt: new Date(),
          readAt: null,
        }),
      );
    }
    if (flagged && editor) await this.seedDiscussion(manager, claim, submitted, editor);
  }

  /** The disagreement's discussion: the second reviewer asks the editor to look, the first replies. */
  private async seedDiscussion(
    manager: EntityManager,
    claim: ClaimEntity,
    submitted: AssessmentEntity[],
    editor: UserEntity,
  ): Promise<void> {
    const [first, second] = submitted;
    if (!first || !second) return;
    const thread = [
      {
        authorId: second.reviewerId,
        body: `@${editor.email} we read the detainees' testimony differently. Worth comparing the evidence each of us relied on before you adjudicate.`,
        mentions: [editor.id],
      },
      {
        authorId: first.reviewerId,
        body: 'Agreed. My doubt is only about how many of the accounts were independently confirmed, not whether they are credible.',
        mentions: [],
      },
    ];
    let parentId: string | null = null;
    for (const entry of thread) {
      const comment: CommentEntity = await manager.save(
        manager.create(CommentEntity, {
          claimId: claim.id,
          parentId,
          authorId: entry.authorId,
          body: entry.body,
          createdAt: new Date(),
          editedAt: null,
        }),
      );
      parentId = parentId ?? comment.id;
      for (const userId of entry.mentions) {
        await manager.save(manager.create(CommentMentionEntity, { commentId: comment.id, userId }));
        await manager.save(
          manager.create(NotificationEntity, {
            recipientId: userId,
            kind: 'MENTIONED',
            claimId: claim.id,
            actorId: entry.authorId,
            commentId: comment.id,
            createdAt: comment.createdAt,
            readAt: null,
          }),
        );
      }
      await this.audit.record(
        {
          actorId: entry.authorId,
          entityType: COMMENT_ENTITY_TYPE,
          entityId: comment.id,
          action: 'comment.created',
          after: {
            claimId: claim.id,
            parentId: comment.parentId,
            body: entry.body,
            mentionedUserIds: entry.mentions,
          },
        },
        manager,
      );
    }
  }
}
