import { type EntityManager, In } from 'typeorm';
import { AuditEventEntity } from '@corroborate/api-audit';
import {
  ClaimEntity,
  ClaimTopicEntity,
  EVIDENCE_ENTITY_TYPE,
  newClaimRecord,
  topicKey,
} from '@corroborate/api-claims';
import { type Actor } from '@corroborate/api-core';
import { BulkTable, sqliteHandle, timeOrderedId } from '@corroborate/api-database';
import { corroborationOf, EvidenceEntity, evidenceAuditView } from '@corroborate/api-evidence';
import {
  cleanSourceName,
  SOURCE_ENTITY_TYPE,
  SourceEntity,
  sourceAuditView,
  sourceNameKey,
} from '@corroborate/api-sources';
import { type ImportedClaim } from '@corroborate/domain';

/**
 * SQLite triggers on inserts into "claims" and "claim_topics" (full-text, facet-count and
 * claim-text-version upkeep, see the ClaimSearch, QueueFacetCounts and ClaimTextVersions
 * migrations) that a large batch replaces by one set-based statement each.
 */
const SQLITE_INSERT_TRIGGERS = [
  'claims_fts_insert',
  'claim_facets_insert',
  'claim_topic_facets_insert',
  'claim_text_versions_insert',
] as const;

/**
 * What those triggers write, for the claims with a rowid above `@last`, in one statement each.
 * `NOT INDEXED` keeps SQLite on the rowid range of the batch: without it the planner prefers
 * scanning a ("projectId", …) index of every claim for the GROUP BY, which grows with the table.
 */
const SQLITE_BATCH_UPKEEP = [
  `INSERT INTO "claims_fts"(rowid, "text", "claimant") SELECT rowid, "text", "claimant" FROM "claims" NOT INDEXED WHERE rowid > @last`,
  `INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
     SELECT "projectId", 'status', "status", COUNT(*) FROM "claims" NOT INDEXED WHERE rowid > @last GROUP BY "projectId", "status"
     UNION ALL SELECT "projectId", 'priority', "priority", COUNT(*) FROM "claims" NOT INDEXED WHERE rowid > @last GROUP BY "projectId", "priority"
     UNION ALL SELECT c."projectId", 'topic', LOWER(t."topic"), COUNT(*) FROM "claims" c NOT INDEXED
       CROSS JOIN "claim_topics" t ON t."claimId" = c."id" WHERE c.rowid > @last GROUP BY c."projectId", LOWER(t."topic")`,
  // The ClaimTextVersions migration's insert trigger: the project's insert count moves on.
  `INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed")
     SELECT "projectId", COUNT(*), 0 FROM "claims" NOT INDEXED WHERE rowid > @last GROUP BY "projectId"
     ON CONFLICT ("projectId") DO UPDATE SET "inserted" = "inserted" + excluded."inserted"`,
];

/** Below this many claims a batch keeps the per-row triggers (swapping them costs more). */
const SQLITE_SET_BASED_FROM = 64;

/**
 * Writes validated import records in batches inside the import's transaction: ids made here,
 * every claim, topic, source, evidence item and audit event of a batch in one multi-row insert
 * per table (PostgreSQL) or prepared statements (SQLite); sources matched by name key (any case
 * or spacing) against the registry in one lookup per batch and remembered for later batches.
 * Each claim, source and evidence item keeps its own audit event, in the order the one-by-one
 * path wrote them (claim, then per evidence item its new source and the item). A claim's
 * CONTRADICTION flag is computed from its evidence before it is written, as the evidence service
 * does after adding evidence.
 *
 * On SQLite a batch runs synchronously (nothing else on the shared connection in between), and
 * for large batches the per-row insert triggers are dropped, the rows written, the same upkeep
 * done in one statement per index ({@link SQLITE_BATCH_UPKEEP}) and the triggers recreated from
 * their stored definitions, all inside the transaction (a failure rolls the DDL back too).
 */
