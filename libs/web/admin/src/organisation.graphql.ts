import { graphql } from '@corroborate/graphql';

export const organisationQuery = graphql(`
  query Organisation {
    organisation {
      name
      url
      logoUrl
      license
      version
      updatedAt
    }
  }
`);

export const updateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      name
      url
      logoUrl
      license
      version
      updatedAt
    }
  }
`);
