import { graphql } from '@corroborate/graphql';

export const projectFieldsFragment = graphql(`
  fragment ProjectFields on Project {
    id
    name
    description
    requiredReviews
    createdAt
    updatedAt
  }
`);

export const projectClaimCountsFragment = graphql(`
  fragment ProjectClaimCounts on Project {
    claimCounts {
      total
      open
      statuses {
        value
        count
      }
    }
  }
`);

export const projectsQuery = graphql(`
  query Projects {
    projects {
      ...ProjectFields
      ...ProjectClaimCounts
    }
  }
`);

export const projectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectFields
      ...ProjectClaimCounts
    }
  }
`);

export const createProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ...ProjectFields
    }
  }
`);

export const updateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      ...ProjectFields
    }
  }
`);

export const projectAgreementQuery = graphql(`
  query ProjectAgreement($input: AgreementInput!) {
    agreement(input: $input) {
      alpha
      computable
      metric
      pairableValues
      reason
      units
      reviewers {
        id
        displayName
      }
    }
  }
`);
