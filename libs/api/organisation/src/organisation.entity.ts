import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { IdColumn, UpdatedAtColumn } from '@corroborate/api-database';

/** The single row of organisation settings (id is always 1): who publishes the exports. */
@Entity('organisation_settings')
export class OrganisationEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 2048, nullable: true })
  url: string | null;

  @Column('varchar', { length: 2048, nullable: true })
  logoUrl: string | null;

  /** The licence of exported data, as a URL (e.g. a Creative Commons deed). */
  @Column('varchar', { length: 2048, nullable: true })
  license: string | null;

  @IdColumn({ nullable: true })
  updatedById: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
