import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { ClaimEntity, ClaimTopicEntity, topicKey } from '@corroborate/api-claims';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { type ProjectEntity, ProjectsService } from '@corroborate/api-projects';
import { SourceEntity } from '@corroborate/api-sources';
import { UsersService } from '@corroborate/api-users';
import { type Credibility, corroborate, priorityRank } from '@corroborate/domain';
import { DEMO_CLAIMS, DEMO_SOURCES } from './demo-claims';
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

    for (const demo of DEMO_CLAIMS) {
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
    }
    return DEMO_CLAIMS.length;
  }
}
