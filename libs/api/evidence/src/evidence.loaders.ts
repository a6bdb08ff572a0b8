import { type DataSource, In } from 'typeorm';
import { claimLoader, type ClaimsService, userLoader } from '@corroborate/api-claims';
import { byKeys, groupByKeys, type LoaderRegistry } from '@corroborate/api-core';
import { RowReader } from '@corroborate/api-database';
import { SourceEntity } from '@corroborate/api-sources';
import { EvidenceEntity } from './evidence.entity';

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
        [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ],
      );
      this.prime(rows);
      return groupByKeys(claimIds, rows, (r) => r.claimId);
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
