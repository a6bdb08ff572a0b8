import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSearch, IconX } from '@tabler/icons-react';
import {
  CLAIM_WRITE_ROLES,
  ConfirmModal,
  EmptyState,
  ErrorAlert,
  PageHeader,
  RequireRole,
  dateInputToIso,
  describeError,
  isHttpUrl,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { DuplicateList } from './duplicate-suggestions';
import { extractClaimsQuery, intakeCreateClaimMutation } from './intake.graphql';
import { MergeDialog, type MergeSide } from './merge-dialog';
import { type Row, hasWork, mergeCandidateRows } from './candidate-rows';
import { ProjectSelect } from './project-select';
import { counted } from '@corroborate/domain';

/** Longest article the page sends (the server's own limit is the same). */
const MAX_ARTICLE = 200_000;

const REASON_LABELS: Record<string, string> = { ATTRIBUTION: 'Attribution', FIGURE: 'Figure' };

export function ExtractPage() {
  return (
    <RequireRole roles={CLAIM_WRITE_ROLES}>
      <ExtractScreen />
    </RequireRole>
  );
}

function ExtractScreen() {
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project');
  const [article, setArticle] = useState('');
  const [articleUrl, setArticleUrl] = useState('');
  const [articleDate, setArticleDate] = useState('');
  const articleUrlError =
    articleUrl.trim() !== '' && !isHttpUrl(articleUrl.trim())
      ? 'Give the article’s web address starting with http:// or https://, or leave it empty.'
      : undefined;
  const [rows, setRows] = useState<Row[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [merging, setMerging] = useState<{
    rowKey: string;
    survivor: MergeSide;
    duplicate: MergeSide;
  } | null>(null);
  const [pendingProject, setPendingProject] = useState<{ id: string | null } | null>(null);
  // The pasted article is worth keeping until its candidates are found and each one decided.
  const undecided = rows === null ? article.trim() !== '' : rows.some((r) => r.state === 'open');
  useUnsavedChanges(
    rows === null
      ? 'the article you pasted (no claims found in it yet)'
      : 'candidate claims you have not accepted or discarded',
    undecided,
  );
  const inFlight = useRef(new Set<string>());
  const [extract, { loading }] = useLazyQuery(extractClaimsQuery, { fetchPolicy: 'network-only' });
  const [createClaim] = useMutation(intakeCreateClaimMutation, { refetchQueries: ['QueueClaims'] });

  const applyProject = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('project');
    else next.set('project', id);
    setParams(next, { replace: true });
    setRows(null);
  };
  // Candidates (and their duplicates) belong to one project: ask before dropping decided ones.
  const setProject = (id: string | null) => {
    if (id === projectId) return;
    if (rows?.some(hasWork)) setPendingProject({ id });
    else applyProject(id);
  };

  const update = (key: string, change: Partial<Row>) =>
    setRows((current) => current?.map((r) => (r.key === key ? { ...r, ...change } : r)) ?? null);

  const onFind = async () => {
    setFormError(null);
    if (projectId === null) return setFormError('Choose the project the claims belong to.');
    if (article.trim() === '') return setFormError('Paste the article text first.');
    try {
      const result = await extract({ variables: { projectId, text: article } });
      const candidates = result.data?.extractClaims ?? [];
      const found: Row[] = candidates.map((c) => ({
        key: `${c.start}-${c.end}`,
        text: c.text,
        original: c.text,
        claimant: c.claimant ?? '',
        reasons: [...c.reasons],
        attribution: c.attribution,
        figures: [...c.figures],
        duplicates: c.duplicates.map((d) => ({ score: d.score, claim: d.claim })),
        state: 'open',
        saving: false,
        created: null,
        mergedInto: null,
        error: null,
      }));
      setRows((previous) => mergeCandidateRows(previous, found));
    } catch (error) {
      setFormError(describeError(error));
    }
  };

  const onAccept = async (row: Row) => {
    if (projectId === null || inFlight.current.has(row.original)) return;
    if (articleUrlError !== undefined)
      return update(row.key, { error: `Article address: ${articleUrlError}` });
    inFlight.current.add(row.original);
    update(row.key, { error: null, saving: true });
    try {
      const result = await createClaim({
        variables: {
          input: {
            projectId,
            text: row.text.trim(),
            claimant: row.claimant.trim() === '' ? null : row.claimant.trim(),
            // Where and when the claim first appeared: the article it was found in.
            firstAppearanceUrl: articleUrl.trim() === '' ? null : articleUrl.trim(),
            firstAppearedAt: dateInputToIso(articleDate),
          },
        },
      });
      const claim = result.data?.createClaim;
      if (claim === undefined) return;
      update(row.key, {
        state: 'accepted',
        created: { id: claim.id, text: claim.text, version: claim.version },
      });
      notifications.show({ color: 'teal', title: 'Claim created', message: claim.text });
    } catch (error) {
      update(row.key, { error: describeError(error) });
    } finally {
      inFlight.current.delete(row.original);
      update(row.key, { saving: false });
    }
  };

  const onMerged = (survivorId: string) => {
    if (merging === null) return;
    const { rowKey, survivor } = merging;
    setRows(
      (current) =>
        current?.map((r) => {
          if (r.key !== rowKey) return r;
          // The new claim went into the existing one, or the existing one into the new claim.
          if (survivorId === survivor.id) return { ...r, state: 'merged', mergedInto: survivorId };
          return { ...r, duplicates: r.duplicates.filter((d) => d.claim.id !== survivor.id) };
        }) ?? null,
    );
  };

  const open = rows?.filter((r) => r.state === 'open').length ?? 0;

  return (
    <>
      <PageHeader
        title="Paste an article"
        description="Paste an article's text to get candidate claims: sentences that attribute a statement to someone or carry a figure. Edit, accept or discard each one."
      />
      <Stack gap="md" maw={960}>
        {formError !== null && <ErrorAlert message={formError} title="Cannot look for claims" />}
        <ProjectSelect value={projectId} onChange={setProject} />
        <Textarea
          label="Article text"
          description="Plain text, as copied from the page."
          autosize
          minRows={8}
          maxRows={20}
          maxLength={MAX_ARTICLE}
          value={article}
          onChange={(e) => setArticle(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Article address"
            description="Optional: recorded as where each accepted claim first appeared."
            type="url"
            maxLength={2048}
            value={articleUrl}
            onChange={(e) => setArticleUrl(e.currentTarget.value)}
            error={articleUrlError}
          />
          <TextInput
            type="date"
            label="Published on"
            description="Optional: recorded as when each accepted claim first appeared."
            value={articleDate}
            onChange={(e) => setArticleDate(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            loading={loading}
            onClick={() => void onFind()}
          >
            Find candidate claims
          </Button>
          {rows !== null && (
            <Text size="sm" c="dimmed" role="status">
              {counted(rows.length, 'candidate')}, {open} still to decide.
            </Text>
          )}
        </Group>

        {rows !== null && rows.length === 0 && (
          <EmptyState
            title="No candidate claims"
            description="No sentence has an attribution (“X says”, “according to X”) or a figure."
          />
        )}
        {rows !== null && rows.length > 0 && (
          <Title order={2} size="h3">
            Candidates
          </Title>
        )}
        {rows?.map((row, index) => (
          <Card
            key={row.key}
            withBorder
            padding="md"
            component="section"
            aria-label={`Candidate ${index + 1}`}
          >
            <Stack gap="sm">
              <Group gap="xs">
                {row.reasons.map((r) => (
                  <Badge key={r} variant="light" color={r === 'FIGURE' ? 'grape' : 'blue'}>
                    {REASON_LABELS[r] ?? r}
                  </Badge>
                ))}
                {row.attribution !== null && (
                  <Text size="xs" c="dimmed">
                    “{row.attribution}”
                  </Text>
                )}
                {row.figures.map((f) => (
                  <Badge key={f} variant="outline" color="gray">
                    {f}
                  </Badge>
                ))}
              </Group>
              {row.state === 'open' ? (
                <>
                  <Textarea
                    label="Claim text"
                    autosize
                    minRows={2}
                    maxLength={5000}
                    value={row.text}
                    onChange={(e) => update(row.key, { text: e.currentTarget.value })}
                  />
                  <TextInput
                    label="Claimant"
                    maxLength={300}
                    value={row.claimant}
                    onChange={(e) => update(row.key, { claimant: e.currentTarget.value })}
                    maw={420}
                  />
                </>
              ) : (
                <Text size="sm">
                  {row.text}
                  {row.claimant !== '' && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      — {row.claimant}
                    </Text>
                  )}
                </Text>
              )}
              <DuplicateList
                matches={row.duplicates}
                onMerge={
                  row.created !== null && row.state === 'accepted'
                    ? (m) =>
                        setMerging({
                          rowKey: row.key,
                          survivor: {
                            id: m.claim.id,
                            text: m.claim.text,
                            version: m.claim.version,
                          },
                          duplicate: row.created as MergeSide,
                        })
                    : undefined
                }
              />
              {row.error !== null && (
                <ErrorAlert message={row.error} title="Could not create the claim" />
              )}
              <Group gap="xs">
                {row.state === 'open' && (
                  <>
                    <Button
                      size="xs"
                      leftSection={<IconCheck size={14} aria-hidden="true" />}
                      onClick={() => void onAccept(row)}
                      loading={row.saving}
                      disabled={row.text.trim() === ''}
                    >
                      Accept
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconX size={14} aria-hidden="true" />}
                      onClick={() => update(row.key, { state: 'discarded' })}
                      disabled={row.saving}
                    >
                      Discard
                    </Button>
                  </>
                )}
                {row.state === 'accepted' && row.created !== null && (
                  <Text size="sm">
                    Accepted:{' '}
                    <Anchor component={Link} to={`/claims/${row.created.id}`}>
                      open the new claim
                    </Anchor>
                  </Text>
                )}
                {row.state === 'merged' && row.mergedInto !== null && row.created !== null && (
                  <Text size="sm">
                    Merged as a duplicate:{' '}
                    <Anchor component={Link} to={`/claims/${row.mergedInto}`}>
                      open the claim it went into
                    </Anchor>{' '}
                    or{' '}
                    <Anchor component={Link} to={`/claims/${row.created.id}`}>
                      the new claim, now rejected
                    </Anchor>
                  </Text>
                )}
                {row.state === 'discarded' && (
                  <>
                    <Text size="sm">Discarded</Text>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => update(row.key, { state: 'open' })}
                    >
                      Undo
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      {merging !== null && (
        <MergeDialog
          opened
          onClose={() => setMerging(null)}
          survivor={merging.survivor}
          duplicate={merging.duplicate}
          onMerged={onMerged}
        />
      )}
      <ConfirmModal
        opened={pendingProject !== null}
        title="Change the project?"
        confirmLabel="Change project"
        onClose={() => setPendingProject(null)}
        onConfirm={() => {
          if (pendingProject !== null) applyProject(pendingProject.id);
          setPendingProject(null);
        }}
      >
        <Text size="sm">
          The candidates and their likely duplicates belong to the project chosen now. Claims you
          accepted stay in that project; edits and decisions on the other candidates are dropped,
          and you search again in the new project.
        </Text>
      </ConfirmModal>
    </>
  );
}
