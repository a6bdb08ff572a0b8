import { type DataSource, In } from 'typeorm';
import { claimLoader, type ClaimsService, userLoader } from '@corroborate/api-claims';
import { byKeys, groupByKeys, type LoaderRegistry, primeJoined } from '@corroborate/api-core';
import {
  inValueList,
  OLDEST_FIRST,
  RowReader,
  selectRows,
  valueListParameters,
} from '@corroborate/api-database';
import { SourceEntity } from '@corroborate/api-sources';
import { EvidenceEntity } from './evidence.entity';

/**
 * The evidence fields a queue row shows, readable from {@link QUEUE_EVIDENCE_COLUMNS} alone
 * (`claim`, `source` and `grade` need only the ids and the credibility).
 */
export const QUEUE_EVIDENCE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'claim',
  'source',
  'grade',
  'stance',
  'credibility',
  'retracted',
]);
const QUEUE_EVIDENCE_COLUMNS = [
  'id',
  'claimId',
  'sourceId',
  'stance',
  'credibility',
  'retracted',
] as const;
/** An evidence item with only the columns of a queue row. */
export type QueueEvidence = Pick<EvidenceEntity, (typeof QUEUE_EVIDENCE_COLUMNS)[number]>;

/** The source fields a queue row shows, and their columns. */
export const QUEUE_SOURCE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'name',
  'kind',
  'reliability',
]);
const QUEUE_SOURCE_COLUMNS = ['id', 'name', 'kind', 'reliability'] as const;
export type QueueSource = Pick<SourceEntity, (typeof QUEUE_SOURCE_COLUMNS)[number]>;

/**
 * Per-request batch loaders for the evidence area. Each is one SQL statement per batch, however
 * many parents ask, so a queue page of N claims costs a constant number of statements.
 */
export class EvidenceLoaders {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  /** Every evidence item of a claim (retracted included), oldest first. */
  byClaim() {
    return this.loaders.get<string, EvidenceEntity[]>('Evidence.byClaim', async (claimIds) => {
      const rows = await RowReader.of(this.dataSource, EvidenceEntity).whereIn(
        'claimId',
        claimIds,
        OLDEST_FIRST,
      );
      this.prime(rows);
      return groupByKeys(claimIds, rows, (r) => r.claimId);
    });
  }

  /**
   * {@link byClaim} with only the columns of a queue row: used only when the queue's look-ahead
   * loaded it for a selection of {@link QUEUE_EVIDENCE_FIELDS} (reading fewer columns is most
   * of what a queue page's statements cost).
   */
  byClaimForQueue() {
    return this.loaders.get<string, QueueEvidence[]>('Evidence.byClaim.queue', async (claimIds) =>
      groupByKeys(
        claimIds,
        await RowReader.of(this.dataSource, EvidenceEntity, QUEUE_EVIDENCE_COLUMNS).whereIn(
          'claimId',
          claimIds,
          OLDEST_FIRST,
        ),
        (r) => r.claimId,
      ),
    );
  }

  /**
   * Loads the claims' items ({@link byClaimForQueue} when `queueItems`, else {@link byClaim})
   * together with their sources ({@link sourceForQueue} when `queueSources`, else
   * {@link source}) in one statement, and primes those loaders with what it read: the queue's
   * look-ahead when a source or grade is selected.
   */
  async byClaimWithSources(
    claimIds: readonly string[],
    queueItems: boolean,
    queueSources: boolean,
  ): Promise<void> {
    const items = queueItems
      ? RowReader.of(this.dataSource, EvidenceEntity, QUEUE_EVIDENCE_COLUMNS)
      : RowReader.of(this.dataSource, EvidenceEntity);
    const sources = queueSources
      ? RowReader.of(this.dataSource, SourceEntity, QUEUE_SOURCE_COLUMNS)
      : RowReader.of(this.dataSource, SourceEntity);
    const rows = await items.whereInJoined('claimId', claimIds, OLDEST_FIRST, 'sourceId', sources);
    // Whole items and sources are queue-row ones too (a queue row reads no more of them).
    primeJoined<string, QueueEvidence, QueueSource>(
      claimIds,
      rows,
      (e) => e.claimId,
      queueItems ? this.byClaimForQueue() : this.byClaim(),
      queueSources ? this.sourceForQueue() : this.source(),
    );
    if (!queueItems) this.prime(rows.map((r) => r.row as EvidenceEntity));
  }

