import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AssessmentFieldsFragment, ClaimQuery } from '@corroborate/graphql';
import {
  ConfirmModal,
  DateTimeText,
  ErrorAlert,
  getFormErrors,
  useCurrentUser,
  describeError,
  useEditedSince,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { evidenceLabel } from './evidence-list';
import {
  declineAssignmentMutation,
  discardAssessmentDraftMutation,
  saveAssessmentDraftMutation,
  submitAssessmentMutation,
} from './review.graphql';
import {
  AssessmentSummary,
  ChoiceChecklist,
  JudgementFields,
  validateJudgement,
  type JudgementValues,
} from './review-fields';

type Claim = ClaimQuery['claim'];

const ASSESSMENT_FIELDS = [
  'verdict',
  'likelihood',
  'confidence',
  'rationale',
  'evidenceIds',
  'correctionReason',
] as const;
type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];

/** How long typing must pause before an assessment or a correction saves itself as the draft. */
const AUTOSAVE_AFTER_MS = 4000;

/** The caller's OPEN or SUBMITTED assignment on the claim, if any. */
export function useMyAssignment(claim: Claim) {
  const me = useCurrentUser();
  return (
    claim.assignments.find(
      (a) => a.reviewer.id === me.id && (a.status === 'OPEN' || a.status === 'SUBMITTED'),
    ) ?? null
  );
}

