import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconEye, IconFileImport, IconUpload } from '@tabler/icons-react';
import {
  formatOfFileName,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportStage,
  counted,
} from '@corroborate/domain';
import {
  CLAIM_WRITE_ROLES,
  ErrorAlert,
  PageHeader,
  PriorityBadge,
  RequireRole,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { formatScore } from './duplicate-suggestions';
import { ProjectSelect } from './project-select';
import {
  FORMAT_LABELS,
  type ImportPreview,
  type ImportResponse,
  type PreviewResponse,
  describeStage,
  previewImport,
  uploadImport,
} from './upload-import';

export function ImportPage() {
  return (
    <RequireRole roles={CLAIM_WRITE_ROLES}>
      <ImportScreen />
    </RequireRole>
  );
}

function where(line: number | null, record: number | null): string {
  if (line !== null) return String(line);
  if (record !== null) return `record ${record}`;
  return '—';
}

function ImportScreen() {
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [stage, setStage] = useState<ImportStage | null>(null);
  /** The chosen file read and checked by the server, nothing written yet. */
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  /** The project the result's claims went into (the picker may have moved on since). */
  const [importedInto, setImportedInto] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const fileButton = useRef<HTMLButtonElement>(null);

  const setProject = (id: string | null) => {
    setPreview(null);
    const next = new URLSearchParams(params);
    if (id === null) next.delete('project');
    else next.set('project', id);
    setParams(next, { replace: true });
  };

  const onFile = (f: File | null) => {
    setFile(f);
    setResult(null);
    setPreview(null);
    setProgress(null);
    setFormat(f === null ? null : formatOfFileName(f.name));
  };

  const chooseAnother = () => {
    onFile(null);
    fileButton.current?.focus();
    fileButton.current?.click();
  };

  /** What is missing before the file can be sent, or null. */
  const missing = (): string | null => {
    if (projectId === null) return 'Choose the project to import into.';
    if (file === null) return 'Choose a file to import.';
    if (format === null)
      return 'Choose the format: the file name does not say (.csv, .ndjson, .jsonld).';
    return null;
  };

  const onPreview = async () => {
    setFormError(missing());
    setResult(null);
    setPreview(null);
    if (projectId === null || file === null || format === null) return;
    setBusy('preview');
    setProgress(0);
    try {
      setPreview(await previewImport(projectId, file, format, setProgress));
    } finally {
      setProgress(null);
      setBusy(null);
    }
  };

  const onImport = async () => {
    setFormError(missing());
    if (projectId === null || file === null || format === null) return;
    setBusy('import');
    setProgress(0);
    setStage(null);
    try {
      const response = await uploadImport(projectId, file, format, setProgress, setStage);
      setImportedInto(projectId);
      setResult(response);
      setPreview(null);
    } finally {
      setProgress(null);
      setStage(null);
      setBusy(null);
    }
  };

  useUnsavedChanges(
    'the import under way: what it imported, or every problem it found, shows only on this page',
    busy === 'import',
  );

  const ready = preview !== null && preview.ok ? preview.preview : null;

  return (
    <>
      <PageHeader
        title="Import claims"
        description="Import claims, with their sources and evidence, from CSV, NDJSON or ClaimReview JSON-LD. The whole file is checked first and previewed before anything is imported: if any row has a problem, nothing can be imported and every problem is listed."
      />
      <Stack gap="md" maw={1200}>
        {formError !== null && <ErrorAlert message={formError} title="Cannot import yet" />}
        <ProjectSelect value={projectId} onChange={setProject} />
        <FileInput
          ref={fileButton}
          label="File"
          description="CSV columns: text (required), claimant, firstAppearanceUrl, firstAppearedAt, topics (separated by ;), priority, dueAt, and optionally one evidence item per row: evidenceUrl, evidenceTitle, evidenceExcerpt, evidencePublishedAt, evidenceStance, evidenceCredibility, sourceName, sourceKind, sourceReliability."
          placeholder="Choose a .csv, .ndjson or .jsonld file"
          accept=".csv,.ndjson,.jsonl,.jsonld,.json,text/csv,application/json,application/ld+json"
          value={file}
          onChange={onFile}
          clearable
          leftSection={<IconFileImport size={16} aria-hidden="true" />}
          maw={560}
        />
        <Select
          label="Format"
          description={
            file !== null && formatOfFileName(file.name) !== null
              ? 'Recognised from the file name.'
              : undefined
          }
          data={IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          value={format}
          onChange={(v) => {
            setPreview(null);
            setFormat(v as ImportFormat | null);
          }}
          placeholder="Choose the format"
          maw={420}
        />
        {preview === null && (
          <Group>
            <Button
              leftSection={<IconEye size={16} aria-hidden="true" />}
              onClick={() => void onPreview()}
              loading={busy === 'preview'}
            >
              Preview
            </Button>
          </Group>
        )}
        {busy !== null && (
          <ImportProgress
            sent={progress ?? 0}
            stage={stage}
            label={busy === 'preview' ? 'Preview progress' : 'Upload progress'}
          />
        )}
        {preview !== null && !preview.ok && (
          <>
            <ImportErrors
              result={preview}
              projectId={projectId}
              title="This file cannot be imported"
            />
            <Group>
              <Button variant="default" onClick={chooseAnother}>
                Choose another file
              </Button>
            </Group>
          </>
        )}
        {ready !== null && file !== null && (
          <ImportPreviewResult
            preview={ready}
            fileName={file.name}
            importing={busy === 'import'}
            onImport={() => void onImport()}
            onChooseAnother={chooseAnother}
          />
        )}
        {result !== null && !result.ok && <ImportErrors result={result} projectId={projectId} />}
        {result !== null && result.ok && <ImportDone result={result} projectId={importedInto} />}
      </Stack>
    </>
  );
}

/** Duplicate matches shown per previewed row. */
const PREVIEW_MATCHES = 3;

/**
 * A checked file before it is imported: its counts, its first records as they will be imported
 * (with their likely duplicates in the project), and the choice to import it or pick another.
 */
function ImportPreviewResult({
  preview,
  fileName,
  importing,
  onImport,
  onChooseAnother,
}: {
  preview: ImportPreview;
  fileName: string;
  importing: boolean;
  onImport: () => void;
  onChooseAnother: () => void;
}) {
  const shown = preview.firstRows.length;
  return (
    <Stack gap="sm">
      <Alert color="blue" title="Ready to import" role="status">
        {fileName} holds {counted(preview.claims, 'claim')} with{' '}
        {counted(preview.evidence, 'evidence item')}, and no problems. Nothing has been imported
        yet.
      </Alert>
      <Title order={2} size="h3">
        {shown < preview.claims
          ? `The first ${shown} claims, as they will be imported`
          : 'The claims, as they will be imported'}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder aria-label="Import preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Claim</Table.Th>
              <Table.Th>Claimant</Table.Th>
              <Table.Th>Topics</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Evidence</Table.Th>
              <Table.Th>Likely duplicates</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.firstRows.map((r) => (
              <Table.Tr key={r.record}>
                <Table.Td>{where(r.line, r.record)}</Table.Td>
                <Table.Td>{r.text}</Table.Td>
                <Table.Td>{r.claimant ?? '—'}</Table.Td>
                <Table.Td>{r.topics.length > 0 ? r.topics.join(', ') : '—'}</Table.Td>
                <Table.Td>
                  <PriorityBadge priority={r.priority} />
                </Table.Td>
                <Table.Td>
                  {r.evidenceCount === 0
                    ? '—'
                    : `${counted(r.evidenceCount, 'item')}: ${r.sources.join(', ')}`}
                </Table.Td>
                <Table.Td>
                  {r.duplicates.length === 0 && r.earlierInFile.length === 0
                    ? '—'
                    : r.duplicates.slice(0, PREVIEW_MATCHES).map((m) => (
                        <Text size="sm" key={m.claimId}>
                          <Anchor component={Link} to={`/claims/${m.claimId}`}>
                            {m.text}
                          </Anchor>{' '}
                          ({formatScore(m.score)})
                        </Text>
                      ))}
                  {r.earlierInFile.slice(0, PREVIEW_MATCHES).map((m) => (
                    <Text size="sm" key={`file-${m.record}`}>
                      {m.line !== null ? `Line ${m.line}` : `Record ${m.record}`} of this file (
                      {formatScore(m.score)})
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown < preview.claims && (
        <Text size="sm" c="dimmed">
          … and {counted(preview.claims - shown, 'more claim')}, checked the same way.
        </Text>
      )}
      <Group>
        <Button
          leftSection={<IconUpload size={16} aria-hidden="true" />}
          onClick={onImport}
          loading={importing}
        >
          Import {counted(preview.claims, 'claim')}
        </Button>
        <Button variant="default" onClick={onChooseAnother} disabled={importing}>
          Choose another file
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The upload's share sent, then the import's stages as the server reports them: the file being
 * checked, the duplicate checks, a wait for another write, each batch written, the commit.
 */
function ImportProgress({
  sent,
  stage,
  label: uploadLabel,
}: {
  sent: number;
  stage: ImportStage | null;
  label: string;
}) {
  let value: number;
  let label: string;
  let text: string;
  if (stage === null) {
    value = Math.round(sent * 100);
    label = uploadLabel;
    text = sent < 1 ? `Uploading… ${value}%` : 'Uploaded; checking every row…';
  } else {
    label = 'Import progress';
    text = describeStage(stage);
    value =
      stage.event === 'checking' || stage.event === 'writing'
        ? Math.round((stage.done / Math.max(stage.total, 1)) * 100)
        : 100;
  }
  const busy =
    stage === null ? sent >= 1 : stage.event === 'waiting' || stage.event === 'committing';
  return (
    <Stack gap={4}>
      <Progress value={value} aria-label={label} animated={busy} />
      <Text size="sm" c="dimmed" role="status">
        {text}
      </Text>
    </Stack>
  );
}

function ImportErrors({
  result,
  projectId,
  title = 'Nothing was imported',
}: {
  result: PreviewResponse & { ok: false; outcomeUnknown?: boolean };
  projectId: string | null;
  title?: string;
}) {
  return (
    <Stack gap="sm">
      <Alert
        color="red"
        title={result.outcomeUnknown ? 'The import may have been saved' : title}
        role="alert"
      >
        {result.message}
        {result.outcomeUnknown && projectId !== null && (
          <>
            {' '}
            <Anchor
              component={Link}
              to={`/queue?project=${encodeURIComponent(projectId)}&sort=CREATED_DESC`}
            >
              Open the project’s newest claims
            </Anchor>
          </>
        )}
      </Alert>
      {result.problems.length > 0 && (
        <>
          <Title order={2} size="h3">
            Problems
          </Title>
          <Table striped withTableBorder aria-label="Import problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{where(p.line, p.record)}</Table.Td>
                  <Table.Td>{p.field !== null ? <Code>{p.field}</Code> : '—'}</Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.problemCount > result.problems.length && (
            <Text size="sm" c="dimmed">
              … and {counted(result.problemCount - result.problems.length, 'more problem')}.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/**
 * What the result lists of a large import: enough to act on at once, few enough that the page
 * stays quick (a thousand warnings with ten matches each made some twelve thousand elements).
 */
const SHOWN = { warnings: 100, matches: 3, claims: 100 } as const;

function ImportDone({
  result,
  projectId,
}: {
  result: Extract<ImportResponse, { ok: true }>;
  projectId: string;
}) {
  const s = result.summary;
  const n = (value: number) => value.toLocaleString('en');
  return (
    <Stack gap="sm">
      <Alert color="teal" title="Imported" role="status">
        {counted(s.claimsCreated, 'claim')}, {counted(s.evidenceCreated, 'evidence item')} and{' '}
        {counted(s.sourcesCreated, 'new source')} from {counted(s.rows, 'record')}.
      </Alert>
      {s.duplicateChecksSkipped > 0 && (
        <Text size="sm" c="dimmed">
          Only the first {n(s.claimsCreated - s.duplicateChecksSkipped)} records were checked for
          duplicates.
        </Text>
      )}
      {s.duplicateWarningCount > 0 && (
        <>
          <Title order={2} size="h3">
            Likely duplicates ({s.duplicateWarningCount})
          </Title>
          <Text size="sm" c="dimmed">
            These imported claims look like claims already in the project. Open one to merge it.
          </Text>
          <Table withTableBorder aria-label="Likely duplicates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Imported claim</Table.Th>
                <Table.Th>Looks like</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.duplicateWarnings.slice(0, SHOWN.warnings).map((w) => (
                <Table.Tr key={`${w.record}`}>
                  <Table.Td>{where(w.line, w.record)}</Table.Td>
                  <Table.Td>{w.text}</Table.Td>
                  <Table.Td>
                    {w.matches.slice(0, SHOWN.matches).map((m) => (
                      <Text size="sm" key={m.claimId}>
                        <Anchor component={Link} to={`/claims/${m.claimId}`}>
                          {m.text}
                        </Anchor>{' '}
                        ({formatScore(m.score)})
                      </Text>
                    ))}
                    {w.matches.length > SHOWN.matches && (
                      <Text size="sm" c="dimmed">
                        and {w.matches.length - SHOWN.matches} more
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {s.duplicateWarningCount > SHOWN.warnings && (
            <Text size="sm" c="dimmed">
              The first {SHOWN.warnings} are shown. Every claim’s page lists its own likely
              duplicates, with a merge.
            </Text>
          )}
        </>
      )}
      <Title order={2} size="h3">
        Created claims
      </Title>
      <List spacing={4}>
        {s.claims.slice(0, SHOWN.claims).map((c) => (
          <List.Item key={c.id}>
            <Anchor component={Link} to={`/claims/${c.id}`}>
              {c.text}
            </Anchor>
          </List.Item>
        ))}
      </List>
      {s.claimsCreated > Math.min(s.claims.length, SHOWN.claims) && (
        <Text size="sm" c="dimmed">
          … and {n(s.claimsCreated - Math.min(s.claims.length, SHOWN.claims))} more:{' '}
          <Anchor
            component={Link}
            to={`/queue?project=${encodeURIComponent(projectId)}&sort=CREATED_DESC`}
          >
            open the project’s newest claims
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}
