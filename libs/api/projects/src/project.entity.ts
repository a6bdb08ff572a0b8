import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, UpdatedAtColumn } from '@corroborate/api-database';

/** An investigation or desk ("Belarus protests, Jan 2021"): the container for claims. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  /** Lower-cased name; unique, so two projects cannot differ only by case. */
  @Index('projects_name_key_unique', { unique: true })
  @Column('varchar', { length: 200 })
  nameKey: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** How many independent reviews a claim needs before adjudication. */
  @Column('integer', { default: 2 })
  requiredReviews: number;

  @IdColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
