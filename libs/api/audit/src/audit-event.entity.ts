import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '@corroborate/api-database';

/** One append-only audit record: who did what to which entity, before → after, and why. */
@Entity('audit_events')
@Index('audit_events_entity', ['entityType', 'entityId', 'id'])
// The activity log by person and by action, newest first (ActivityIndexes migration).
@Index('audit_events_actor', ['actorId', 'id'])
@Index('audit_events_action', ['action', 'id'])
export class AuditEventEntity {
  /** Increasing sequence: the order events happened in. */
  @PrimaryGeneratedColumn('increment')
  id: number;

  @CreatedAtColumn()
  at: Date;

  /** Null for events without a signed-in actor (a failed sign-in, the CLI, the demo seed). */
  @IdColumn({ nullable: true })
  actorId: string | null;

  @Column('varchar', { length: 40 })
  entityType: string;

  @Column('varchar', { length: 64 })
  entityId: string;

  @Column('varchar', { length: 60 })
  action: string;

  @Column('simple-json', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('simple-json', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  reason: string | null;
}