  /**
   * How many items of each source are not retracted, counted in the database: all of a source's
   * items from the ("sourceId", "createdAt") index, less its retracted ones from the partial index
   * on them (QueueFilterIndexes), so neither count reads the items themselves. (The source list
   * used to load every item of every listed source to count them: seconds at 1M claims.)
   */
  countBySource() {
    return this.loaders.get<string, number>('Evidence.countBySource', async (sourceIds) => {
      const ids = inValueList(this.dataSource, 'e."sourceId"');
      const retracted =
        this.dataSource.options.type === 'postgres' ? 'e."retracted"' : 'e."retracted" = 1';
      const set = await selectRows(
        this.dataSource,
        `SELECT e."sourceId" AS "sourceId", COUNT(*) AS "n" FROM "evidence" e WHERE ${ids} GROUP BY e."sourceId"
         UNION ALL
         SELECT e."sourceId" AS "sourceId", -COUNT(*) AS "n" FROM "evidence" e WHERE ${retracted} AND ${ids} GROUP BY e."sourceId"`,
        valueListParameters(this.dataSource, sourceIds, 2),
      );
      const [source, n] = [set.key('sourceId'), set.key('n')];
      const counts = new Map<string, number>();
      for (const row of set.rows) {
        const values = row as Readonly<Record<string | number, unknown>>;
        const id = String(values[source]);
        counts.set(id, (counts.get(id) ?? 0) + Number(values[n]));
      }
      return sourceIds.map((id) => counts.get(id) ?? 0);
    });
  }

  /** Every evidence item from a source (retracted included), newest first. */
  bySource() {
    return this.loaders.get<string, EvidenceEntity[]>('Evidence.bySource', async (sourceIds) => {
      const rows = await this.dataSource.getRepository(EvidenceEntity).find({
        where: { sourceId: In([...sourceIds]) },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      this.prime(rows);
      return groupByKeys(sourceIds, rows, (r) => r.sourceId);
    });
  }

  byId() {
    return this.loaders.get<string, EvidenceEntity | null>('Evidence.byId', async (ids) =>
      byKeys(
        ids,
        await this.dataSource.getRepository(EvidenceEntity).findBy({ id: In([...ids]) }),
        (r) => r.id,
      ),
    );
  }

  source() {
    return this.loaders.get<string, SourceEntity | null>('Source.byId', async (ids) =>
      byKeys(
        ids,
        await RowReader.of(this.dataSource, SourceEntity).whereIn('id', ids),
        (r) => r.id,
      ),
    );
  }

  /** {@link source} with only {@link QUEUE_SOURCE_COLUMNS}, loaded by the queue's look-ahead. */
  sourceForQueue() {
    return this.loaders.get<string, QueueSource | null>('Source.byId.queue', async (ids) =>
      byKeys(
        ids,
        await RowReader.of(this.dataSource, SourceEntity, QUEUE_SOURCE_COLUMNS).whereIn('id', ids),
        (r) => r.id,
      ),
    );
  }

  /**
   * The claim's items as a queue row reads them: the queue-row columns when the look-ahead
   * loaded those (and `queueShaped` says the selection needs no more), else whole items.
   */
  byClaimNow(claimId: string, queueShaped: boolean): EvidenceEntity[] | Promise<EvidenceEntity[]> {
    const queue = this.byClaimForQueue();
    if (queueShaped && queue.isLoaded(claimId))
      // Only QUEUE_EVIDENCE_FIELDS are selected, and they read nothing but these columns.
      return queue.loadNow(claimId) as EvidenceEntity[];
    return this.byClaim().loadNow(claimId);
  }

  /** An item's source as the selection needs it (the queue-row columns when those suffice). */
  sourceNow(
    sourceId: string,
    queueShaped: boolean,
  ): SourceEntity | null | Promise<SourceEntity | null> {
    const queue = this.sourceForQueue();
    if (queueShaped && queue.isLoaded(sourceId))
      // Only QUEUE_SOURCE_FIELDS are selected, and they read nothing but these columns.
      return queue.loadNow(sourceId) as SourceEntity | null;
    return this.source().loadNow(sourceId);
  }

  /** Shared with libs/api/claims (same registry key), so a request loads each claim once. */
  claim() {
    return claimLoader(this.loaders, this.claims);
  }

  /** Shared with libs/api/claims (same registry key), so a request loads all users at once. */
  user() {
    return userLoader(this.loaders, this.claims);
  }

  /** Items loaded in bulk answer later lookups by id (e.g. derivedFrom) without another statement. */
  private prime(rows: readonly EvidenceEntity[]): void {
    const byId = this.byId();
    for (const row of rows) byId.prime(row.id, row);
  }

  /** The sources of a list of evidence items, by id (one batched statement). */
  async sourcesOf(items: readonly EvidenceEntity[]): Promise<Map<string, SourceEntity>> {
    const ids = [...new Set(items.map((e) => e.sourceId))];
    const sources = await this.source().loadMany(ids);
    const map = new Map<string, SourceEntity>();
    for (const s of sources) if (s && !(s instanceof Error)) map.set(s.id, s);
    return map;
  }
}
