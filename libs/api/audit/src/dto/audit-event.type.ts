import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { type AuditEventEntity } from '../audit-event.entity';

@ObjectType('FieldChange')
export class FieldChangeType {
  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON text.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON text.' })
  after: string | null;
}

/**
 * One entry of an entity's history. `actor` (a User) is resolved by a field resolver elsewhere
 * (libs/api/claims), because users depend on audit and not the other way round.
 */
@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  at: Date;

  /** Resolved to `actor: User` by the AuditEvent field resolver. */
  actorId: string | null;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field()
  action: string;

  @Field(() => [FieldChangeType], {
    description: 'before → after per changed field, values as JSON text.',
  })
  changes: FieldChangeType[];

  @Field(() => String, { nullable: true })
  reason: string | null;
}

/** Keys of the audit payloads that are bookkeeping, not changes a person made. */
const NOT_A_CHANGE = new Set(['version']);

function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The fields whose values differ between `before` and `after` (all of `after` for a creation). */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChangeType[] {
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const changes: FieldChangeType[] = [];
  for (const field of keys) {
    if (NOT_A_CHANGE.has(field)) continue;
    const b = jsonText(before?.[field]);
    const a = jsonText(after?.[field]);
    if (a !== b) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export function toAuditEventType(event: AuditEventEntity): AuditEventType {
  return {
    id: String(event.id),
    at: event.at,
    actorId: event.actorId,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    changes: fieldChanges(event.before, event.after),
    reason: event.reason,
  };
}
