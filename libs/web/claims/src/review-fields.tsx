import { Checkbox, List, NativeSelect, Stack, Text } from '@mantine/core';
import type {
  AssessmentFieldsFragment,
  Confidence,
  Likelihood,
  Verdict,
} from '@corroborate/graphql';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_OPTIONS,
  ExternalLink,
  LIKELIHOOD_OPTIONS,
  VERDICT_OPTIONS,
  VerdictBadge,
  likelihoodLabel,
} from '@corroborate/web-ui';

export interface JudgementValues {
  verdict: Verdict | '';
  likelihood: Likelihood | '';
  confidence: Confidence | '';
}

export type JudgementField = keyof JudgementValues;

const CHOOSE = { value: '', label: 'Choose…' };

/** Verdict, likelihood (ICD 203 with bands) and confidence, as native selects. */
export function JudgementFields({
  values,
  onChange,
  errors,
  verdictLabel = 'Verdict',
  disabled = false,
}: {
  values: JudgementValues;
  onChange: (patch: Partial<JudgementValues>) => void;
  errors: Partial<Record<JudgementField, string>>;
  verdictLabel?: string;
  disabled?: boolean;
}) {
  return (
    <>
      <NativeSelect
        label={verdictLabel}
        description="False … True on the ordinal scale; Unverifiable sits outside it."
        required
        disabled={disabled}
        data={[CHOOSE, ...VERDICT_OPTIONS]}
        value={values.verdict}
        onChange={(event) => onChange({ verdict: event.currentTarget.value as Verdict | '' })}
        error={errors.verdict}
      />
      <NativeSelect
        label="Likelihood"
        description="ICD 203 probability terms with their percentage bands."
        required
        disabled={disabled}
        data={[CHOOSE, ...LIKELIHOOD_OPTIONS]}
        value={values.likelihood}
        onChange={(event) => onChange({ likelihood: event.currentTarget.value as Likelihood | '' })}
        error={errors.likelihood}
      />
      <NativeSelect
        label="Confidence"
        required
        disabled={disabled}
        data={[CHOOSE, ...CONFIDENCE_OPTIONS]}
        value={values.confidence}
        onChange={(event) => onChange({ confidence: event.currentTarget.value as Confidence | '' })}
        error={errors.confidence}
      />
    </>
  );
}

/** Client-side check that verdict, likelihood and confidence are chosen. */
export function validateJudgement(
  values: JudgementValues,
): Partial<Record<JudgementField, string>> {
  const errors: Partial<Record<JudgementField, string>> = {};
  if (values.verdict === '') errors.verdict = 'Choose a verdict.';
  if (values.likelihood === '') errors.likelihood = 'Choose a likelihood.';
  if (values.confidence === '') errors.confidence = 'Choose a confidence level.';
  return errors;
}

export interface EvidenceChoice {
  id: string;
  label: string;
}

/** A checklist of evidence items (or assessments) to cite. */
export function ChoiceChecklist({
  label,
  description,
  choices,
  value,
  onChange,
  error,
  empty,
  disabled = false,
}: {
  label: string;
  description?: string;
  choices: EvidenceChoice[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  empty: string;
  disabled?: boolean;
}) {
  if (choices.length === 0) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      </Stack>
    );
  }
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap={6} mt={6}>
        {choices.map((choice) => (
          <Checkbox key={choice.id} value={choice.id} label={choice.label} disabled={disabled} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** Verdict, likelihood, confidence, rationale and cited evidence of one assessment (read-only). */
export function AssessmentSummary({ assessment }: { assessment: AssessmentFieldsFragment }) {
  return (
    <Stack gap="xs">
      {assessment.verdict !== null && (
        <div>
          <VerdictBadge verdict={assessment.verdict} />
        </div>
      )}
      <Text size="sm">
        <Text span fw={600}>
          Likelihood:{' '}
        </Text>
        {assessment.likelihood !== null ? likelihoodLabel(assessment.likelihood) : '—'}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          Confidence:{' '}
        </Text>
        {assessment.confidence !== null ? CONFIDENCE_LABELS[assessment.confidence] : '—'}
      </Text>
      {assessment.rationale !== null && assessment.rationale !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {assessment.rationale}
        </Text>
      )}
      {assessment.correctionReason !== null && (
        <Text size="sm" c="dimmed">
          Corrected: {assessment.correctionReason}
        </Text>
      )}
      <Text size="sm" fw={600}>
        Evidence relied on
      </Text>
      {assessment.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          None cited.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {assessment.evidence.map((item) => (
            <List.Item key={item.id}>
              <ExternalLink href={item.url}>{item.title ?? item.url}</ExternalLink>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
