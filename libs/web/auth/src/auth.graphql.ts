import { graphql } from '@corroborate/graphql';

export const currentUserFieldsFragment = graphql(`
  fragment CurrentUserFields on User {
    id
    email
    displayName
    role
    active
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
`);

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...CurrentUserFields
      }
    }
  }
`);

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
