import { graphql } from '@corroborate/graphql';

export const userFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    role
    active
    lastSignInAt
    createdAt
  }
`);

export const usersQuery = graphql(`
  query Users {
    users {
      ...UserFields
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

export const updateUserRoleMutation = graphql(`
  mutation UpdateUserRole($input: UpdateUserRoleInput!) {
    updateUserRole(input: $input) {
      ...UserFields
    }
  }
`);

export const deactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      ...UserFields
    }
  }
`);

export const reactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      ...UserFields
    }
  }
`);

export const resetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      ...UserFields
    }
  }
`);
