import { type AuditEventEntity } from '@corroborate/api-audit';
import { type NotificationEntity } from '@corroborate/api-notifications';
import { type LiveEventType } from './dto/live-event.type';

export const claimTopic = (claimId: string) => `claim:${claimId}`;
export const userTopic = (userId: string) => `user:${userId}`;

/** Human wording for audit actions; anything else falls back to the action's own words. */
const VERBS: Record<string, string> = {
  'claim.created': 'created the claim',
  'claim.updated': 'edited the claim',
  'claim.rejected': 'rejected the claim',
  'claim.statusChanged': 'moved the claim along the workflow',
  'claim.adjudicated': 'adjudicated the claim',
  'claim.reopened': 'reopened the claim',
  'assignment.created': 'assigned a reviewer',
  'assignment.reassigned': 'reassigned a reviewer',
  'assignment.removed': 'removed a reviewer',
  'assignment.declined': 'declined the assignment',
  'assessment.submitted': 'submitted an assessment',
  'assessment.corrected': 'corrected an assessment',
  'evidence.added': 'added evidence',
  'evidence.updated': 'edited evidence',
  'evidence.retracted': 'retracted evidence',
  'capture.created': 'preserved a capture',
  'comment.created': 'commented',
  'comment.edited': 'edited a comment',
};

/** Entities whose changed field names a live event may name (never assessments: blind review). */
const FIELD_NAMING_ENTITIES = new Set(['Claim', 'Evidence', 'Source']);
const NOT_A_FIELD = new Set(['version', 'claimId', 'updatedAt', 'priorityRank']);

/** Human names of claim and evidence fields, for the one-line summary. */
const FIELD_WORDS: Record<string, string> = {
  firstAppearanceUrl: 'first appearance',
  firstAppearedAt: 'first-appearance date',
  dueAt: 'due date',
  publishedAt: 'publication date',
  archiveUrl: 'archive address',
  derivedFromId: 'derived from',
  homepage: 'homepage',
  reliabilityNote: 'reliability note',
};

/**
 * The names of the fields an edit changed (the keys of its audit row's `after`), for claims,
 * evidence and sources only; never values, and never for assessments.
 */
export function changedFieldsOf(row: AuditEventEntity): string[] {
  if (!FIELD_NAMING_ENTITIES.has(row.entityType) || !row.action.endsWith('.updated')) return [];
  return Object.keys(row.after ?? {}).filter((key) => !NOT_A_FIELD.has(key));
}

function fieldWords(fields: string[]): string {
  return [...new Set(fields.map((field) => FIELD_WORDS[field] ?? field))].join(', ');
}

function stringField(row: AuditEventEntity, field: string): string | null {
  const value = row.after?.[field];
  return typeof value === 'string' ? value : null;
}

/** The claim an audit row is about, if any. */
export function claimIdOf(row: AuditEventEntity): string | null {
  if (row.entityType === 'Claim') return row.entityId;
  return stringField(row, 'claimId');
}

/** Users an audit row is addressed to (an assignee, a mentioned user, …). */
export function recipientsOf(row: AuditEventEntity): string[] {
  const ids = ['reviewerId', 'userId', 'recipientId']
    .map((field) => stringField(row, field))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

export function toLiveEvent(row: AuditEventEntity, actorName: string | null): LiveEventType {
  const verb = VERBS[row.action] ?? row.action.replace(/[._]/g, ' ');
  const fields = changedFieldsOf(row);
  return {
    claimId: claimIdOf(row),
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorId: row.actorId,
    actorName,
    summary: `${actorName ?? 'Someone'} ${verb}${fields.length > 0 ? ` (${fieldWords(fields)})` : ''}`,
    fields,
    at: row.at ?? new Date(),
  };
}

/** A new notification, announced to its recipient only (the header's unread count listens). */
export function notificationEvent(n: NotificationEntity): LiveEventType {
  return {
    claimId: n.claimId,
    entityType: 'Notification',
    entityId: n.id,
    action: 'notification.created',
    actorId: n.actorId,
    actorName: null,
    summary: 'You have a new notification',
    fields: [],
    at: n.createdAt,
  };
}
