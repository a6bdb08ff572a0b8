import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackageExport } from '@tabler/icons-react';
import type { ReleaseFieldsFragment, Role } from '@corroborate/graphql';
import {
  DateTimeText,
  EmptyState,
  ErrorAlert,
  getFormErrors,
  PageHeader,
  RoleGate,
  TableSkeleton,
  VERDICT_LABELS,
  sameOriginHref,
} from '@corroborate/web-ui';
import { exportProjectsQuery } from './export-page';
import { cutReleaseMutation, releasesQuery } from './releases.graphql';
import { counted } from '@corroborate/domain';

/** Who may cut a release (the server checks the same). */
export const RELEASE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];

const FORMAT_LABELS: Record<string, string> = { jsonld: 'JSON-LD', csv: 'CSV', ndjson: 'NDJSON' };

interface DeltaDocument {
  added: { claimId: string; text: string; verdict: string }[];
  changed: { claimId: string; text: string; oldVerdict: string; newVerdict: string }[];
  retracted: { claimId: string; text: string; lastVerdict: string; reason: string }[];
}

const verdict = (v: string) => VERDICT_LABELS[v as keyof typeof VERDICT_LABELS] ?? v;

export function ReleasesPage() {
  const { data, error, loading, refetch } = useQuery(releasesQuery);
  const [deltaOf, setDeltaOf] = useState<ReleaseFieldsFragment | null>(null);
  const releases = data?.releases;
  return (
    <>
      <PageHeader
        title="Releases"
        description="Named, numbered and immutable publications of the verified claims, each with its files, a manifest and what changed since the previous release of the same name."
      />
      <Stack gap="lg">
        <RoleGate roles={RELEASE_ROLES}>
          <CutReleaseForm />
        </RoleGate>
        {releases === undefined && error === undefined && (
          <TableSkeleton label="Loading releases…" />
        )}
        {error !== undefined && (
          <ErrorAlert
            error={error}
            title="Could not load releases"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        )}
        {releases !== undefined && releases.length === 0 && (
          <EmptyState
            icon={<IconPackageExport size={32} aria-hidden="true" />}
            title="No releases yet"
            description="An editor cuts the first release of a set from its verified claims."
          />
        )}
        {releases !== undefined && releases.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Releases">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Release</Table.Th>
                  <Table.Th>Cut</Table.Th>
                  <Table.Th>Claims</Table.Th>
                  <Table.Th>Since the previous</Table.Th>
                  <Table.Th>Download</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {releases.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text fw={500}>
                        {r.name} #{r.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={r.createdAt} />
                      <Text size="xs" c="dimmed">
                        by {r.createdByName ?? 'the command-line tool'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.counts.claims}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setDeltaOf(r)}
                        aria-label={`Changes in ${r.name} #${r.number}: ${r.delta.added} added, ${r.delta.changed} changed, ${r.delta.retracted} retracted`}
                      >
                        {r.previousNumber === null
                          ? 'first release: '
                          : `vs #${r.previousNumber}: `}
                        +{r.delta.added} ~{r.delta.changed} −{r.delta.retracted}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {r.files.map((f) => (
                          <Anchor
                            key={f.format}
                            href={sameOriginHref(f.downloadUrl)}
                            download={f.name}
                            size="sm"
                            title={`SHA-256 ${f.sha256}`}
                            aria-label={`Download ${r.name} #${r.number} as ${FORMAT_LABELS[f.format] ?? f.format}`}
                          >
                            {FORMAT_LABELS[f.format] ?? f.format}
                          </Anchor>
                        ))}
                        <Anchor
                          href={sameOriginHref(r.manifestUrl)}
                          size="sm"
                          download
                          aria-label={`Download the manifest of ${r.name} #${r.number}`}
                        >
                          Manifest
                        </Anchor>
                        <Anchor
                          href={sameOriginHref(r.deltaUrl)}
                          size="sm"
                          download
                          aria-label={`Download the delta of ${r.name} #${r.number}`}
                        >
                          Delta
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={deltaOf !== null}
        onClose={() => setDeltaOf(null)}
        size="xl"
        title={deltaOf ? `${deltaOf.name} #${deltaOf.number}: what changed` : ''}
      >
        {deltaOf !== null && <DeltaView release={deltaOf} />}
      </Modal>
    </>
  );
}

function DeltaView({ release }: { release: ReleaseFieldsFragment }) {
  const [delta, setDelta] = useState<DeltaDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(release.deltaUrl, { credentials: 'same-origin', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`The delta could not be loaded (HTTP ${res.status}).`);
        setDelta((await res.json()) as DeltaDocument);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setFailure(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [release.deltaUrl]);
  if (failure) return <ErrorAlert message={failure} title="Could not load the delta" />;
  if (!delta) return <Text>Loading…</Text>;
  const claimLink = (id: string, text: string) => (
    <Anchor component={Link} to={`/claims/${id}`}>
      {text}
    </Anchor>
  );
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        Added ({delta.added.length})
      </Title>
      {delta.added.length === 0 ? (
        <Text c="dimmed">None.</Text>
      ) : (
        <List>
          {delta.added.map((a) => (
            <List.Item key={a.claimId}>
              {claimLink(a.claimId, a.text)} — {verdict(a.verdict)}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        Changed ({delta.changed.length})
      </Title>
      {delta.changed.length === 0 ? (
        <Text c="dimmed">None.</Text>
      ) : (
        <List>
          {delta.changed.map((c) => (
            <List.Item key={c.claimId}>
              {claimLink(c.claimId, c.text)} — {verdict(c.oldVerdict)} → {verdict(c.newVerdict)}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        Retracted ({delta.retracted.length})
      </Title>
      {delta.retracted.length === 0 ? (
        <Text c="dimmed">None.</Text>
      ) : (
        <List>
          {delta.retracted.map((r) => (
            <List.Item key={r.claimId}>
              {claimLink(r.claimId, r.text)} — was {verdict(r.lastVerdict)}; {r.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function CutReleaseForm() {
  const projects = useQuery(exportProjectsQuery);
  const [name, setName] = useState('');
  const [project, setProject] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'name' | 'projectId', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [cut, { loading }] = useMutation(cutReleaseMutation, {
    refetchQueries: [{ query: releasesQuery }],
    awaitRefetchQueries: true,
  });
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (name.trim() === '') {
      setFieldErrors({ name: 'Name the set, e.g. “Belarus weekly”.' });
      return;
    }
    setFieldErrors({});
    try {
      const result = await cut({
        variables: { input: { name: name.trim(), filter: project ? { projectId: project } : {} } },
      });
      const r = result.data?.cutRelease;
      notifications.show({
        color: 'teal',
        title: r ? `Release ${r.name} #${r.number} cut` : 'Release cut',
        message: r
          ? `${counted(r.counts.claims, 'claim')}; ${r.delta.added} added, ${r.delta.changed} changed, ${r.delta.retracted} retracted.`
          : '',
      });
    } catch (error) {
      const result = getFormErrors(error, ['name', 'projectId'] as const);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <form noValidate aria-label="Cut a release" onSubmit={(e) => void onSubmit(e)}>
        <Stack gap="md">
          <Title order={2} size="h4">
            Cut a release
          </Title>
          {formError !== null && <ErrorAlert message={formError} title="Could not cut" />}
          <Group align="flex-start" grow>
            <TextInput
              label="Set name"
              description="Releases of the same name are numbered 1, 2, … and compared."
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
            />
            <NativeSelect
              label="Project"
              description="Its verified claims go into the release."
              data={[
                { value: '', label: 'All projects' },
                ...(projects.data?.projects ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={project}
              onChange={(e) => setProject(e.currentTarget.value)}
              error={fieldErrors.projectId}
            />
          </Group>
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={loading}
              leftSection={<IconPackageExport size={16} aria-hidden="true" />}
            >
              Cut release
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
