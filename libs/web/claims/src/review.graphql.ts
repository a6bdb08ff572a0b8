import { graphql } from '@corroborate/graphql';

export const assessmentFieldsFragment = graphql(`
  fragment AssessmentFields on Assessment {
    id
    status
    verdict
    likelihood
    confidence
    rationale
    correctionReason
    submittedAt
    updatedAt
    reviewer {
      id
      displayName
    }
    evidence {
      id
      title
      url
    }
  }
`);

export const assignmentFieldsFragment = graphql(`
  fragment AssignmentFields on Assignment {
    id
    status
    dueAt
    declineReason
    createdAt
    reviewer {
      id
      displayName
    }
  }
`);

export const adjudicationFieldsFragment = graphql(`
  fragment AdjudicationFields on Adjudication {
    id
    verdict
    likelihood
    confidence
    publicSummary
    createdAt
    reopenedAt
    reopenReason
    adjudicatedBy {
      id
      displayName
    }
    citedAssessments {
      id
      verdict
      reviewer {
        id
        displayName
      }
    }
    citedEvidence {
      id
      title
      url
    }
  }
`);

export const saveAssessmentDraftMutation = graphql(`
  mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) {
    saveAssessmentDraft(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const discardAssessmentDraftMutation = graphql(`
  mutation DiscardAssessmentDraft($input: DiscardAssessmentDraftInput!) {
    discardAssessmentDraft(input: $input)
  }
`);

export const submitAssessmentMutation = graphql(`
  mutation SubmitAssessment($input: SubmitAssessmentInput!) {
    submitAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const declineAssignmentMutation = graphql(`
  mutation DeclineAssignment($input: DeclineAssignmentInput!) {
    declineAssignment(input: $input) {
      ...AssignmentFields
    }
  }
`);

export const unassignReviewerMutation = graphql(`
  mutation UnassignReviewer($input: UnassignReviewerInput!) {
    unassignReviewer(input: $input) {
      id
    }
  }
`);

export const reassignReviewerMutation = graphql(`
  mutation ReassignReviewer($input: ReassignReviewerInput!) {
    reassignReviewer(input: $input) {
      ...AssignmentFields
    }
  }
`);

export const adjudicateClaimMutation = graphql(`
  mutation AdjudicateClaim($input: AdjudicateClaimInput!) {
    adjudicateClaim(input: $input) {
      ...AdjudicationFields
    }
  }
`);

export const reopenClaimMutation = graphql(`
  mutation ReopenClaim($input: ReopenClaimInput!) {
    reopenClaim(input: $input) {
      ...ClaimHeaderFields
    }
  }
`);

export const reviewersQuery = graphql(`
  query Reviewers {
    reviewers {
      id
      displayName
    }
  }
`);

export const assignReviewersMutation = graphql(`
  mutation AssignReviewers($input: AssignReviewersInput!) {
    assignReviewers(input: $input) {
      ...AssignmentFields
    }
  }
`);
