import { describe, expect, it } from 'vitest';
import { type AuditEventEntity } from '@corroborate/api-audit';
import { changedFieldsOf, toLiveEvent } from './live-events';

function row(partial: Partial<AuditEventEntity>): AuditEventEntity {
  return Object.assign(
    {
      id: 1,
      actorId: 'u1',
      entityType: 'Claim',
      entityId: 'c1',
      action: 'claim.updated',
      before: null,
      after: null,
      reason: null,
      at: new Date('2021-01-18T10:00:00Z'),
    },
    partial,
  ) as AuditEventEntity;
}

describe('live events', () => {
  it('name the fields a claim edit changed, never their values', () => {
    const event = toLiveEvent(
      row({
        before: { text: 'Old', priority: 'NORMAL', version: 3 },
        after: { text: 'More than 30,000 detained', priority: 'URGENT', dueAt: null, version: 4 },
      }),
      'Elena Editor',
    );
    expect(event.fields).toEqual(['text', 'priority', 'dueAt']);
    expect(event.summary).toBe('Elena Editor edited the claim (text, priority, due date)');
    expect(JSON.stringify(event)).not.toContain('30,000');
  });

  it('name the fields of an evidence edit without the claim id or version', () => {
    expect(
      changedFieldsOf(
        row({
          entityType: 'Evidence',
          action: 'evidence.updated',
          after: { stance: 'REFUTES', claimId: 'c1', version: 2 },
        }),
      ),
    ).toEqual(['stance']);
  });

  it('never name assessment fields, so blind review cannot leak through them', () => {
    const event = toLiveEvent(
      row({
        entityType: 'Assessment',
        action: 'assessment.submitted',
        after: { verdict: 'TRUE', claimId: 'c1' },
      }),
      'Rita Reviewer',
    );
    expect(event.fields).toEqual([]);
    expect(event.summary).toBe('Rita Reviewer submitted an assessment');
  });
});
