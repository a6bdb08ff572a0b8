import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@corroborate/api-core';
import { sqliteReadConnection } from '@corroborate/api-database';
import {
  type ClaimStatus,
  DEFAULT_DUPLICATE_THRESHOLD,
  normaliseClaimText,
  TrigramSetIndex,
  trigramScorer,
} from '@corroborate/domain';

export interface DuplicateMatch {
  readonly claimId: string;
  readonly text: string;
  readonly status: ClaimStatus;
  /** pg_trgm similarity of the normalised texts, 0…1 (a float4 value, as PostgreSQL computes it). */
  readonly score: number;
}

/**
 * Distinct normalised texts read per SQLite statement when a project's texts do not fit in one
 * string (SQLITE_TOOBIG, a billion bytes by default).
 */
const SQLITE_CHUNK = 20_000;

/**
 * Puts a match into `best` (score descending, then id ascending) if it is among the best `limit`,
 * and returns the score a text must now reach to matter: the threshold until `limit` matches are
 * in, then slightly below the last one's float4 score, so a text that rounds to a tie is still
 * scored and the tie goes by id.
 */
function keepBest(
  best: { id: string; score: number }[],
  limit: number,
  threshold: number,
  id: string,
  score: number,
): number {
  let at = best.length;
  while (
    at > 0 &&
    (best[at - 1].score < score || (best[at - 1].score === score && best[at - 1].id > id))
  )
    at--;
  if (at < limit) {
    best.splice(at, 0, { id, score });
    if (best.length > limit) best.pop();
  }
  return best.length === limit
    ? Math.max(threshold, best[limit - 1].score * (1 - 1e-6))
    : threshold;
}

/** Rows asked of the PostgreSQL nearest-neighbour scan per requested match, at first. */
const PG_WINDOW_PER_MATCH = 4;

/**
 * PostgreSQL: claim_text_changes rows older than this are pruned (hourly), and a kept copy not
 * brought up to date for half of it is read again rather than trusted to find its rows.
 */
const PG_CHANGES_KEPT_MS = 24 * 60 * 60 * 1000;
const PG_PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * PostgreSQL: what a kept copy's snapshot missed, read in one statement (one snapshot): the new
 * snapshot, whether rows it needs may have been pruned (or "claims" truncated), whether a bulk
 * insert asks to read the project again, and each changed claim with its current normalised text
 * in this project (null when deleted or moved away). A change counts once its transaction is
 * visible now and was not in the copy's snapshot, whatever order transactions committed in.
 */
const PG_SYNC = `WITH "changed" AS (
    SELECT DISTINCT "claimId" FROM "claim_text_changes"
     WHERE "projectId" = $1 AND "xid" >= pg_snapshot_xmin($2::pg_snapshot)
       AND NOT pg_visible_in_snapshot("xid", $2::pg_snapshot)
       AND pg_visible_in_snapshot("xid", pg_current_snapshot()))
  SELECT pg_current_snapshot()::text AS "snapshot",
         EXISTS (SELECT 1 FROM "claim_text_changes_pruned" WHERE "below" > pg_snapshot_xmin($2::pg_snapshot)) AS "stale",
         EXISTS (SELECT 1 FROM "changed" WHERE "claimId" IS NULL) AS "whole",
         (SELECT json_agg(json_build_array(ch."claimId", c."normalisedText"))
            FROM "changed" ch LEFT JOIN "claims" c ON c."id" = ch."claimId" AND c."projectId" = $1
           WHERE ch."claimId" IS NOT NULL) AS "changes"`;

/**
 * PostgreSQL: a project's trigram sets kept between lookups, as of `snapshot` (a pg_snapshot):
 * the claim ids of its texts by position (16 bytes each), and the positions whose claim was
 * deleted, moved or re-texted since (a re-texted claim is added again at a new position).
 */
