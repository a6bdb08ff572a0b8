import { useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileExport } from '@tabler/icons-react';
import type { Role } from '@corroborate/graphql';
import { graphql } from '@corroborate/graphql';
import {
  CopyValue,
  DateTimeText,
  ErrorAlert,
  PageHeader,
  PRIORITY_OPTIONS,
  VERDICT_LABELS,
  useSearchParamsState,
  ExternalLink,
  sameOriginHref,
} from '@corroborate/web-ui';
import {
  type ExportEvent,
  type ExportManifest,
  ExportRequestError,
  runExport,
} from './export-client';
import {
  EXPORT_FORMAT_OPTIONS,
  type ExportForm,
  exportFilterOf,
  exportFormFromParams,
  exportFormToParams,
} from './export-filters';
import { counted } from '@corroborate/domain';

/** Who may export (the server checks the same): admins, editors and viewers. */
export const EXPORT_ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'VIEWER'];

export const exportProjectsQuery = graphql(`
  query ExportProjects {
    projects {
      id
      name
    }
  }
`);

type Run =
  | { state: 'idle' }
  | { state: 'running'; scanned: number; total: number; written: number; bytes: number }
  | { state: 'done'; manifest: ExportManifest; downloadUrl: string; manifestUrl: string }
  | { state: 'failed'; message: string };

