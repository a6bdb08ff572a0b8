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
  return {
    claimId: claimIdOf(row),
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorId: row.actorId,
    actorName,
    summary: `${actorName ?? 'Someone'} ${verb}`,
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
    at: n.createdAt,
  };
}
