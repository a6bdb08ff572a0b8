import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ClaimStatus,
  DEFAULT_DUPLICATE_THRESHOLD,
  normaliseClaimText,
  trigrams,
  trigramSetSimilarity,
} from '@corroborate/domain';

export interface DuplicateMatch {
  readonly claimId: string;
  readonly text: string;
  readonly status: ClaimStatus;
  /** pg_trgm similarity of the normalised texts, 0…1. */
  readonly score: number;
}

/** Candidates fetched from the SQLite trigram index before exact scoring. */
const SQLITE_CANDIDATES = 200;
/** Distinct trigrams put in one SQLite FTS query (a long text's first ones suffice to find it). */
const SQLITE_MAX_TERMS = 120;

/**
 * Likely duplicates of a text among the claims of a project, by trigram similarity of the
 * normalised texts (libs/domain normaliseClaimText), most similar first. Both dialects use an index:
 * - PostgreSQL: pg_trgm's `%` operator on claims.normalisedText (GIN gin_trgm_ops index; `%`
 *   keeps pairs at or above pg_trgm's 0.3 default, a superset of ours) scored by `similarity()`;
 * - SQLite: the FTS5 trigram table claims_trgm fetches the claims sharing the most trigrams
 *   (bm25), which are then scored with the domain's trigramSimilarity, the same measure as
 *   pg_trgm's.
 */
@Injectable()
export class DuplicatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    if (normalised.length === 0) return [];
    if (m.connection.options.type === 'postgres') {
      const rows = (await m.query(
        `SELECT "id", "text", "status", similarity("normalisedText", $1) AS "score"
           FROM "claims"
          WHERE "projectId" = $2 AND "normalisedText" % $1 AND ($3::uuid IS NULL OR "id" <> $3::uuid)
            AND similarity("normalisedText", $1) >= $4
          ORDER BY "score" DESC, "id" ASC
          LIMIT $5`,
        [normalised, projectId, excludeClaimId, threshold, limit],
      )) as { id: string; text: string; status: ClaimStatus; score: number | string }[];
      return rows.map((r) => ({
        claimId: r.id,
        text: r.text,
        status: r.status,
        score: Number(r.score),
      }));
    }
    const terms = ftsTerms(normalised);
    if (terms.length === 0) return [];
    const rows = (await m.query(
      `SELECT c."id" AS "id", c."text" AS "text", c."status" AS "status", c."normalisedText" AS "normalisedText"
         FROM "claims_trgm" t INNER JOIN "claims" c ON c.rowid = t.rowid
        WHERE "claims_trgm" MATCH ? AND c."projectId" = ?
        ORDER BY t.rank
        LIMIT ${SQLITE_CANDIDATES}`,
      [terms.join(' OR '), projectId],
    )) as { id: string; text: string; status: ClaimStatus; normalisedText: string }[];
    const mine = trigrams(normalised);
    return rows
      .filter((r) => r.id !== excludeClaimId)
      .map((r) => ({
        claimId: r.id,
        text: r.text,
        status: r.status,
        score: trigramSetSimilarity(mine, trigrams(r.normalisedText)),
      }))
      .filter((r) => r.score >= threshold)
      .sort((a, b) => b.score - a.score || a.claimId.localeCompare(b.claimId))
      .slice(0, limit);
  }
}

/** The distinct three-character windows inside the words, as quoted FTS5 trigram terms. */
function ftsTerms(normalised: string): string[] {
  const out = new Set<string>();
  for (const word of normalised.split(' ')) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length && out.size < SQLITE_MAX_TERMS; i++)
      out.add(
        `"${chars
          .slice(i, i + 3)
          .join('')
          .replace(/"/g, '""')}"`,
      );
  }
  return [...out];
}