const FILTER_FIELD_LABELS: Record<string, string> = {
  projectId: 'Project',
  priorities: 'Priority',
  topics: 'Topics',
  text: 'Search',
  createdFrom: 'Taken in from',
  createdTo: 'Taken in to',
  verifiedFrom: 'Verified from',
  verifiedTo: 'Verified to',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportPage() {
  const [params, updateParams] = useSearchParamsState();
  const form = exportFormFromParams(params);
  const projects = useQuery(exportProjectsQuery);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const abort = useRef<AbortController | null>(null);

  const update = (changes: Partial<ExportForm>) => {
    updateParams(
      (current) => exportFormToParams({ ...exportFormFromParams(current), ...changes }),
      { replace: true },
    );
    if (run.state !== 'running') setRun({ state: 'idle' });
    setFieldError(null);
  };

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setFieldError(null);
    setRun({ state: 'running', scanned: 0, total: 0, written: 0, bytes: 0 });
    try {
      const last = await runExport(
        form.format,
        exportFilterOf(form),
        (event: ExportEvent) => {
          if (event.event === 'progress') setRun({ state: 'running', ...event });
        },
        controller.signal,
      );
      if (last.event === 'completed') {
        setRun({
          state: 'done',
          manifest: last.manifest,
          downloadUrl: last.downloadUrl,
          manifestUrl: last.manifestUrl,
        });
      } else if (last.event === 'failed') {
        setRun({ state: 'failed', message: last.error.message });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ExportRequestError && error.field)
        setFieldError({ field: error.field, message: error.message });
      setRun({
        state: 'failed',
        message: error instanceof Error ? error.message : 'The export failed.',
      });
    }
  };

  const projectOptions = [
    { value: '', label: 'All projects' },
    ...(projects.data?.projects ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];
  const errorOf = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const projectName = (id: unknown) =>
    projects.data?.projects.find((p) => p.id === id)?.name ?? String(id);

  return (
    <>
      <PageHeader
        title="Export"
        description="Download the verified claims, filtered like a queue, as ClaimReview JSON-LD, CSV or NDJSON. Every export comes with a manifest: the filters, what it holds and the SHA-256 of the file."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <form
            aria-label="Export"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <Stack gap="md">
              <Radio.Group
                label="Format"
                value={form.format}
                onChange={(value) => {
                  const option = EXPORT_FORMAT_OPTIONS.find((o) => o.value === value);
                  if (option) update({ format: option.value });
                }}
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                  {EXPORT_FORMAT_OPTIONS.map((option) => (
                    <Radio
                      key={option.value}
                      value={option.value}
                      label={option.label}
                      description={option.description}
                    />
                  ))}
                </SimpleGrid>
              </Radio.Group>
              <Title order={2} size="h4">
                Which verified claims
              </Title>
              {projects.error !== undefined && (
                <ErrorAlert
                  error={projects.error}
                  title="Could not load projects"
                  onRetry={() => void projects.refetch()}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label="Project"
                  data={projectOptions}
                  value={form.project ?? ''}
                  onChange={(e) => update({ project: e.currentTarget.value || null })}
                  error={errorOf('projectId')}
                />
                <MultiSelect
                  label="Priority"
                  placeholder={form.priorities.length ? undefined : 'Any priority'}
                  data={PRIORITY_OPTIONS}
                  value={form.priorities}
                  onChange={(values) =>
                    update({
                      priorities: PRIORITY_OPTIONS.filter((o) => values.includes(o.value)).map(
                        (o) => o.value,
                      ),
                    })
                  }
                  error={errorOf('priorities')}
                />
                <TagsInput
                  label="Topics"
                  description="Press Enter after each topic."
                  value={form.topics}
                  onChange={(topics) => update({ topics })}
                  maxTags={50}
                  error={errorOf('topics')}
                />
                <TextInput
                  label="Search"
                  description="Words in the claim or the claimant."
                  maxLength={500}
                  value={form.q}
                  onChange={(e) => update({ q: e.currentTarget.value })}
                  error={errorOf('text')}
                />
                <TextInput
                  type="date"
                  label="Taken in from"
                  value={form.createdFrom}
                  onChange={(e) => update({ createdFrom: e.currentTarget.value })}
                  error={errorOf('createdFrom')}
                />
                <TextInput
                  type="date"
                  label="Taken in to"
                  value={form.createdTo}
                  onChange={(e) => update({ createdTo: e.currentTarget.value })}
                  error={errorOf('createdTo')}
                />
                <TextInput
                  type="date"
                  label="Verified from"
                  value={form.verifiedFrom}
                  onChange={(e) => update({ verifiedFrom: e.currentTarget.value })}
                  error={errorOf('verifiedFrom')}
                />
                <TextInput
                  type="date"
                  label="Verified to"
                  value={form.verifiedTo}
                  onChange={(e) => update({ verifiedTo: e.currentTarget.value })}
                  error={errorOf('verifiedTo')}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  type="submit"
                  leftSection={<IconFileExport size={16} aria-hidden="true" />}
                  loading={run.state === 'running'}
                >
                  Export verified claims
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        {run.state === 'running' && (
          <Paper withBorder radius="md" p="lg" aria-live="polite">
            <Stack gap="xs">
              <Text fw={500}>
                Exporting… {counted(run.written, 'claim')} written
                {run.total > 0 ? ` (${run.scanned} of ${run.total} read)` : ''},{' '}
                {formatBytes(run.bytes)}
              </Text>
              <Progress
                value={run.total > 0 ? (100 * run.scanned) / run.total : 5}
                animated
                aria-label="Export progress"
              />
            </Stack>
          </Paper>
        )}

        {run.state === 'failed' && (
          <ErrorAlert
            title="The export failed"
            message={run.message}
            onRetry={() => void start()}
          />
        )}

        {run.state === 'done' && (
          <Paper withBorder radius="md" p="lg" aria-live="polite">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h3">
                  Export ready: {counted(run.manifest.counts.claims, 'verified claim')}
                </Title>
                <Group gap="sm">
                  <Button
                    component="a"
                    href={sameOriginHref(run.downloadUrl)}
                    download={run.manifest.files[0]?.name}
                    leftSection={<IconDownload size={16} aria-hidden="true" />}
                  >
                    Download {run.manifest.files[0]?.name}
                  </Button>
                  <Button
                    component="a"
                    variant="default"
                    href={sameOriginHref(run.manifestUrl)}
                    download={`${run.manifest.files[0]?.name ?? 'export'}.manifest.json`}
                  >
                    Download manifest
                  </Button>
                </Group>
              </Group>
              {run.manifest.counts.claims === 0 && (
                <Text c="dimmed">
                  No verified claim matches these filters: the file is a valid, empty export.
                </Text>
              )}
              <Manifest manifest={run.manifest} projectName={projectName} />
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function Manifest({
  manifest,
  projectName,
}: {
  manifest: ExportManifest;
  projectName: (id: unknown) => string;
}) {
  const c = manifest.counts;
  const verdicts = Object.entries(c.byVerdict).filter(([, n]) => n > 0);
  const filters = Object.entries(manifest.filters).filter(([k]) => k !== 'status');
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Manifest">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={200}>Generated</Table.Th>
          <Table.Td>
            <DateTimeText value={manifest.generatedAt} /> by {manifest.generatedBy ?? '—'}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Filters</Table.Th>
          <Table.Td>
            {filters.length === 0
              ? 'All verified claims'
              : filters
                  .map(
                    ([k, v]) =>
                      `${FILTER_FIELD_LABELS[k] ?? k}: ${
                        k === 'projectId'
                          ? projectName(v)
                          : Array.isArray(v)
                            ? v.join(', ')
                            : String(v)
                      }`,
                  )
                  .join(' · ')}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Holds</Table.Th>
          <Table.Td>
            {counted(c.claims, 'claim')}, {counted(c.evidence, 'evidence item')} from{' '}
            {counted(c.sources, 'source')}, {counted(c.assessments, 'assessment')},{' '}
            {counted(c.captures, 'capture')}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Verdicts</Table.Th>
          <Table.Td>
            {verdicts.length === 0
              ? '—'
              : verdicts
                  .map(([v, n]) => `${VERDICT_LABELS[v as keyof typeof VERDICT_LABELS] ?? v}: ${n}`)
                  .join(' · ')}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Published as</Table.Th>
          <Table.Td>
            {manifest.organisation.url ? (
              <ExternalLink href={manifest.organisation.url}>
                {manifest.organisation.name}
              </ExternalLink>
            ) : (
              manifest.organisation.name
            )}
          </Table.Td>
        </Table.Tr>
        {manifest.files.map((file) => (
          <Table.Tr key={file.name}>
            <Table.Th>File</Table.Th>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm">
                  {file.name} ({formatBytes(file.bytes)}, {file.mediaType})
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    SHA-256
                  </Text>
                  <CopyValue value={file.sha256} label="Copy SHA-256" />
                </Group>
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