interface PgProjectTrigrams {
  snapshot: string;
  readonly index: TrigramSetIndex;
  ids: Buffer;
  readonly dead: Set<number>;
  syncedAt: number;
  bytes: number;
  used: number;
}

/** SQLite: the claim_text_versions counts of a project (0, 0 before its first claim). */
interface TextVersion {
  inserted: number;
  changed: number;
}

/**
 * SQLite: a project's trigram sets kept between lookups, valid while its claim_text_versions
 * counts and the schema are those it was read at (new claims are added to it).
 */
interface ProjectTrigrams {
  version: TextVersion;
  readonly schema: number;
  readonly index: TrigramSetIndex;
  /** The claim rowid of each text of the index, by position. */
  rowids: number[];
  /** The highest of those rowids (0 when none). */
  lastRowid: number;
  bytes: number;
  used: number;
}

/** The part of TypeORM's better-sqlite3 driver used here: its open database. */
interface SqliteDriver {
  readonly databaseConnection: BetterSqlite3.Database;
}

/**
 * Likely duplicates of a text among the claims of a project: the claims whose normalised text
 * (libs/domain normaliseClaimText) has pg_trgm similarity of at least `threshold` to the
 * normalised `text`, most similar first, ties by id. Both dialects give the same answer, exactly:
 * - PostgreSQL: the GiST index "claims_duplicates" on ("projectId", "normalisedText"
 *   gist_trgm_ops) — btree_gist for the project — walks the project's claims nearest first
 *   (`<->`, 1 − similarity; pg_trgm rechecks each row's exact distance). The window of nearest
 *   rows is widened until the row after the last match is strictly farther, so claims tied with
 *   the last match are all seen and the tie goes by id.
 * - SQLite, outside a transaction: the project's trigram sets kept in memory since the last
 *   lookup (TrigramSetIndex, libs/domain: exact pg_trgm similarity from trigram ids, each claim
 *   left after its allowed misses), checked against the project's claim_text_versions counts and
 *   the schema version first: new claims are added, any other change reads the project again
 *   (see projectTrigrams). Matches get their id by rowid.
 * - SQLite inside a transaction (what it reads may be rolled back), or with no memory allowed:
 *   the covering index "claims_duplicates" on ("projectId", "normalisedText") is read in full for
 *   the project, never the table: its texts joined into one string by one statement (one row, not
 *   one per claim; in chunks of SQLITE_CHUNK distinct texts when that string would exceed
 *   SQLite's limit). Every text is scored by the domain's trigramScorer (the same measure as
 *   pg_trgm), which dismisses a text without building its trigram set once its shared trigrams
 *   cannot reach the current last match; only a text that can still enter the best `limit` has
 *   its claims looked up (by project and text, an index seek: every claim with that text has that
 *   score).
 * Scores are float4 values on both (PostgreSQL's `similarity()` returns real), so they compare
 * equal across dialects.
 */
