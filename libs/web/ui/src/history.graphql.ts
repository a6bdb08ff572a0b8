import { graphql } from '@corroborate/graphql';

export const auditEventFieldsFragment = graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    at
    actor {
      id
      displayName
    }
    entityType
    entityId
    action
    changes {
      field
      before
      after
      beforeLabel
      afterLabel
    }
    reason
  }
`);
