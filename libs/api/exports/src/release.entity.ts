import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type ExportCounts, type ExportFormat, type Verdict } from '@corroborate/domain';
import { CreatedAtColumn, IdColumn } from '@corroborate/api-database';

export interface ReleaseFile {
  format: ExportFormat;
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

export interface ReleaseDeltaCounts {
  added: number;
  changed: number;
  retracted: number;
}

/**
 * A named, numbered, immutable publication of a verified claim set: its files (all three
 * formats, from one pass over the database), manifest and delta live under
 * `$DATA_DIR/releases/<id>/`. Numbers count up per name (case-insensitive).
 */
@Entity('releases')
@Index('releases_name_number_unique', ['nameKey', 'number'], { unique: true })
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('varchar', { length: 120 })
  nameKey: string;

  @Column('integer')
  number: number;

  @Column('simple-json')
  filters: Record<string, unknown>;

  @Column('simple-json')
  counts: ExportCounts;

  @Column('simple-json')
  files: ReleaseFile[];

  /** The release of the same name this one's delta is against (null for the first). */
  @IdColumn({ nullable: true })
  previousId: string | null;

  @Column('simple-json')
  delta: ReleaseDeltaCounts;

  @IdColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** What a release held: each claim with the verdict and adjudication it was published with. */
@Entity('release_claims')
export class ReleaseClaimEntity {
  @IdColumn({ primary: true })
  releaseId: string;

  @IdColumn({ primary: true })
  claimId: string;

  @Column('varchar', { length: 20 })
  verdict: Verdict;

  @IdColumn()
  adjudicationId: string;
}