@Injectable()
export class DuplicatesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sqliteStatements = new WeakMap<
    BetterSqlite3.Database,
    {
      all: BetterSqlite3.Statement;
      chunk: BetterSqlite3.Statement;
      ids: BetterSqlite3.Statement;
      id: BetterSqlite3.Statement;
      version: BetterSqlite3.Statement | null;
      build: BetterSqlite3.Statement;
      added: BetterSqlite3.Statement;
    }
  >();

  /**
   * SQLite: distinct texts per chunk when a project's texts are read in chunks, and whether they
   * are read as one string first (falling back to chunks only past SQLite's string limit). Tests
   * set both to walk a small project in several chunks.
   */
  sqliteChunk = SQLITE_CHUNK;
  sqliteWholeProject = true;
  /**
   * Memory for projects' trigram sets kept between lookups (about 200 bytes per claim on SQLite,
   * 220 on PostgreSQL); the least recently used projects are dropped past it, and 0 keeps none
   * (every SQLite lookup reads the project's texts, every PostgreSQL lookup walks its index).
   * DUPLICATES_MEMORY_MB sets it (256 MB by default: 1M claims take about 210 MB).
   */
  memoryBytes: number;
  private readonly sqliteProjects = new WeakMap<
    BetterSqlite3.Database,
    Map<string, ProjectTrigrams>
  >();
  private keptUse = 0;
  /** PostgreSQL: kept trigram sets by project, and each project's lookups in order (see pgKept). */
  private readonly pgProjects = new Map<string, PgProjectTrigrams>();
  private readonly pgTurns = new Map<string, Promise<unknown>>();
  private pruner: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('Duplicates');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.memoryBytes = config.duplicatesMemoryBytes;
  }

  /** PostgreSQL: prunes claim_text_changes at start and then hourly. */
  onApplicationBootstrap(): void {
    if (this.dataSource.options.type !== 'postgres') return;
    const prune = () =>
      void this.pruneChanges().catch((error: unknown) =>
        this.logger.warn(`Could not prune claim_text_changes: ${String(error)}`),
      );
    prune();
    this.pruner = setInterval(prune, PG_PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  onApplicationShutdown(): void {
    if (this.pruner) clearInterval(this.pruner);
  }

  /**
   * The texts a kept copy of the project holds for lookups (deleted and re-texted claims not
   * counted), or null when none is kept: for tests and diagnostics.
   */
  keptTexts(projectId: string): number | null {
    const pg = this.pgProjects.get(projectId);
    if (pg) return pg.index.size - pg.dead.size;
    const db = (this.dataSource.driver as unknown as Partial<SqliteDriver>).databaseConnection;
    const sqlite = db ? this.sqliteProjects.get(db)?.get(projectId) : undefined;
    return sqlite ? sqlite.index.size : null;
  }

  /**
   * Deletes claim_text_changes rows older than `olderThanMs` and records, in
   * claim_text_changes_pruned, one past the highest transaction id deleted, so a copy whose
   * snapshot could have needed one of them is read again; then drops the records below the
   * highest. Insert-only like the changes, so safe on several instances at once. Returns the rows
   * deleted.
   */
  async pruneChanges(olderThanMs = PG_CHANGES_KEPT_MS): Promise<number> {
    const rows = (await this.dataSource.query(
      `WITH "gone" AS (
         DELETE FROM "claim_text_changes" WHERE "at" < now() - $1 * interval '1 millisecond' RETURNING "xid"),
       "noted" AS (
         INSERT INTO "claim_text_changes_pruned" ("below")
         SELECT (MAX("xid")::text::bigint + 1)::text::xid8 FROM "gone" HAVING COUNT(*) > 0 RETURNING 1)
       SELECT (SELECT COUNT(*) FROM "gone")::int AS "n", (SELECT COUNT(*) FROM "noted")::int AS "noted"`,
      [olderThanMs],
    )) as { n: number }[];
    await this.dataSource.query(
      `DELETE FROM "claim_text_changes_pruned" WHERE "below" < (SELECT MAX("below") FROM "claim_text_changes_pruned")`,
    );
    return rows[0]?.n ?? 0;
  }

  async find(
    manager: EntityManager | null,
    projectId: string,
    text: string,
    excludeClaimId: string | null = null,
    limit = 10,
    threshold = DEFAULT_DUPLICATE_THRESHOLD,
  ): Promise<DuplicateMatch[]> {
    const m = manager ?? this.dataSource.manager;
    const normalised = normaliseClaimText(text);
    if (normalised.length === 0 || limit <= 0) return [];
    if (m.connection.options.type === 'postgres')
      return (
        (await this.findPostgresKept(m, projectId, normalised, excludeClaimId, limit, threshold)) ??
        this.findPostgres(m, projectId, normalised, excludeClaimId, limit, threshold)
      );
    return this.findSqlite(m, projectId, normalised, excludeClaimId, limit, threshold);
  }

  private async findPostgres(
    m: EntityManager,
    projectId: string,
    normalised: string,
    excludeClaimId: string | null,
    limit: number,
    threshold: number,
  ): Promise<DuplicateMatch[]> {
    type Row = { id: string; text: string; status: ClaimStatus; score: number; distance: number };
    for (let window = limit * PG_WINDOW_PER_MATCH; ; window *= 4) {
      const rows = (await m.query(
        `SELECT "id", "text", "status", "score", "distance" FROM (
           SELECT "id", "text", "status", similarity("normalisedText", $1)::float8 AS "score",
                  ("normalisedText" <-> $1)::float8 AS "distance"
             FROM "claims"
            WHERE "projectId" = $2 AND ($3::uuid IS NULL OR "id" <> $3::uuid)
            ORDER BY "normalisedText" <-> $1
            LIMIT $4) AS "nearest"
          ORDER BY "distance", "id"`,
        [normalised, projectId, excludeClaimId, window],
      )) as Row[];
      const last = rows[limit - 1];
      // Every claim as near as the last one wanted is in the window unless the window is full
      // and its farthest row is at that same distance (then a tie may sort before it by id).
      const complete =
        rows.length < window ||
        last === undefined ||
        last.score < threshold ||
        rows[rows.length - 1].distance > last.distance;
      if (complete)
        return rows
          .slice(0, limit)
          .filter((r) => r.score >= threshold)
          .map((r) => ({ claimId: r.id, text: r.text, status: r.status, score: r.score }));
    }
  }

  /**
   * PostgreSQL from the project's trigram sets kept since the last lookup, brought up to date
   * first (see pgKept); null when they cannot answer for what `m` sees: no memory allowed, or a
   * transaction that has written or reads an older snapshot than a new statement would.
   */
  private async findPostgresKept(
    m: EntityManager,
    projectId: string,
    normalised: string,
    excludeClaimId: string | null,
    limit: number,
    threshold: number,
  ): Promise<DuplicateMatch[] | null> {
    if (this.memoryBytes <= 0) return null;
    if (m.queryRunner?.isTransactionActive) {
      // A READ COMMITTED transaction that has written nothing sees what any new statement sees.
      const [{ usable }] = (await m.query(
        `SELECT pg_current_xact_id_if_assigned() IS NULL AND current_setting('transaction_isolation') = 'read committed' AS "usable"`,
      )) as { usable: boolean }[];
      if (!usable) return null;
    }
    const kept = await this.pgKept(projectId);
    // Searched at once (no await until the matches are known): the copy is exactly as of its
    // snapshot while it is searched.
    const best = searchKept(kept.index, normalised, limit, threshold, excludeClaimId, (position) =>
      kept.dead.has(position) ? null : uuidAt(kept.ids, position),
    );
    if (this.memoryBytes < kept.bytes) this.pgProjects.delete(projectId);
    return this.matches(m, best);
  }

  /**
   * PostgreSQL: the project's trigram sets as of a snapshot taken now — kept ones brought up to
   * date from claim_text_changes (the PG_SYNC statement), else read again in one REPEATABLE READ
   * transaction (the snapshot and the texts together). One project's lookups take turns, so
   * changes are applied in snapshot order.
   */
  private pgKept(projectId: string): Promise<PgProjectTrigrams> {
    const previous = this.pgTurns.get(projectId) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.pgBringUpToDate(projectId));
    this.pgTurns.set(projectId, turn);
    void turn
      .catch(() => undefined)
      .then(() => {
        if (this.pgTurns.get(projectId) === turn) this.pgTurns.delete(projectId);
      });
    return turn;
  }

  private async pgBringUpToDate(projectId: string): Promise<PgProjectTrigrams> {
    const known = this.pgProjects.get(projectId);
    if (known && Date.now() - known.syncedAt < PG_CHANGES_KEPT_MS / 2) {
      const [row] = (await this.dataSource.query(PG_SYNC, [projectId, known.snapshot])) as {
        snapshot: string;
        stale: boolean;
        whole: boolean;
        changes: [string, string | null][] | null;
      }[];
      if (!row.stale && !row.whole) {
        for (const [claimId, text] of row.changes ?? []) {
          for (const position of positionsOf(known.ids, known.index.size, claimId))
            known.dead.add(position);
          if (text !== null) {
            known.ids = putUuid(known.ids, known.index.add(text), claimId);
          }
        }
        known.snapshot = row.snapshot;
        known.syncedAt = Date.now();
        known.used = ++this.keptUse;
        known.bytes = known.index.bytes + known.ids.byteLength + 16 * known.dead.size;
        // Re-read once a quarter of the copy is dead weight.
        if (known.dead.size <= 64 || known.dead.size * 4 <= known.index.size) {
          this.keepWithin(this.pgProjects);
          return known;
        }
      }
      this.pgProjects.delete(projectId);
    }
    const started = Date.now();
    const built = await this.dataSource.transaction('REPEATABLE READ', async (t) => {
      // The first statement fixes the transaction's snapshot; the texts are read in it.
      const [{ snapshot }] = (await t.query(
        `SELECT pg_current_snapshot()::text AS "snapshot"`,
      )) as {
        snapshot: string;
      }[];
      const [row] = (await t.query(
        `SELECT string_agg(replace("id"::text, '-', ''), '') AS "ids", string_agg("normalisedText", E'\n') AS "texts"
           FROM "claims" WHERE "projectId" = $1`,
        [projectId],
      )) as { ids: string | null; texts: string | null }[];
      return { snapshot, row };
    });
    const index = new TrigramSetIndex();
    const ids = built.row.ids === null ? Buffer.alloc(0) : Buffer.from(built.row.ids, 'hex');
    if (built.row.texts !== null) eachLine(built.row.texts, (text) => index.add(text));
    if (index.size * 16 !== ids.length)
      throw new Error(
        `claims of project ${projectId}: ${index.size} texts for ${ids.length / 16} ids`,
      );
    index.trim();
    const kept: PgProjectTrigrams = {
      snapshot: built.snapshot,
      index,
      ids,
      dead: new Set(),
      syncedAt: Date.now(),
      bytes: index.bytes + ids.byteLength,
      used: ++this.keptUse,
    };
    this.logger.debug(
      `Read the trigram sets of project ${projectId}: ${index.size} claims, ${(kept.bytes / 1048576).toFixed(1)} MB, ${Date.now() - started} ms`,
    );
    this.pgProjects.set(projectId, kept);
    this.keepWithin(this.pgProjects);
    return kept;
  }

  private async findSqlite(
    m: EntityManager,
    projectId: string,
    normalised: string,
    excludeClaimId: string | null,
    limit: number,
    threshold: number,
  ): Promise<DuplicateMatch[]> {
    const shared = (m.connection.driver as unknown as SqliteDriver).databaseConnection;
    // Every request shares one connection; while another request's transaction is open on it (an
    // import between batches) this lookup reads the read-only connection instead, which sees
    // only what is committed, and so may use the kept trigram sets. Inside its own transaction
    // the caller reads the shared connection and sees its own writes.
    const db = sqliteReadConnection(m.connection);
    let statements = this.sqliteStatements.get(db);
    if (!statements) {
      statements = {
        // The project's normalised texts as one string (one row, not one per claim; never the
        // table: the texts are in the covering index).
        all: db
          .prepare(
            `SELECT group_concat("normalisedText", char(10)) FROM "claims" INDEXED BY "claims_duplicates" WHERE "projectId" = ?`,
          )
          .pluck(),
        // The same in chunks of distinct texts in index order, for a project whose texts exceed
        // SQLite's string limit as one string.
        chunk: db.prepare(
          `SELECT group_concat("t", char(10)) AS "texts", MAX("t") AS "last", COUNT(*) AS "n" FROM (
             SELECT DISTINCT "normalisedText" AS "t" FROM "claims" INDEXED BY "claims_duplicates"
              WHERE "projectId" = @projectId AND "normalisedText" > @after
              ORDER BY "normalisedText" LIMIT @size)`,
        ),
        // Every claim of the project with exactly this normalised text (an index seek).
        ids: db
          .prepare(
            `SELECT "id" FROM "claims" INDEXED BY "claims_duplicates" WHERE "projectId" = ? AND "normalisedText" = ?`,
          )
          .pluck(),
        id: db.prepare(`SELECT "id" FROM "claims" WHERE rowid = ?`).pluck(),
        // Null before the ClaimTextVersions migration: then nothing is kept between lookups.
        version: db
          .prepare(
            `SELECT 1 FROM "sqlite_master" WHERE "type" = 'table' AND "name" = 'claim_text_versions'`,
          )
          .get()
          ? db.prepare(
              `SELECT COALESCE(MAX("inserted"), 0) AS "inserted", COALESCE(MAX("changed"), 0) AS "changed" FROM "claim_text_versions" WHERE "projectId" = ?`,
            )
          : null,
        // A project's rowids and texts, in the same order (one aggregate walks the rows once).
        build: db.prepare(
          `SELECT group_concat(rowid) AS "rowids", group_concat("normalisedText", char(10)) AS "texts" FROM "claims" INDEXED BY "claims_duplicates" WHERE "projectId" = ?`,
        ),
        // A project's claims added since a rowid (the table's rowid order: only the new rows).
        added: db
          .prepare(
            `SELECT rowid, "normalisedText" FROM "claims" NOT INDEXED WHERE rowid > ? AND "projectId" = ? ORDER BY rowid`,
          )
          .raw(true),
      };
      this.sqliteStatements.set(db, statements);
    }
    const { all, chunk, ids: idsOf } = statements;
    // Outside a transaction, from the project's trigram sets kept since its last change (never
    // inside one: what it reads may yet be rolled back).
    const kept = db.inTransaction ? null : this.projectTrigrams(db, shared, projectId);
    if (kept) {
      const best = searchKept(
        kept.index,
        normalised,
        limit,
        threshold,
        excludeClaimId,
        (position) => statements.id.get(kept.rowids[position]) as string,
      );
      return this.matches(m, best);
    }
    const score = trigramScorer(normalised);
    // The best `limit` so far, best first (score descending, then id ascending).
    const best: { id: string; score: number }[] = [];
    // A text must reach this to matter: the threshold, then the last of `limit` matches. Slightly
    // below the float4 value, so a text that rounds to a tie is scored and the tie goes by id.
    let atLeast = threshold;
    // Texts whose claims were looked up: claims sharing a text share its score.
    const seen = new Set<string>();
    const scoreTexts = (texts: string) => {
      eachLine(texts, (text) => {
        const exact = score(text, atLeast);
        if (exact === null) return;
        const s = Math.fround(exact);
        if (s < threshold || seen.has(text)) return;
        seen.add(text);
        for (const id of idsOf.all(projectId, text) as string[]) {
          if (id === excludeClaimId) continue;
          atLeast = keepBest(best, limit, threshold, id, s);
        }
      });
    };
    let whole: string | null | undefined;
    try {
      if (this.sqliteWholeProject) whole = all.get(projectId) as string | null;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_TOOBIG') throw error;
    }
    if (whole !== undefined) {
      if (whole !== null) scoreTexts(whole);
    } else {
      // The empty text is below any threshold (similarity 0), so '' starts the walk.
      for (let after = ''; ;) {
        const row = chunk.get({ projectId, after, size: this.sqliteChunk }) as {
          texts: string | null;
          last: string | null;
          n: number;
        };
        if (row.texts === null || row.last === null) break;
        scoreTexts(row.texts);
        if (row.n < this.sqliteChunk) break;
        after = row.last;
      }
    }
    return this.matches(m, best);
  }

  /** The claims of the best matches, in their order, with their text and status. */
  private async matches(
    m: EntityManager,
    best: readonly { id: string; score: number }[],
  ): Promise<DuplicateMatch[]> {
    if (best.length === 0) return [];
    const rows = (await m.query(
      `SELECT "id", "text", "status" FROM "claims" WHERE "id" IN (${best
        .map((_, i) => (m.connection.options.type === 'postgres' ? `$${i + 1}` : '?'))
        .join(', ')})`,
      best.map((b) => b.id),
    )) as { id: string; text: string; status: ClaimStatus }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return best.flatMap((b) => {
      const r = byId.get(b.id);
      return r ? [{ claimId: b.id, text: r.text, status: r.status, score: b.score }] : [];
    });
  }

  /**
   * The project's trigram sets as of now: those kept since the last lookup while the project's
   * claim_text_versions counts and the schema are the same; with the claims inserted since added
   * when only "inserted" moved on; else read again. Each read (counts and rows together) is one
   * read transaction, so they belong together. Null when nothing is kept (before the
   * ClaimTextVersions migration, no memory allowed, or texts beyond SQLite's string limit).
   */
  private projectTrigrams(
    db: BetterSqlite3.Database,
    shared: BetterSqlite3.Database,
    projectId: string,
  ): ProjectTrigrams | null {
    const statements = this.sqliteStatements.get(db);
    if (!statements?.version || this.memoryBytes <= 0) return null;
    const versionOf = statements.version;
    // Kept by the data source's shared connection, whichever connection reads them: both see the
    // same committed file, and the counts and rowids say which copy is current.
    let projects = this.sqliteProjects.get(shared);
    if (!projects) {
      projects = new Map();
      this.sqliteProjects.set(shared, projects);
    }
    const schemaOf = () => db.pragma('schema_version', { simple: true }) as number;
    const known = projects.get(projectId);
    if (known) {
      const now = versionOf.get(projectId) as TextVersion;
      if (known.schema === schemaOf() && known.version.changed === now.changed) {
        if (known.version.inserted === now.inserted) {
          known.used = ++this.keptUse;
          return known;
        }
        if (this.addInserted(db, projectId, known)) {
          known.used = ++this.keptUse;
          this.keepWithin(projects);
          return known;
        }
      }
      projects.delete(projectId);
    }
    let built: ProjectTrigrams | null = null;
    try {
      built = db.transaction(() => {
        const version = versionOf.get(projectId) as TextVersion;
        const schema = schemaOf();
        const row = statements.build.get(projectId) as {
          rowids: string | null;
          texts: string | null;
        };
        const index = new TrigramSetIndex();
        const rowids = row.rowids === null ? [] : row.rowids.split(',').map(Number);
        if (row.texts !== null) eachLine(row.texts, (text) => index.add(text));
        if (index.size !== rowids.length) return null;
        index.trim();
        let lastRowid = 0;
        for (const r of rowids) if (r > lastRowid) lastRowid = r;
        return {
          version: { inserted: version.inserted, changed: version.changed },
          schema,
          index,
          rowids,
          lastRowid,
          bytes: index.bytes + 8 * rowids.length,
          used: ++this.keptUse,
        };
      })();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_TOOBIG') throw error;
    }
    if (!built) return null;
    projects.set(projectId, built);
    this.keepWithin(projects);
    // Used for this lookup even when it alone exceeds the memory allowed (then not kept).
    return built;
  }

  /**
   * Adds the project's claims inserted since `kept` was read (rowids above its last; a new rowid
   * is above every existing one), in one read transaction with the counts; false, adding
   * nothing, unless they are exactly as many as "inserted" grew and nothing else changed.
   */
  private addInserted(
    db: BetterSqlite3.Database,
    projectId: string,
    kept: ProjectTrigrams,
  ): boolean {
    const statements = this.sqliteStatements.get(db);
    if (!statements?.version) return false;
    const { version: versionOf, added } = statements;
    return db.transaction(() => {
      const now = versionOf.get(projectId) as TextVersion;
      const rows = added.all(kept.lastRowid, projectId) as [number, string][];
      if (
        now.changed !== kept.version.changed ||
        rows.length !== now.inserted - kept.version.inserted
      )
        return false;
      for (const [rowid, text] of rows) {
        kept.index.add(text);
        kept.rowids.push(rowid);
        kept.lastRowid = rowid;
      }
      kept.version = { inserted: now.inserted, changed: now.changed };
      kept.bytes = kept.index.bytes + 8 * kept.rowids.length;
      return true;
    })();
  }

  /** Drops the least recently used projects while the kept sets exceed the memory allowed. */
  private keepWithin(projects: Map<string, { bytes: number; used: number }>): void {
    let total = 0;
    for (const p of projects.values()) total += p.bytes;
    for (const [id, p] of [...projects].sort((a, b) => a[1].used - b[1].used)) {
      if (total <= this.memoryBytes) break;
      projects.delete(id);
      this.logger.debug(
        `Dropped the trigram sets of project ${id} (${(p.bytes / 1048576).toFixed(1)} MB): past DUPLICATES_MEMORY_MB`,
      );
      total -= p.bytes;
    }
  }
}

