import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import type { Role } from '@corroborate/graphql';
import { useHasRole } from './current-user';
import { PageHeader } from './page-header';
import { ROLE_LABELS } from './roles';

export interface RoleGateProps {
  roles: readonly Role[];
  children: ReactNode;
  /** Rendered when the user lacks the role; nothing by default (for hiding controls). */
  fallback?: ReactNode;
}

/** Renders its children only for the given roles. The server still checks every write. */
export function RoleGate({ roles, children, fallback = null }: RoleGateProps) {
  return useHasRole(roles) ? children : fallback;
}

/** A page-level gate: people without the role get a clear "no access" page, not a blank. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return (
    <RoleGate roles={roles} fallback={<NoAccessPage roles={roles} />}>
      {children}
    </RoleGate>
  );
}

export function NoAccessPage({ roles }: { roles?: readonly Role[] }) {
  const who =
    roles === undefined || roles.length === 0
      ? 'people with a different role'
      : roles.map((role) => ROLE_LABELS[role].toLowerCase() + 's').join(' and ');
  return (
    <>
      <PageHeader title="You don't have access" documentTitle="No access" />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Text>
            This page is only for {who}. If you need it for your work, ask an administrator to
            change your role.
          </Text>
          <Anchor component={Link} to="/projects">
            Go to projects
          </Anchor>
        </Stack>
      </Paper>
    </>
  );
}
