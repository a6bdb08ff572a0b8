import { graphql } from '@corroborate/graphql';

export const claimHeaderFieldsFragment = graphql(`
  fragment ClaimHeaderFields on Claim {
    id
    text
    claimant
    firstAppearanceUrl
    firstAppearedAt
    topics
    priority
    dueAt
    status
    allowedTransitions
    rejectionReason
    duplicateOf {
      id
      text
    }
    version
    createdAt
    updatedAt
    evidenceCount
    createdBy {
      id
      displayName
    }
    project {
      id
      name
    }
  }
`);

export const captureFieldsFragment = graphql(`
  fragment CaptureFields on Capture {
    id
    evidenceId
    version
    method
    url
    fileName
    mediaType
    byteSize
    sha256
    capturedAt
    capturedBy {
      id
      displayName
    }
    hasText
    downloadUrl
  }
`);

export const evidenceFieldsFragment = graphql(`
  fragment EvidenceFields on Evidence {
    id
    url
    title
    excerpt
    publishedAt
    retrievedAt
    archiveUrl
    stance
    credibility
    grade
    note
    source {
      id
      name
      kind
      reliability
    }
    derivedFrom {
      id
      title
      url
      source {
        id
        name
      }
    }
    quantity {
      min
      max
      unit
      asOf
    }
    anchor {
      prefix
      exact
      suffix
    }
    anchorStatus
    retracted
    retractionReason
    addedBy {
      id
      displayName
    }
    version
    createdAt
    updatedAt
    captures {
      ...CaptureFields
    }
  }
`);

export const chainEvidenceFieldsFragment = graphql(`
  fragment ChainEvidenceFields on Evidence {
    id
    title
    url
    grade
    stance
    source {
      id
      name
    }
  }
`);

export const corroborationSideFieldsFragment = graphql(`
  fragment CorroborationSideFields on CorroborationSide {
    stance
    chainCount
    rootSourceCount
    bestGrade
    explanation
    chains {
      bestGrade
      circular
      externalOriginId
      root {
        ...ChainEvidenceFields
      }
      members {
        ...ChainEvidenceFields
      }
    }
  }
`);

export const corroborationFieldsFragment = graphql(`
  fragment CorroborationFields on Corroboration {
    supporting {
      ...CorroborationSideFields
    }
    refuting {
      ...CorroborationSideFields
    }
    mixed {
      ...CorroborationSideFields
    }
    context {
      ...CorroborationSideFields
    }
    warnings {
      code
      message
      evidenceIds
      stance
    }
    collapsed {
      evidenceId
      rootId
      path
    }
    excludedEvidenceIds
    notes
    quantitySpreads {
      unit
      min
      max
      evidenceIds
      explanation
    }
    quantityConflicts {
      unit
      explanation
      a {
        ...ChainEvidenceFields
      }
      b {
        ...ChainEvidenceFields
      }
    }
  }
`);

export const claimQuery = graphql(`
  query Claim($id: ID!) {
    claim(id: $id) {
      ...ClaimHeaderFields
      evidence(includeRetracted: true) {
        ...EvidenceFields
      }
      corroboration {
        ...CorroborationFields
      }
      history {
        ...AuditEventFields
      }
      assignments {
        ...AssignmentFields
      }
      myAssessment {
        ...AssessmentFields
      }
      myCorrectionDraft {
        ...AssessmentFields
      }
      assessments {
        ...AssessmentFields
      }
      disagreement {
        flagged
        reasons {
          code
          message
          assessmentIds
        }
      }
      adjudication {
        ...AdjudicationFields
      }
      comments {
        ...CommentFields
      }
    }
  }
`);

export const updateClaimMutation = graphql(`
  mutation UpdateClaim($input: UpdateClaimInput!) {
    updateClaim(input: $input) {
      ...ClaimHeaderFields
    }
  }
`);

export const rejectClaimMutation = graphql(`
  mutation RejectClaim($input: RejectClaimInput!) {
    rejectClaim(input: $input) {
      ...ClaimHeaderFields
    }
  }
`);

export const sourceOptionsQuery = graphql(`
  query SourceOptions($search: String, $first: Int) {
    sources(search: $search, first: $first) {
      edges {
        node {
          id
          name
          kind
          reliability
        }
      }
      totalCount
    }
  }
`);

export const addEvidenceMutation = graphql(`
  mutation AddEvidence($input: AddEvidenceInput!) {
    addEvidence(input: $input) {
      ...EvidenceFields
    }
  }
`);

export const updateEvidenceMutation = graphql(`
  mutation UpdateEvidence($input: UpdateEvidenceInput!) {
    updateEvidence(input: $input) {
      ...EvidenceFields
    }
  }
`);

export const retractEvidenceMutation = graphql(`
  mutation RetractEvidence($input: RetractEvidenceInput!) {
    retractEvidence(input: $input) {
      ...EvidenceFields
    }
  }
`);

export const captureUrlMutation = graphql(`
  mutation CaptureUrl($input: CaptureUrlInput!) {
    captureUrl(input: $input) {
      ...CaptureFields
    }
  }
`);
