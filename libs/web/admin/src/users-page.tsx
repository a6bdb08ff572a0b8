import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Menu, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconHistory,
  IconKey,
  IconPlus,
  IconUserCheck,
  IconUserCog,
  IconUserOff,
  IconUsers,
} from '@tabler/icons-react';
import type { UserFieldsFragment } from '@corroborate/graphql';
import {
  ConfirmModal,
  DateTimeText,
  EmptyState,
  ErrorAlert,
  PageHeader,
  ROLE_COLORS,
  ROLE_LABELS,
  TableSkeleton,
  useCurrentUser,
} from '@corroborate/web-ui';
import { ChangeRoleModal } from './change-role-modal';
import { CreateUserModal } from './create-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { deactivateUserMutation, reactivateUserMutation, usersQuery } from './users.graphql';

type UserDialog =
  | { kind: 'role'; user: UserFieldsFragment }
  | { kind: 'password'; user: UserFieldsFragment }
  | { kind: 'deactivate'; user: UserFieldsFragment }
  | { kind: 'reactivate'; user: UserFieldsFragment };

export function UsersPage() {
  const me = useCurrentUser();
  const { data, error, loading, refetch } = useQuery(usersQuery, {
    notifyOnNetworkStatusChange: true,
  });
  const [creating, setCreating] = useState(false);
  // The last dialog stays set while it animates closed, so its text does not flicker.
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const users = data?.users;
  const open = (next: UserDialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const close = () => setDialogOpen(false);
  const dialogUser = (kind: UserDialog['kind']) =>
    dialogOpen && dialog?.kind === kind ? dialog.user : null;

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do. Deactivated users keep their history but cannot sign in."
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setCreating(true)}
          >
            New user
          </Button>
        }
      />

      {users === undefined && error === undefined && <TableSkeleton label="Loading users…" />}
      {error !== undefined && (
        <ErrorAlert
          error={error}
          title="Could not load users"
          onRetry={() => void refetch()}
          retrying={loading}
        />
      )}
      {users !== undefined && users.length === 0 && (
        <EmptyState
          icon={<IconUsers size={32} aria-hidden="true" />}
          title="No users yet"
          description="Create accounts for the editors, reviewers and viewers on your team."
        />
      )}
      {users !== undefined && users.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Last sign-in</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => {
                const isMe = user.id === me.id;
                return (
                  <Table.Tr key={user.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {user.displayName}
                      {isMe && (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          (you)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                    <Table.Td>
                      <Badge color={ROLE_COLORS[user.role]} variant="light">
                        {ROLE_LABELS[user.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.active ? 'teal' : 'gray'} variant="light">
                        {user.active ? 'Active' : 'Deactivated'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={user.lastSignInAt} fallback="Never" />
                    </Table.Td>
                    <Table.Td ta="right">
                      <UserActionsMenu user={user} isMe={isMe} onAction={open} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <ChangeRoleModal user={dialogUser('role')} onClose={close} />
      <ResetPasswordModal user={dialogUser('password')} onClose={close} />
      <ActivationModal
        opened={dialogOpen && (dialog?.kind === 'deactivate' || dialog?.kind === 'reactivate')}
        user={dialog?.user ?? null}
        onClose={close}
      />
    </>
  );
}

/**
 * The per-row menu. Before a dialog opens, focus moves back to the "Actions"
 * button so the dialog returns focus there (not to a menu item that is gone).
 */
function UserActionsMenu({
  user,
  isMe,
  onAction,
}: {
  user: UserFieldsFragment;
  isMe: boolean;
  onAction: (dialog: UserDialog) => void;
}) {
  const targetRef = useRef<HTMLButtonElement>(null);
  const act = (kind: UserDialog['kind']) => () => {
    targetRef.current?.focus();
    onAction({ kind, user });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          ref={targetRef}
          size="xs"
          variant="default"
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={`Actions for ${user.email}`}
        >
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconUserCog size={16} aria-hidden="true" />}
          disabled={isMe}
          onClick={act('role')}
        >
          Change role
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden="true" />} onClick={act('password')}>
          Reset password
        </Menu.Item>
        <Menu.Item
          component={Link}
          to={`/admin/activity?person=${encodeURIComponent(user.id)}`}
          leftSection={<IconHistory size={16} aria-hidden="true" />}
        >
          Activity
        </Menu.Item>
        {user.active ? (
          <Menu.Item
            c="red.9"
            leftSection={<IconUserOff size={16} aria-hidden="true" />}
            disabled={isMe}
            onClick={act('deactivate')}
          >
            Deactivate
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconUserCheck size={16} aria-hidden="true" />}
            onClick={act('reactivate')}
          >
            Reactivate
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Confirms deactivating an active user or reactivating a deactivated one. */
function ActivationModal({
  opened,
  user,
  onClose,
}: {
  opened: boolean;
  user: UserFieldsFragment | null;
  onClose: () => void;
}) {
  const [deactivate, deactivateState] = useMutation(deactivateUserMutation);
  const [reactivate, reactivateState] = useMutation(reactivateUserMutation);
  const deactivating = user?.active ?? true;
  const state = deactivating ? deactivateState : reactivateState;

  const close = () => {
    deactivateState.reset();
    reactivateState.reset();
    onClose();
  };

  const onConfirm = async () => {
    if (user === null) return;
    try {
      if (deactivating) {
        await deactivate({ variables: { userId: user.id } });
      } else {
        await reactivate({ variables: { userId: user.id } });
      }
      notifications.show({
        color: 'teal',
        title: deactivating ? 'User deactivated' : 'User reactivated',
        message: deactivating
          ? `${user.displayName} can no longer sign in.`
          : `${user.displayName} can sign in again.`,
      });
      close();
    } catch {
      // Shown in the dialog via `state.error`.
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      title={deactivating ? 'Deactivate user?' : 'Reactivate user?'}
      confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
      confirmColor={deactivating ? 'red' : undefined}
      loading={state.loading}
      error={state.error}
      onConfirm={() => void onConfirm()}
      onClose={close}
    >
      {deactivating ? (
        <Text>
          <strong>{user?.displayName}</strong> ({user?.email}) will be signed out everywhere and
          will not be able to sign in. Their claims, evidence and reviews stay as they are. You can
          reactivate them later.
        </Text>
      ) : (
        <Text>
          <strong>{user?.displayName}</strong> ({user?.email}) will be able to sign in again with
          their existing password and role.
        </Text>
      )}
    </ConfirmModal>
  );
}