/**
 * Calls `each` for every text of texts joined by line breaks, in order (the empty string gives
 * one empty text). Normalised texts never hold a line break (only letters, digits and single
 * spaces), so the project's texts travel as one string.
 */
function eachLine(texts: string, each: (text: string) => void): void {
  for (let from = 0; from <= texts.length;) {
    let to = texts.indexOf('\n', from);
    if (to < 0) to = texts.length;
    each(texts.slice(from, to));
    from = to + 1;
  }
}

/**
 * The best `limit` matches (score descending, then id) of a kept index at or above `threshold`,
 * scores as float4 values. `idAt` names the claim at a position, or null for a position no
 * longer in use; `excludeClaimId` is never a match.
 */
function searchKept(
  index: TrigramSetIndex,
  normalised: string,
  limit: number,
  threshold: number,
  excludeClaimId: string | null,
  idAt: (position: number) => string | null,
): { id: string; score: number }[] {
  const best: { id: string; score: number }[] = [];
  let atLeast = threshold;
  index.search(
    normalised,
    () => atLeast,
    (position, exact) => {
      const s = Math.fround(exact);
      if (s < threshold) return;
      const id = idAt(position);
      if (id === null || id === excludeClaimId) return;
      atLeast = keepBest(best, limit, threshold, id, s);
    },
  );
  return best;
}

/** The claim id (a UUID) at a position of a kept copy's ids. */
function uuidAt(ids: Buffer, position: number): string {
  const h = ids.toString('hex', position * 16, position * 16 + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Writes a claim id at a position, growing the buffer (by an eighth, at least 64 ids) when needed. */
function putUuid(ids: Buffer, position: number, id: string): Buffer {
  let out = ids;
  if (out.length < (position + 1) * 16) {
    out = Buffer.alloc(
      Math.max(out.length + 1024, Math.ceil(out.length * 1.125), (position + 1) * 16),
    );
    ids.copy(out);
  }
  out.write(id.replace(/-/g, ''), position * 16, 16, 'hex');
  return out;
}

/** The positions among the first `size` whose claim id is `id` (a native search of 16-byte slots). */
function positionsOf(ids: Buffer, size: number, id: string): number[] {
  const needle = Buffer.from(id.replace(/-/g, ''), 'hex');
  const end = size * 16;
  const found: number[] = [];
  for (let at = ids.indexOf(needle); at >= 0 && at < end; at = ids.indexOf(needle, at + 1))
    if (at % 16 === 0) found.push(at / 16);
  return found;
}
