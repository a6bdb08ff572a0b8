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

export const projectsQuery = graphql(`
  query Projects {
    projects {
      ...ProjectFields
      claimCounts {
        total
        open
        statuses {
          value
          count
        }
      }
    }
  }
`);

export const projectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectFields
      claimCounts {
        total
        open
        statuses {
          value
          count
        }
      }
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
