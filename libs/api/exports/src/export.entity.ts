import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type ExportCounts, type ExportFormat } from '@corroborate/domain';
import { CreatedAtColumn, IdColumn } from '@corroborate/api-database';

/** Byte sizes beyond 2 GiB: bigint in the database, a number in JavaScript. */
const bigintNumber = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * One finished export kept for download: the file and its manifest live under
 * `$DATA_DIR/exports/<id>/`. A row is written only once both files are complete.
 */
@Entity('exports')
@Index('exports_created', ['createdAt'])
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 10 })
  format: ExportFormat;

  @Column('varchar', { length: 100 })
  fileName: string;

  @Column('simple-json')
  filters: Record<string, unknown>;

  @Column('simple-json')
  counts: ExportCounts;

  @Column('bigint', { transformer: bigintNumber })
  byteSize: number;

  @Column('varchar', { length: 64 })
  sha256: string;

  @IdColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
