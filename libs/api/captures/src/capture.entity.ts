import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CreatedAtColumn, IdColumn } from '@corroborate/api-database';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { type CaptureMethod } from './dto/capture.type';

/**
 * A preserved copy behind an evidence item (Berkeley Protocol). Immutable: a recapture is a new
 * row with the next version. The bytes live in the capture store under `storageKey`.
 */
@Entity('captures')
@Index('captures_evidence_version_unique', ['evidenceId', 'version'], { unique: true })
@Index('captures_captured_at', ['capturedAt'])
export class CaptureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  evidenceId: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidenceId' })
  evidence: Relation<EvidenceEntity>;

  @Column('integer')
  version: number;

  @Column('varchar', { length: 10 })
  method: CaptureMethod;

  @Column('varchar', { length: 2048, nullable: true })
  url: string | null;

  @Column('varchar', { length: 255, nullable: true })
  fileName: string | null;

  @Column('varchar', { length: 255 })
  mediaType: string;

  @Column('integer')
  byteSize: number;

  @Column('varchar', { length: 64 })
  sha256: string;

  /** Where the bytes are kept, relative to the capture store. */
  @Column('varchar', { length: 255 })
  storageKey: string;

  @Column('text', { nullable: true })
  extractedText: string | null;

  @IdColumn({ nullable: true })
  capturedById: string | null;

  @CreatedAtColumn()
  capturedAt: Date;
}
