import { useCallback, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimQuery } from '@corroborate/graphql';
import {
  CLAIM_WRITE_ROLES,
  CONFIDENCE_LABELS,
  ChangedMeanwhileAlert,
  ConflictAlert,
  DateTimeText,
  ErrorAlert,
  ExternalLink,
  VERDICT_LABELS,
  VerdictBadge,
  getConflict,
  getFormErrors,
  isVersionConflict,
  likelihoodLabel,
  useHasRole,
  type ConflictInfo,
  useVersionBase,
  KeptDraftNotice,
  browserDrafts,
  useCurrentUser,
  useKeepDraft,
  useKeptDraft,
  useKeptText,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { evidenceLabel } from './evidence-list';
import { adjudicateClaimMutation, reopenClaimMutation } from './review.graphql';
import {
  ChoiceChecklist,
  JudgementFields,
  validateJudgement,
  type JudgementValues,
} from './review-fields';

type Claim = ClaimQuery['claim'];

const ADJUDICATION_FIELDS = [
  'verdict',
  'likelihood',
  'confidence',
  'publicSummary',
  'citedAssessmentIds',
  'citedEvidenceIds',
] as const;
type AdjudicationField = (typeof ADJUDICATION_FIELDS)[number];

/** "Adjudicate" (NEEDS_ADJUDICATION) or the recorded "Adjudication" with "Reopen", for editors. */
export function AdjudicationPanel({
  claim,
  reload,
}: {
  claim: Claim;
  reload: () => Promise<unknown>;
}) {
  const canAdjudicate = useHasRole(CLAIM_WRITE_ROLES);
  if (canAdjudicate && claim.status === 'NEEDS_ADJUDICATION') {
    return (
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="adjudicate-heading">
        <Title order={2} size="h3" id="adjudicate-heading" mb="sm">
          Adjudicate
        </Title>
        <AdjudicationForm key={claim.id} claim={claim} reload={reload} />
      </Paper>
    );
  }
  if (claim.adjudication === null) return null;
  return <AdjudicationRecord claim={claim} canReopen={canAdjudicate} />;
}

/** The browser-kept reason for reopening a verified claim, not yet sent. */
const keptReopeningForm = (claimId: string) => `reopen:${claimId}`;

function AdjudicationRecord({ claim, canReopen }: { claim: Claim; canReopen: boolean }) {
  const me = useCurrentUser();
  // A reason this browser kept (a reload, a crash) opens the dialog again.
  const [reopening, setReopening] = useState(
    () =>
      canReopen &&
      claim.status === 'VERIFIED' &&
      browserDrafts.read(me.id, keptReopeningForm(claim.id)) !== null,
  );
  const adjudication = claim.adjudication;
  if (adjudication === null) return null;
  const reopened = adjudication.reopenedAt !== null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="adjudication-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="adjudication-heading">
          {reopened ? 'Previous adjudication' : 'Adjudication'}
        </Title>
        {canReopen && claim.status === 'VERIFIED' && (
          <Button variant="default" size="xs" onClick={() => setReopening(true)}>
            Reopen
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Final verdict:
          </Text>
          <VerdictBadge verdict={adjudication.verdict} />
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            Likelihood:{' '}
          </Text>
          {likelihoodLabel(adjudication.likelihood)}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Confidence:{' '}
          </Text>
          {CONFIDENCE_LABELS[adjudication.confidence]}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {adjudication.publicSummary}
        </Text>
        <Text size="sm" c="dimmed">
          By {adjudication.adjudicatedBy?.displayName ?? 'a former user'},{' '}
          <DateTimeText value={adjudication.createdAt} />
        </Text>
        {adjudication.citedAssessments.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              Cited assessments
            </Text>
            <List size="sm" spacing={2}>
              {adjudication.citedAssessments.map((assessment) => (
                <List.Item key={assessment.id}>
                  {assessment.reviewer.displayName}
                  {assessment.verdict !== null && `: ${VERDICT_LABELS[assessment.verdict]}`}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {adjudication.citedEvidence.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              Cited evidence
            </Text>
            <List size="sm" spacing={2}>
              {adjudication.citedEvidence.map((item) => (
                <List.Item key={item.id}>
                  <ExternalLink href={item.url}>{item.title ?? item.url}</ExternalLink>
                </List.Item>
              ))}
            </List>
          </>
        )}
        {reopened && (
          <Text size="sm" c="dimmed">
            Reopened <DateTimeText value={adjudication.reopenedAt} />
            {adjudication.reopenReason !== null && `: ${adjudication.reopenReason}`}
          </Text>
        )}
      </Stack>
      <Modal
        opened={reopening}
        onClose={() => setReopening(false)}
        title="Reopen claim"
        centered
        closeOnClickOutside={false}
      >
        {reopening && <ReopenForm claim={claim} onClose={() => setReopening(false)} />}
      </Modal>
    </Paper>
  );
}

interface AdjudicationDraft {
  values: JudgementValues;
  publicSummary: string;
  citedAssessmentIds: string[];
  citedEvidenceIds: string[];
}

const EMPTY_ADJUDICATION: AdjudicationDraft = {
  values: { verdict: '', likelihood: '', confidence: '' },
  publicSummary: '',
  citedAssessmentIds: [],
  citedEvidenceIds: [],
};

function AdjudicationForm({ claim, reload }: { claim: Claim; reload: () => Promise<unknown> }) {
  // What the editor typed and did not record yet is kept in this browser, so a crash or a closed
  // tab does not cost the public summary; citations of what is gone meanwhile are dropped.
  const keptForm = `adjudication:${claim.id}`;
  const kept = useKeptDraft<AdjudicationDraft>(keptForm);
  const [restored, setRestored] = useState(kept);
  const start = kept?.values ?? EMPTY_ADJUDICATION;
  const [values, setValues] = useState<JudgementValues>(start.values);
  const [publicSummary, setPublicSummary] = useState(start.publicSummary);
  const [citedAssessmentIds, setCitedAssessmentIds] = useState<string[]>(() =>
    start.citedAssessmentIds.filter((id) => claim.assessments.some((a) => a.id === id)),
  );
  const [citedEvidenceIds, setCitedEvidenceIds] = useState<string[]>(() =>
    start.citedEvidenceIds.filter((id) =>
      claim.evidence.some((item) => item.id === id && !item.retracted),
    ),
  );
  const typed: AdjudicationDraft = { values, publicSummary, citedAssessmentIds, citedEvidenceIds };
  const dirty =
    JSON.stringify({
      ...typed,
      publicSummary: publicSummary.trim(),
      citedAssessmentIds: [...citedAssessmentIds].sort(),
      citedEvidenceIds: [...citedEvidenceIds].sort(),
    }) !== JSON.stringify(EMPTY_ADJUDICATION);
  useUnsavedChanges('your adjudication of this claim', dirty);
  const keeping = useKeepDraft(keptForm, typed, dirty);
  const discardKept = () => {
    keeping.clear();
    setRestored(null);
    setValues(EMPTY_ADJUDICATION.values);
    setPublicSummary('');
    setCitedAssessmentIds([]);
    setCitedEvidenceIds([]);
  };
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AdjudicationField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [adjudicate, { loading }] = useMutation(adjudicateClaimMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const clearConflict = useCallback(() => setConflict(null), []);
  // Live updates refresh the claim under the form; the form keeps what was typed and the
  // version it started from, so someone else's change is a conflict, never overwritten.
  const { baseVersion, changed, requestRebase } = useVersionBase(claim.version, clearConflict);
  const loadLatest = () => {
    setReloading(true);
    void requestRebase(reload).finally(() => setReloading(false));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    setConflict(null);
    const errors: Partial<Record<AdjudicationField, string>> = validateJudgement(values);
    if (publicSummary.trim() === '') errors.publicSummary = 'Write the summary readers will see.';
    setFieldErrors(errors);
    if (values.verdict === '' || values.likelihood === '' || values.confidence === '') return;
    if (Object.keys(errors).length > 0) return;
    try {
      await adjudicate({
        variables: {
          input: {
            claimId: claim.id,
            expectedVersion: baseVersion,
            verdict: values.verdict,
            likelihood: values.likelihood,
            confidence: values.confidence,
            publicSummary: publicSummary.trim(),
            citedAssessmentIds,
            citedEvidenceIds,
          },
        },
      });
      keeping.clear();
      notifications.show({ color: 'teal', title: 'Claim verified', message: claim.text });
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, ADJUDICATION_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Adjudication">
      <Stack gap="md">
        {restored !== null && <KeptDraftNotice kept={restored} onDiscard={discardKept} />}
        <JudgementFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          errors={fieldErrors}
          verdictLabel="Final verdict"
        />
        <Textarea
          label="Public summary"
          required
          autosize
          minRows={3}
          value={publicSummary}
          onChange={(event) => setPublicSummary(event.currentTarget.value)}
          error={fieldErrors.publicSummary}
        />
        <ChoiceChecklist
          label="Cited assessments"
          choices={claim.assessments.map((assessment) => ({
            id: assessment.id,
            label: `${assessment.reviewer.displayName}${assessment.verdict !== null ? `: ${VERDICT_LABELS[assessment.verdict]}` : ''}`,
          }))}
          value={citedAssessmentIds}
          onChange={setCitedAssessmentIds}
          error={fieldErrors.citedAssessmentIds}
          empty="No submitted assessments."
        />
        <ChoiceChecklist
          label="Cited evidence"
          choices={claim.evidence
            .filter((item) => !item.retracted)
            .map((item) => ({ id: item.id, label: evidenceLabel(item) }))}
          value={citedEvidenceIds}
          onChange={setCitedEvidenceIds}
          error={fieldErrors.citedEvidenceIds}
          empty="This claim has no evidence."
        />
        {conflict !== null ? (
          <ConflictAlert
            conflict={conflict}
            noun="claim"
            keepsInput
            reloading={reloading}
            onReload={loadLatest}
          />
        ) : (
          changed && (
            <ChangedMeanwhileAlert noun="claim" updating={reloading} onUpdate={loadLatest} />
          )
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not verify" />}
        <Group justify="flex-end">
          <Button type="submit" loading={loading} disabled={conflict !== null}>
            Verify claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReopenForm({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  // The version the form started from: a change made meanwhile is refused, never overwritten.
  const [baseVersion] = useState(claim.version);
  // Kept in this browser until sent or cancelled (a reload, a crash, Escape keep it).
  const {
    text: reason,
    setText: setReason,
    kept,
    clear,
    discard,
  } = useKeptText(keptReopeningForm(claim.id));
  useUnsavedChanges('the reason for reopening', reason.trim() !== '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [reopen, { loading }] = useMutation(reopenClaimMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (reason.trim() === '') {
      setReasonError('Say why the claim needs another look.');
      return;
    }
    setReasonError(null);
    try {
      await reopen({
        variables: {
          input: { claimId: claim.id, expectedVersion: baseVersion, reason: reason.trim() },
        },
      });
      clear();
      notifications.show({ color: 'teal', title: 'Claim reopened', message: claim.text });
      onClose();
    } catch (error) {
      const result = getFormErrors(error, ['reason'] as const);
      setReasonError(result.fieldErrors.reason ?? null);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text size="sm">
          The claim goes back to review. The adjudication is kept and marked reopened.
        </Text>
        {kept !== null && <KeptDraftNotice kept={kept} onDiscard={discard} />}
        <Textarea
          label="Reason"
          required
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
        />
        {formError !== null && <ErrorAlert message={formError} title="Could not reopen" />}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              clear();
              onClose();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Reopen claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