/** "Your assessment": the assigned reviewer's draft, submission, correction and decline. */
export function MyAssessmentPanel({ claim }: { claim: Claim }) {
  const assignment = useMyAssignment(claim);
  const [correcting, setCorrecting] = useState(false);
  const [declining, setDeclining] = useState(false);
  // A new form after a draft is discarded (the form's fields start from the saved draft).
  const [formKey, setFormKey] = useState(0);
  if (assignment === null) return null;
  const mine = claim.myAssessment;
  const correctionDraft = claim.myCorrectionDraft;
  const submitted = mine !== null && mine.status === 'SUBMITTED';
  const locked = claim.status === 'VERIFIED' || claim.status === 'REJECTED';

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="my-assessment-heading"
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="my-assessment-heading">
          Your assessment
        </Title>
        {assignment.status === 'OPEN' && !locked && (
          <Button variant="default" color="red" size="xs" onClick={() => setDeclining(true)}>
            Decline assignment
          </Button>
        )}
      </Group>
      {assignment.dueAt !== null && (
        <Text size="sm" c="dimmed" mb="sm">
          Due <DateTimeText value={assignment.dueAt} dateOnly />
        </Text>
      )}
      {submitted && !correcting && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Submitted <DateTimeText value={mine.submittedAt} />
          </Text>
          <AssessmentSummary assessment={mine} />
          {!locked && correctionDraft !== null && (
            <Alert color="blue" variant="light" title="Unsent correction">
              You started a correction of this assessment, last saved{' '}
              <DateTimeText value={correctionDraft.updatedAt} />. Only you can see it until you
              submit it.
            </Alert>
          )}
          {locked && correctionDraft !== null && (
            <UnsentOnLockedClaim claim={claim} draft={correctionDraft} correction />
          )}
          {!locked && (
            <Group>
              <Button variant="default" onClick={() => setCorrecting(true)}>
                {correctionDraft !== null ? 'Resume correction' : 'Correct assessment'}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {!submitted && locked && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            This claim is locked; assessments can no longer be submitted.
          </Text>
          {mine !== null && <UnsentOnLockedClaim claim={claim} draft={mine} correction={false} />}
        </Stack>
      )}
      {(!submitted || correcting) && !locked && (
        <AssessmentForm
          key={`${correcting ? 'correct' : 'draft'}-${formKey}`}
          claim={claim}
          initial={correcting ? (correctionDraft ?? mine) : mine}
          correcting={correcting}
          onDone={() => setCorrecting(false)}
          onDiscarded={() => {
            setCorrecting(false);
            setFormKey((key) => key + 1);
          }}
        />
      )}
      <DeclineAssignmentModal
        assignmentId={declining ? assignment.id : null}
        onClose={() => setDeclining(false)}
      />
    </Paper>
  );
}

/**
 * A draft or a correction its reviewer had not sent when the claim was verified or rejected: it
 * can no longer be sent, but it is shown to them (only) and kept until they discard it, never
 * hidden; if an editor reopens the claim, the form takes it up again.
 */
function UnsentOnLockedClaim({
  claim,
  draft,
  correction,
}: {
  claim: Claim;
  draft: AssessmentFieldsFragment;
  correction: boolean;
}) {
  const [discarding, setDiscarding] = useState(false);
  const [discardDraft, discard] = useMutation(discardAssessmentDraftMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const what = correction ? 'correction' : 'draft';
  const onDiscard = async () => {
    try {
      await discardDraft({ variables: { input: { claimId: claim.id } } });
    } catch {
      return; // shown in the dialog, which stays open
    }
    setDiscarding(false);
    notifications.show({
      color: 'teal',
      title: correction ? 'Correction discarded' : 'Draft discarded',
      message: correction ? 'Your submitted assessment stands.' : 'Nobody else had seen it.',
    });
  };
  return (
    <Alert
      color="blue"
      variant="light"
      title={correction ? 'Unsent correction' : 'Unsent draft'}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm">
          The claim was {claim.status === 'VERIFIED' ? 'verified' : 'rejected'} before you sent this{' '}
          {what} (last saved <DateTimeText value={draft.updatedAt} />
          ), so it can no longer be sent. It stays saved, seen only by you; if an editor reopens the
          claim, you can send it then.
        </Text>
        <AssessmentSummary assessment={draft} />
        <Group>
          <Button variant="subtle" color="red" size="xs" onClick={() => setDiscarding(true)}>
            Discard {what}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={discarding}
        title={`Discard this ${what}?`}
        confirmLabel={`Discard ${what}`}
        confirmColor="red"
        loading={discard.loading}
        error={discard.error}
        onConfirm={() => void onDiscard()}
        onClose={() => {
          discard.reset();
          setDiscarding(false);
        }}
      >
        <Text size="sm">
          {correction
            ? 'What you changed is deleted; your submitted assessment stays as it is.'
            : 'Everything in the draft is deleted. Nobody else has seen it.'}
        </Text>
      </ConfirmModal>
    </Alert>
  );
}

function AssessmentForm({
  claim,
  initial,
  correcting,
  onDone,
  onDiscarded,
}: {
  claim: Claim;
  /** The saved draft to go on with, else the submission a correction starts from. */
  initial: AssessmentFieldsFragment | null;
  correcting: boolean;
  onDone: () => void;
  onDiscarded: () => void;
}) {
  const [values, setValues] = useState<JudgementValues>({
    verdict: initial?.verdict ?? '',
    likelihood: initial?.likelihood ?? '',
    confidence: initial?.confidence ?? '',
  });
  const [rationale, setRationale] = useState(initial?.rationale ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(
    initial?.evidence.map((item) => item.id) ?? [],
  );
  const [correctionReason, setCorrectionReason] = useState(
    initial?.status === 'DRAFT' ? (initial.correctionReason ?? '') : '',
  );
  /** Whether a draft of this form is stored (it can be discarded). */
  const [draftStored, setDraftStored] = useState(initial?.status === 'DRAFT');
  const [discarding, setDiscarding] = useState(false);
  const typed = {
    values,
    rationale: rationale.trim(),
    evidenceIds: [...evidenceIds].sort(),
    correctionReason: correctionReason.trim(),
  };
  const { dirty, markSaved } = useEditedSince(typed);
  useUnsavedChanges(
    correcting ? 'your correction of your assessment' : 'your assessment of this claim',
    dirty,
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AssessmentField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saveDraft, draft] = useMutation(saveAssessmentDraftMutation, {
    refetchQueries: ['Claim'],
  });
  const [submitAssessment, submission] = useMutation(submitAssessmentMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const [discardDraft, discard] = useMutation(discardAssessmentDraftMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });

  const draftInput = () => ({
    claimId: claim.id,
    verdict: values.verdict === '' ? null : values.verdict,
    likelihood: values.likelihood === '' ? null : values.likelihood,
    confidence: values.confidence === '' ? null : values.confidence,
    rationale,
    evidenceIds,
    ...(correcting ? { correctionReason } : {}),
  });

  // The assessment (or the correction) saves itself as the private draft once typing pauses, so
  // a crash, a lost tab or a "Leave anyway" by mistake costs at most the last few seconds.
  const [autosave] = useMutation(saveAssessmentDraftMutation);
  const [autosaved, setAutosaved] = useState<{ at: Date } | { error: string } | null>(null);
  const autosaving = useRef<Promise<unknown> | null>(null);
  const typedKey = JSON.stringify(typed);
  const autosaveNow = useEffectEvent(() => {
    const input = draftInput();
    const saveThese = markSaved;
    const run = autosave({ variables: { input } })
      .then(() => {
        saveThese();
        setDraftStored(true);
        setAutosaved({ at: new Date() });
      })
      .catch((error: unknown) => setAutosaved({ error: describeError(error) }))
      .finally(() => {
        if (autosaving.current === run) autosaving.current = null;
      });
    autosaving.current = run;
  });
  const autosaveOn =
    dirty &&
    !confirming &&
    !discarding &&
    !submission.loading &&
    !draft.loading &&
    !discard.loading;
  useEffect(() => {
    if (!autosaveOn) return;
    const timer = setTimeout(autosaveNow, AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [autosaveOn, typedKey]);

  const choices = claim.evidence
    .filter((item) => !item.retracted)
    .map((item) => ({ id: item.id, label: evidenceLabel(item) }));

  const showError = (error: unknown) => {
    const result = getFormErrors(error, ASSESSMENT_FIELDS);
    setFieldErrors(result.fieldErrors);
    setFormError(result.formError);
  };

  const onSaveDraft = async () => {
    setFieldErrors({});
    setFormError(null);
    try {
      await saveDraft({ variables: { input: draftInput() } });
      markSaved();
      setDraftStored(true);
      setAutosaved(null);
      notifications.show({ color: 'teal', title: 'Draft saved', message: 'Only you can see it.' });
    } catch (error) {
      showError(error);
    }
  };

  /** Closes the correction; what was typed since the last save is kept as its draft first. */
  const onClose = async () => {
    await autosaving.current;
    if (dirty) {
      try {
        await saveDraft({ variables: { input: draftInput() } });
      } catch (error) {
        showError(error);
        return;
      }
      notifications.show({
        color: 'teal',
        title: 'Correction kept as a draft',
        message: 'Only you can see it; resume it from “Your assessment”.',
      });
    }
    onDone();
  };

  const onDiscard = async () => {
    await autosaving.current;
    try {
      await discardDraft({ variables: { input: { claimId: claim.id } } });
    } catch {
      return; // shown in the dialog, which stays open
    }
    markSaved();
    setDiscarding(false);
    notifications.show({
      color: 'teal',
      title: correcting ? 'Correction discarded' : 'Draft discarded',
      message: correcting ? 'Your submitted assessment stands.' : 'The form is empty again.',
    });
    onDiscarded();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<AssessmentField, string>> = validateJudgement(values);
    if (rationale.trim() === '') errors.rationale = 'Explain the verdict.';
    if (correcting && correctionReason.trim() === '') {
      errors.correctionReason = 'Say why the assessment changes.';
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setConfirming(true);
  };

  const onConfirm = async () => {
    if (values.verdict === '' || values.likelihood === '' || values.confidence === '') return;
    // A draft still being saved lands first, so it cannot outlive the submission.
    await autosaving.current;
    try {
      await submitAssessment({
        variables: {
          input: {
            claimId: claim.id,
            verdict: values.verdict,
            likelihood: values.likelihood,
            confidence: values.confidence,
            rationale: rationale.trim(),
            evidenceIds,
            correctionReason: correcting ? correctionReason.trim() : null,
          },
        },
      });
      setConfirming(false);
      notifications.show({
        color: 'teal',
        title: correcting ? 'Correction submitted' : 'Assessment submitted',
        message: claim.text,
      });
      onDone();
    } catch (error) {
      setConfirming(false);
      showError(error);
    }
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={correcting ? 'Correct assessment' : 'Assessment'}
    >
      <Stack gap="md">
        {correcting && (
          <Textarea
            label="Correction reason"
            description="Why the assessment changes. The earlier submission is kept."
            required
            autosize
            minRows={2}
            value={correctionReason}
            onChange={(event) => setCorrectionReason(event.currentTarget.value)}
            error={fieldErrors.correctionReason}
          />
        )}
        <JudgementFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          errors={fieldErrors}
        />
        <Textarea
          label="Rationale"
          required
          autosize
          minRows={3}
          value={rationale}
          onChange={(event) => setRationale(event.currentTarget.value)}
          error={fieldErrors.rationale}
        />
        <ChoiceChecklist
          label="Evidence relied on"
          choices={choices}
          value={evidenceIds}
          onChange={setEvidenceIds}
          error={fieldErrors.evidenceIds}
          empty="This claim has no evidence yet."
        />
        {formError !== null && (
          <ErrorAlert message={formError} title="Could not save the assessment" />
        )}
        <Text
          size="xs"
          c={autosaved !== null && 'error' in autosaved ? 'red.8' : 'dimmed'}
          role="status"
        >
          {autosaved !== null && 'error' in autosaved
            ? `Could not save the draft by itself: ${autosaved.error} Save it with "Save draft" or copy your text.`
            : dirty
              ? 'Not saved yet: saves itself as your private draft a few seconds after you stop typing.'
              : autosaved !== null
                ? `Draft saved by itself at ${autosaved.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. Only you can see it.`
                : 'What you type here saves itself as your private draft a few seconds after you stop typing.'}
        </Text>
        <Group justify="flex-end">
          {(draftStored || dirty) && (
            <Button variant="subtle" color="red" onClick={() => setDiscarding(true)}>
              {correcting ? 'Discard correction' : 'Discard draft'}
            </Button>
          )}
          {correcting && (
            <Button variant="default" loading={draft.loading} onClick={() => void onClose()}>
              Close
            </Button>
          )}
          <Button variant="default" loading={draft.loading} onClick={() => void onSaveDraft()}>
            Save draft
          </Button>
          <Button type="submit">{correcting ? 'Submit correction' : 'Submit assessment'}</Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={discarding}
        title={correcting ? 'Discard this correction?' : 'Discard this draft?'}
        confirmLabel={correcting ? 'Discard correction' : 'Discard draft'}
        confirmColor="red"
        loading={discard.loading}
        error={discard.error}
        onConfirm={() => void onDiscard()}
        onClose={() => {
          discard.reset();
          setDiscarding(false);
        }}
      >
        <Text size="sm">
          {correcting
            ? 'What you changed is deleted; your submitted assessment stays as it is.'
            : 'Everything in the form is deleted. Nobody else has seen it.'}
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming}
        title={correcting ? 'Submit correction?' : 'Submit assessment?'}
        confirmLabel={correcting ? 'Submit correction' : 'Submit'}
        loading={submission.loading}
        onConfirm={() => void onConfirm()}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">Submitting is final; a later change is a correction that keeps both.</Text>
      </ConfirmModal>
    </form>
  );
}

function DeclineAssignmentModal({
  assignmentId,
  onClose,
}: {
  assignmentId: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={assignmentId !== null}
      onClose={onClose}
      title="Decline assignment"
      centered
    >
      {assignmentId !== null && <DeclineForm assignmentId={assignmentId} onClose={onClose} />}
    </Modal>
  );
}

function DeclineForm({ assignmentId, onClose }: { assignmentId: string; onClose: () => void }) {
  const [reason, setReason] = useState('');
  useUnsavedChanges('the reason for declining the assignment', reason.trim() !== '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [decline, { loading }] = useMutation(declineAssignmentMutation, {
    refetchQueries: ['Claim'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (reason.trim() === '') {
      setReasonError('Say why you decline, e.g. a conflict of interest.');
      return;
    }
    setReasonError(null);
    try {
      await decline({ variables: { input: { assignmentId, reason: reason.trim() } } });
      notifications.show({ color: 'teal', title: 'Assignment declined', message: reason.trim() });
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
        <Text size="sm">The claim goes back to the unassigned queue. Your draft is discarded.</Text>
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
        {formError !== null && <ErrorAlert message={formError} title="Could not decline" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Decline assignment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Assessments": every submitted assessment the API lets the caller see, side by side. */
export function AssessmentsSection({ claim }: { claim: Claim }) {
  const assignment = useMyAssignment(claim);
  const blind =
    assignment !== null &&
    (claim.myAssessment === null || claim.myAssessment.status !== 'SUBMITTED') &&
    claim.status !== 'VERIFIED';
  const assessments = claim.assessments;

  return (
    <Stack gap="sm" component="section" aria-labelledby="assessments-heading">
      <Title order={2} size="h3" id="assessments-heading">
        Assessments
      </Title>
      {blind && (
        <Text size="sm" c="dimmed">
          Other reviewers&apos; assessments appear once you submit yours.
        </Text>
      )}
      {claim.disagreement?.flagged === true && (
        <Alert color="red" variant="light" title="Reviewers disagree">
          <List size="sm" spacing={2}>
            {claim.disagreement.reasons.map((reason) => (
              <List.Item key={`${reason.code}-${reason.assessmentIds.join('-')}`}>
                {reason.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {assessments.length === 0 && !blind && (
        <Text size="sm" c="dimmed">
          No submitted assessments yet.
        </Text>
      )}
      {assessments.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(assessments.length, 3) }} spacing="md">
          {assessments.map((assessment) => (
            <Paper
              key={assessment.id}
              withBorder
              radius="md"
              p="md"
              component="article"
              aria-labelledby={`assessment-${assessment.id}`}
            >
              <Title order={3} size="h5" id={`assessment-${assessment.id}`} mb={4}>
                {assessment.reviewer.displayName}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                Submitted <DateTimeText value={assessment.submittedAt} />
              </Text>
              <AssessmentSummary assessment={assessment} />
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
