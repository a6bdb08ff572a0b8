import { graphql } from '@corroborate/graphql';

export const intakeProjectsQuery = graphql(`
  query IntakeProjects {
    projects {
      id
      name
    }
  }
`);

export const likelyDuplicatesQuery = graphql(`
  query LikelyDuplicates($projectId: ID!, $text: String!, $excludeClaimId: ID) {
    likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) {
      score
      claim {
        id
        text
        status
        version
      }
    }
  }
`);

export const extractClaimsQuery = graphql(`
  query ExtractClaims($projectId: ID!, $text: String) {
    extractClaims(projectId: $projectId, text: $text) {
      text
      start
      end
      reasons
      claimant
      attribution
      figures
      duplicates {
        score
        claim {
          id
          text
          status
          version
        }
      }
    }
  }
`);

export const intakeCreateClaimMutation = graphql(`
  mutation IntakeCreateClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      id
      text
      claimant
      status
      version
    }
  }
`);

export const mergeClaimsMutation = graphql(`
  mutation MergeClaims($input: MergeClaimsInput!) {
    mergeClaims(input: $input) {
      id
      text
      status
      version
      evidenceCount
    }
  }
`);