export class ImportWriter {
  private readonly claims: BulkTable<ClaimEntity>;
  private readonly topics: BulkTable<ClaimTopicEntity>;
  private readonly sources: BulkTable<SourceEntity>;
  private readonly evidence: BulkTable<EvidenceEntity>;
  private readonly audit: BulkTable<AuditEventEntity>;
  /** Sources of this import by name key: found in the registry or created by earlier batches. */
  private readonly knownSources = new Map<string, SourceEntity>();
  private readonly postgres: boolean;
  private sqliteTriggers: { name: string; sql: string }[] | null = null;
  /** PostgreSQL: the statements of batches sent and not yet awaited, oldest first (see write); each chained after the one before. */
  private readonly inFlight: Promise<void>[] = [];
  sourcesCreated = 0;
  evidenceCreated = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly actor: Actor | null,
    private readonly projectId: string,
    private readonly importId: string,
  ) {
    this.claims = new BulkTable(manager, ClaimEntity);
    this.topics = new BulkTable(manager, ClaimTopicEntity);
    this.sources = new BulkTable(manager, SourceEntity);
    this.evidence = new BulkTable(manager, EvidenceEntity);
    this.audit = new BulkTable(manager, AuditEventEntity);
    this.postgres = manager.connection.options.type === 'postgres';
  }

  /**
   * Writes one batch of claims (with their evidence and new sources) under the given ids. On
   * PostgreSQL the batch's statements may still be running when this returns: call
   * {@link finish} after the last batch, before anything else uses the transaction.
   */
  async write(
    batch: readonly { readonly id: string; readonly claim: ImportedClaim }[],
  ): Promise<void> {
    // At most one earlier batch still running while this one is built and sent.
    while (this.inFlight.length > 1) await this.inFlight.shift();
    await this.lookUpSources(batch.map((b) => b.claim));
    const actorId = this.actor?.id ?? null;
    const claims: Partial<ClaimEntity>[] = [];
    const topics: Partial<ClaimTopicEntity>[] = [];
    const sources: Partial<SourceEntity>[] = [];
    const evidence: Partial<EvidenceEntity>[] = [];
    const audit: Partial<AuditEventEntity>[] = [];
    for (const { id, claim: item } of batch) {
      const now = new Date();
      const record = newClaimRecord(
        this.actor,
        {
          projectId: this.projectId,
          text: item.text,
          claimant: item.claimant,
          firstAppearanceUrl: item.firstAppearanceUrl,
          firstAppearedAt: item.firstAppearedAt ? new Date(item.firstAppearedAt) : null,
          topics: item.topics,
          priority: item.priority,
          dueAt: item.dueAt ? new Date(item.dueAt) : null,
        },
        now,
        { importId: this.importId },
      );
      const claim: Partial<ClaimEntity> = { ...record.claim, id, version: 1 };
      claims.push(claim);
      for (const topic of record.topics) topics.push({ claimId: id, topic: topicKey(topic) });
      audit.push({ ...record.audit, entityId: id, at: now, before: null, reason: null });
      const items: EvidenceEntity[] = [];
      const used = new Map<string, SourceEntity>();
      for (const e of item.evidence) {
        const key = sourceNameKey(e.source.name);
        let source = this.knownSources.get(key);
        if (!source) {
          source = Object.assign(new SourceEntity(), {
            id: timeOrderedId(),
            name: cleanSourceName(e.source.name),
            nameKey: key,
            kind: e.source.kind,
            homepage: null,
            reliability: e.source.reliability,
            reliabilityNote: null,
            createdById: actorId,
            createdAt: now,
            updatedAt: now,
            version: 1,
          });
          this.knownSources.set(key, source);
          sources.push(source);
          this.sourcesCreated++;
          audit.push({
            actorId,
            entityType: SOURCE_ENTITY_TYPE,
            entityId: source.id,
            action: 'source.created',
            before: null,
            after: sourceAuditView(source),
            reason: null,
            at: now,
          });
        }
        used.set(source.id, source);
        const row = Object.assign(new EvidenceEntity(), {
          id: timeOrderedId(),
          claimId: id,
          sourceId: source.id,
          url: e.url,
          title: e.title,
          excerpt: e.excerpt,
          publishedAt: e.publishedAt ? new Date(e.publishedAt) : null,
          retrievedAt: now,
          archiveUrl: null,
          stance: e.stance,
          credibility: e.credibility,
          note: null,
          derivedFromId: null,
          quantityMin: null,
          quantityMax: null,
          quantityUnit: null,
          quantityAsOf: null,
          anchorPrefix: null,
          anchorExact: null,
          anchorSuffix: null,
          retracted: false,
          retractionReason: null,
          addedById: actorId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        items.push(row);
        evidence.push(row);
        this.evidenceCreated++;
        audit.push({
          actorId,
          entityType: EVIDENCE_ENTITY_TYPE,
          entityId: row.id,
          action: 'evidence.added',
          before: null,
          after: { ...evidenceAuditView(row), importId: this.importId },
          reason: null,
          at: now,
        });
      }
      if (items.length > 0)
        claim.hasContradiction = corroborationOf(items, used).warnings.some(
          (w) => w.code === 'CONTRADICTION',
        );
    }
    if (this.postgres) {
      // Not awaited: this batch's rows are inserted while the caller reads and builds the next
      // batch (the server and this process work at once). Straight to the transaction's
      // node-postgres client, each statement sent when the one before it has finished (sources
      // before the evidence naming them, claims before their topics, each batch after the one
      // before; the client is never handed a query while it runs one). A failure skips what
      // follows and is thrown by the next write or by finish(); the transaction is aborted by
      // then, so nothing after it is written.
      const client = postgresClient(this.manager);
      const statements = [
        [this.sources, sources],
        [this.claims, claims],
        [this.topics, topics],
        [this.evidence, evidence],
        [this.audit, audit],
      ] as const;
      let inserts: Promise<void> = this.inFlight.at(-1) ?? Promise.resolve();
      for (const [table, rows] of statements) {
        if (rows.length === 0) continue;
        const { sql, parameters } = (table as BulkTable<object>).postgresStatement(rows);
        inserts = inserts.then(async () => {
          await client.query(sql, parameters);
        });
      }
      // Observed here so that a failure is not reported as unhandled before it is awaited.
      inserts.catch(() => undefined);
      this.inFlight.push(inserts);
    } else {
      this.sqliteBatch(claims.length, () => {
        this.sources.insertSync(sources);
        this.claims.insertSync(claims);
        this.topics.insertSync(topics);
        this.evidence.insertSync(evidence);
        this.audit.insertSync(audit);
      });
    }
  }

  /** Waits for every batch written so far; throws the first failure. */
  async finish(): Promise<void> {
    await this.settled();
  }

  /** Waits for the batches in flight; throws the first failure (later ones skip their statements). */
  private async settled(): Promise<void> {
    const waiting = this.inFlight.splice(0);
    let failure: unknown = null;
    for (const p of waiting)
      await p.catch((error: unknown) => {
        failure ??= error;
      });
    if (failure !== null) throw failure;
  }

  /** The registry's sources named in this batch and not yet known, in one statement. */
  private async lookUpSources(batch: readonly ImportedClaim[]): Promise<void> {
    const wanted = new Set<string>();
    for (const item of batch)
      for (const e of item.evidence) {
        const key = sourceNameKey(e.source.name);
        if (!this.knownSources.has(key)) wanted.add(key);
      }
    if (wanted.size === 0) return;
    // The connection runs one statement at a time: the lookup waits for the batch in flight
    // (it would have waited behind it anyway).
    await this.settled();
    const keys = [...wanted];
    for (let i = 0; i < keys.length; i += 500) {
      const found = await this.manager.findBy(SourceEntity, {
        nameKey: In(keys.slice(i, i + 500)),
      });
      for (const source of found) this.knownSources.set(source.nameKey, source);
    }
  }

  /** Runs a batch's inserts on SQLite, set-based upkeep instead of row triggers when large. */
  private sqliteBatch(claimCount: number, inserts: () => void): void {
    const db = sqliteHandle(this.manager);
    this.sqliteTriggers ??= db
      .prepare(
        `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" IN (${SQLITE_INSERT_TRIGGERS.map(() => '?').join(', ')})`,
      )
      .all(...SQLITE_INSERT_TRIGGERS) as { name: string; sql: string }[];
    // Only when every trigger it replaces is there as expected; otherwise the triggers do it.
    if (
      claimCount < SQLITE_SET_BASED_FROM ||
      this.sqliteTriggers.length !== SQLITE_INSERT_TRIGGERS.length
    ) {
      inserts();
      return;
    }
    const { last } = db.prepare('SELECT COALESCE(MAX(rowid), 0) AS "last" FROM "claims"').get() as {
      last: number;
    };
    for (const t of this.sqliteTriggers) db.exec(`DROP TRIGGER "${t.name}"`);
    try {
      inserts();
      for (const sql of SQLITE_BATCH_UPKEEP) db.prepare(sql).run({ last });
    } finally {
      for (const t of this.sqliteTriggers) db.exec(t.sql);
    }
  }
}

/** The node-postgres client of a transaction's query runner (connected: the transaction is open). */
function postgresClient(manager: EntityManager): {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
} {
  const runner = manager.queryRunner as unknown as {
    databaseConnection?: { query(sql: string, parameters: unknown[]): Promise<unknown> };
  } | null;
  if (!runner?.databaseConnection) throw new Error('The import has no open PostgreSQL connection');
  return runner.databaseConnection;
}
