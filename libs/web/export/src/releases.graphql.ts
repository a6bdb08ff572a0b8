import { graphql } from '@corroborate/graphql';

export const releaseFieldsFragment = graphql(`
  fragment ReleaseFields on Release {
    id
    name
    number
    filtersJson
    previousNumber
    createdByName
    createdAt
    counts {
      claims
      evidence
      sources
      assessments
      captures
    }
    files {
      format
      name
      bytes
      sha256
      downloadUrl
    }
    delta {
      added
      changed
      retracted
    }
    manifestUrl
    deltaUrl
  }
`);

export const releasesQuery = graphql(`
  query Releases {
    releases {
      ...ReleaseFields
    }
  }
`);

export const cutReleaseMutation = graphql(`
  mutation CutRelease($input: CutReleaseInput!) {
    cutRelease(input: $input) {
      ...ReleaseFields
    }
  }
`);
