import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import type { ApiTokenFieldsFragment } from '@corroborate/graphql';
import {
  ConfirmModal,
  DateTimeText,
  EmptyState,
  ErrorAlert,
  PageHeader,
  TableSkeleton,
  getFormErrors,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import {
  apiTokensQuery,
  createApiTokenMutation,
  revokeApiTokenMutation,
} from './api-tokens.graphql';

export function ApiTokensPage() {
  const { data, error, loading, refetch } = useQuery(apiTokensQuery, {
    notifyOnNetworkStatusChange: true,
  });
  const [createOpened, setCreateOpened] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenFieldsFragment | null>(null);
  const tokens = data?.apiTokens;

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setCreateOpened(true)}
    >
      New token
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts and the command-line tool act as you, with your role. Send one as{' '}
            <Code>Authorization: Bearer &lt;token&gt;</Code>. Revoke any token you no longer use.
          </>
        }
        actions={tokens !== undefined && tokens.length > 0 ? createButton : undefined}
      />

      {tokens === undefined && error === undefined && <TableSkeleton label="Loading API tokens…" />}
      {error !== undefined && (
        <ErrorAlert
          error={error}
          title="Could not load your API tokens"
          onRetry={() => void refetch()}
          retrying={loading}
        />
      )}
      {tokens !== undefined && tokens.length === 0 && (
        <EmptyState
          icon={<IconKey size={32} aria-hidden="true" />}
          title="No API tokens yet"
          description="Create a token to use Corroborate from scripts or the command line."
          action={createButton}
        />
      )}
      {tokens !== undefined && tokens.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{token.name}</Table.Td>
                  <Table.Td>
                    <DateTimeText value={token.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <DateTimeText value={token.lastUsedAt} fallback="Never" />
                  </Table.Td>
                  <Table.Td>
                    <DateTimeText value={token.expiresAt} fallback="Never" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => setRevoking(token)}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <CreateApiTokenModal opened={createOpened} onClose={() => setCreateOpened(false)} />
      <RevokeApiTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

type TokenField = 'name' | 'expiresInDays';
const TOKEN_FIELDS: readonly TokenField[] = ['name', 'expiresInDays'];

function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState<string | number>('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<TokenField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  // The secret is shown once: leaving before closing this dialog would lose it for good.
  useUnsavedChanges(
    secret !== null ? 'the new API token, shown only this once' : 'the API token you are creating',
    opened && (secret !== null || name.trim() !== ''),
  );
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const [create, { loading }] = useMutation(createApiTokenMutation, {
    refetchQueries: [{ query: apiTokensQuery }],
    awaitRefetchQueries: true,
  });

  // The form (and the focused submit button) is replaced by the secret: move focus to "Copy token".
  useEffect(() => {
    if (secret !== null) copyButtonRef.current?.focus();
  }, [secret]);

  const close = () => {
    setName('');
    setExpiresInDays('');
    setFieldErrors({});
    setFormError(null);
    setSecret(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const errors: Partial<Record<TokenField, string>> = {};
    if (trimmed === '') errors.name = 'Give the token a name, e.g. "Nightly import script".';
    const days = typeof expiresInDays === 'number' ? expiresInDays : null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      errors.expiresInDays = 'Enter a whole number of days from 1 to 3650, or leave it empty.';
    }
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;
    try {
      const result = await create({
        variables: { input: { name: trimmed, expiresInDays: days } },
      });
      setSecret(result.data?.createApiToken.token ?? null);
    } catch (error) {
      const { fieldErrors: serverFieldErrors, formError: serverFormError } = getFormErrors(
        error,
        TOKEN_FIELDS,
      );
      setFieldErrors(serverFieldErrors);
      setFormError(serverFormError);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret === null ? 'New API token' : 'Copy your new token'}
      centered
      closeOnClickOutside={secret === null}
    >
      {secret === null ? (
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <Stack gap="md">
            {formError !== null && (
              <ErrorAlert message={formError} title="Could not create the token" />
            )}
            <TextInput
              label="Name"
              description="What the token is for, so you recognise it later."
              required
              data-autofocus
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrors.name}
            />
            <NumberInput
              label="Expires after (days)"
              description="Leave empty for a token that never expires."
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              value={expiresInDays}
              onChange={setExpiresInDays}
              error={fieldErrors.expiresInDays}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={loading}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Alert
            color="red"
            variant="light"
            title="Copy this token now"
            icon={<IconAlertTriangle aria-hidden="true" />}
          >
            This is the only time Corroborate shows it. Store it somewhere safe, such as a password
            manager. If you lose it, revoke it and create a new one.
          </Alert>
          <Stack gap={4}>
            <Text fw={500} size="sm" id="new-token-label">
              Your new token
            </Text>
            <Code
              block
              aria-labelledby="new-token-label"
              data-testid="new-api-token"
              style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            >
              {secret}
            </Code>
          </Stack>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  ref={copyButtonRef}
                  variant={copied ? 'light' : 'default'}
                  leftSection={
                    copied ? (
                      <IconCheck size={16} aria-hidden="true" />
                    ) : (
                      <IconCopy size={16} aria-hidden="true" />
                    )
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function RevokeApiTokenModal({
  token,
  onClose,
}: {
  token: ApiTokenFieldsFragment | null;
  onClose: () => void;
}) {
  const [revoke, { loading, error, reset }] = useMutation(revokeApiTokenMutation, {
    refetchQueries: [{ query: apiTokensQuery }],
    awaitRefetchQueries: true,
  });
  const close = () => {
    reset();
    onClose();
  };
  const onConfirm = async () => {
    if (token === null) return;
    try {
      await revoke({ variables: { id: token.id } });
      notifications.show({ color: 'teal', title: 'Token revoked', message: token.name });
      close();
    } catch {
      // Shown in the dialog via `error`.
    }
  };
  return (
    <ConfirmModal
      opened={token !== null}
      title="Revoke token?"
      confirmLabel="Revoke token"
      confirmColor="red"
      loading={loading}
      error={error}
      onConfirm={() => void onConfirm()}
      onClose={close}
    >
      <Text>
        Scripts using <strong>{token?.name}</strong> will stop working at once. This cannot be
        undone.
      </Text>
    </ConfirmModal>
  );
}
