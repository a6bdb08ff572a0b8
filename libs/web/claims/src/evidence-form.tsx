import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type {
  EvidenceFieldsFragment,
  QuantityInput,
  Reliability,
  SourceKind,
  Stance,
  TextQuoteAnchorInput,
} from '@corroborate/graphql';
import {
  CREDIBILITY_OPTIONS,
  ConflictAlert,
  ErrorAlert,
  RELIABILITY_OPTIONS,
  SOURCE_KIND_OPTIONS,
  STANCE_OPTIONS,
  dateInputToIso,
  getConflict,
  getFormErrors,
  isHttpUrl,
  isVersionConflict,
  isoToUtcDate,
  type ConflictInfo,
  useEditedSince,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { addEvidenceMutation, updateEvidenceMutation } from './claim.graphql';
import { SourcePicker, type PickedSource } from './source-picker';

type EvidenceField =
  | 'sourceId'
  | 'newSource'
  | 'name'
  | 'kind'
  | 'homepage'
  | 'reliability'
  | 'reliabilityNote'
  | 'url'
  | 'title'
  | 'excerpt'
  | 'publishedAt'
  | 'archiveUrl'
  | 'stance'
  | 'credibility'
  | 'note'
  | 'derivedFromId'
  | 'quantity'
  | 'min'
  | 'max'
  | 'unit'
  | 'asOf'
  | 'anchor'
  | 'prefix'
  | 'exact'
  | 'suffix';
const EVIDENCE_FIELDS: readonly EvidenceField[] = [
  'sourceId',
  'newSource',
  'name',
  'kind',
  'homepage',
  'reliability',
  'reliabilityNote',
  'url',
  'title',
  'excerpt',
  'publishedAt',
  'archiveUrl',
  'stance',
  'credibility',
  'note',
  'derivedFromId',
  'quantity',
  'min',
  'max',
  'unit',
  'asOf',
  'anchor',
  'prefix',
  'exact',
  'suffix',
];
type FieldErrors = Partial<Record<EvidenceField, string>>;

/** Another evidence item of the same claim, offered as "derived from". */
export interface EvidenceOption {
  id: string;
  label: string;
}

export interface EvidenceFormProps {
  claimId: string;
  /** This claim's evidence, for "derived from" (the edited item is left out). */
  evidenceOptions: readonly EvidenceOption[];
  /** The item to edit; omit to add a new one. */
  evidence?: EvidenceFieldsFragment;
  onDone: (evidence: EvidenceFieldsFragment) => void;
  onCancel: () => void;
  /** Reloads the claim, e.g. after a conflict. */
  onReload?: () => Promise<unknown>;
}

function numberOrNull(value: string | number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const HTTP_URL_MESSAGE = 'Enter a full web address starting with http:// or https://.';

/**
 * Add an evidence item (source picked from the registry or created inline)
 * or edit one. Errors from the server appear next to their field.
 */
export function EvidenceForm({
  claimId,
  evidenceOptions,
  evidence,
  onDone,
  onCancel,
  onReload,
}: EvidenceFormProps) {
  const editing = evidence !== undefined;
  const [sourceMode, setSourceMode] = useState<'existing' | 'new'>('existing');
  const [source, setSource] = useState<PickedSource | null>(null);
  const [sourceName, setSourceName] = useState('');
  const [sourceKind, setSourceKind] = useState<SourceKind | null>(null);
  const [sourceHomepage, setSourceHomepage] = useState('');
  const [sourceReliability, setSourceReliability] = useState<Reliability | null>(null);
  const [sourceNote, setSourceNote] = useState('');

  const [url, setUrl] = useState(evidence?.url ?? '');
  const [title, setTitle] = useState(evidence?.title ?? '');
  const [excerpt, setExcerpt] = useState(evidence?.excerpt ?? '');
  const [publishedAt, setPublishedAt] = useState(
    evidence?.publishedAt != null ? isoToUtcDate(evidence.publishedAt) : '',
  );
  const [archiveUrl, setArchiveUrl] = useState(evidence?.archiveUrl ?? '');
  const [stance, setStance] = useState<Stance>(evidence?.stance ?? 'SUPPORTS');
  const [credibility, setCredibility] = useState<string | null>(
    evidence !== undefined ? String(evidence.credibility) : null,
  );
  const [note, setNote] = useState(evidence?.note ?? '');
  const [derivedFromId, setDerivedFromId] = useState<string | null>(
    evidence?.derivedFrom?.id ?? null,
  );
  const [withQuantity, setWithQuantity] = useState(evidence?.quantity != null);
  const [quantityMin, setQuantityMin] = useState<string | number>(evidence?.quantity?.min ?? '');
  const [quantityMax, setQuantityMax] = useState<string | number>(evidence?.quantity?.max ?? '');
  const [quantityUnit, setQuantityUnit] = useState(evidence?.quantity?.unit ?? '');
  const [quantityAsOf, setQuantityAsOf] = useState(
    evidence?.quantity?.asOf != null ? isoToUtcDate(evidence.quantity.asOf) : '',
  );
  const [withAnchor, setWithAnchor] = useState(evidence?.anchor != null);
  const [anchorPrefix, setAnchorPrefix] = useState(evidence?.anchor?.prefix ?? '');
  const [anchorExact, setAnchorExact] = useState(evidence?.anchor?.exact ?? '');
  const [anchorSuffix, setAnchorSuffix] = useState(evidence?.anchor?.suffix ?? '');
  const { dirty } = useEditedSince({
    source: source?.id ?? null,
    newSource: [sourceName, sourceKind, sourceHomepage, sourceReliability, sourceNote].map((v) =>
      typeof v === 'string' ? v.trim() : v,
    ),
    item: [url, title, excerpt, publishedAt, archiveUrl, note].map((v) => v.trim()),
    stance,
    credibility,
    derivedFromId,
    quantity: withQuantity ? [quantityMin, quantityMax, quantityUnit.trim(), quantityAsOf] : null,
    anchor: withAnchor ? [anchorPrefix, anchorExact, anchorSuffix] : null,
  });
  useUnsavedChanges(
    editing ? 'your changes to an evidence item' : 'the evidence item you are adding',
    dirty,
  );

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);

  const [addEvidence, addState] = useMutation(addEvidenceMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const [updateEvidence, updateState] = useMutation(updateEvidenceMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const saving = addState.loading || updateState.loading;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!editing) {
      if (sourceMode === 'existing' && source === null) {
        errors.sourceId = 'Choose a source, or add a new one.';
      }
      if (sourceMode === 'new') {
        if (sourceName.trim() === '') errors.name = 'Enter the source name.';
        if (sourceKind === null) errors.kind = 'Choose what kind of source this is.';
        if (sourceReliability === null) errors.reliability = 'Grade the source A–F.';
        if (sourceHomepage.trim() !== '' && !isHttpUrl(sourceHomepage.trim())) {
          errors.homepage = HTTP_URL_MESSAGE;
        }
      }
    }
    if (url.trim() === '') errors.url = 'Enter the address of the item.';
    else if (!isHttpUrl(url.trim())) errors.url = HTTP_URL_MESSAGE;
    if (archiveUrl.trim() !== '' && !isHttpUrl(archiveUrl.trim())) {
      errors.archiveUrl = HTTP_URL_MESSAGE;
    }
    if (credibility === null) errors.credibility = 'Rate how credible this item is (1–6).';
    if (withQuantity) {
      const min = numberOrNull(quantityMin);
      const max = numberOrNull(quantityMax);
      if (min === null) errors.min = 'Enter the reported value, or the lower end of the range.';
      if (min !== null && max !== null && max < min) {
        errors.max = 'The maximum must not be below the minimum.';
      }
      if (quantityUnit.trim() === '') errors.unit = 'Enter the unit, e.g. "people" or "marches".';
    }
    if (withAnchor && anchorExact.trim() === '') {
      errors.exact = 'Enter the exact quoted text to find in the capture.';
    }
    return errors;
  };

  const quantityInput = (): QuantityInput | null => {
    if (!withQuantity) return null;
    return {
      min: numberOrNull(quantityMin) ?? 0,
      max: numberOrNull(quantityMax),
      unit: quantityUnit.trim(),
      asOf: dateInputToIso(quantityAsOf),
    };
  };

  const anchorInput = (): TextQuoteAnchorInput | null => {
    if (!withAnchor) return null;
    return {
      prefix: anchorPrefix === '' ? null : anchorPrefix,
      exact: anchorExact,
      suffix: anchorSuffix === '' ? null : anchorSuffix,
    };
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    setFormError(null);
    setConflict(null);
    if (Object.keys(errors).length > 0 || credibility === null) return;
    const common = {
      url: url.trim(),
      title: emptyToNull(title),
      excerpt: emptyToNull(excerpt),
      publishedAt: dateInputToIso(publishedAt),
      archiveUrl: emptyToNull(archiveUrl),
      stance,
      credibility: Number(credibility),
      note: emptyToNull(note),
      derivedFromId,
      quantity: quantityInput(),
      anchor: anchorInput(),
    };
    try {
      if (evidence === undefined) {
        const result = await addEvidence({
          variables: {
            input: {
              claimId,
              ...common,
              ...(sourceMode === 'existing'
                ? { sourceId: source?.id ?? null }
                : {
                    newSource: {
                      name: sourceName.trim(),
                      kind: sourceKind ?? 'OTHER',
                      homepage: emptyToNull(sourceHomepage),
                      reliability: sourceReliability ?? 'F',
                      reliabilityNote: emptyToNull(sourceNote),
                    },
                  }),
            },
          },
        });
        const added = result.data?.addEvidence;
        if (added === undefined) return;
        notifications.show({
          color: 'teal',
          title: 'Evidence added',
          message: `${added.source.name} · ${added.grade}`,
        });
        onDone(added);
      } else {
        const result = await updateEvidence({
          variables: {
            input: { evidenceId: evidence.id, expectedVersion: evidence.version, ...common },
          },
        });
        const updated = result.data?.updateEvidence;
        if (updated === undefined) return;
        notifications.show({ color: 'teal', title: 'Evidence saved', message: updated.url });
        onDone(updated);
      }
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, EVIDENCE_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  const derivedOptions = evidenceOptions.filter((option) => option.id !== evidence?.id);

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-label={editing ? 'Edit evidence' : 'Add evidence'}
    >
      <Stack gap="md">
        {formError !== null && (
          <ErrorAlert
            message={formError}
            title={editing ? 'Could not save the evidence' : 'Could not add the evidence'}
          />
        )}
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="evidence item"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void (onReload?.() ?? Promise.resolve()).finally(() => {
                setReloading(false);
                onCancel();
              });
            }}
          />
        )}

        {!editing && (
          <Fieldset legend="Source" variant="filled">
            <Stack gap="sm">
              <SegmentedControl
                aria-label="Where the source comes from"
                value={sourceMode}
                onChange={(value) => setSourceMode(value === 'new' ? 'new' : 'existing')}
                data={[
                  { value: 'existing', label: 'From the registry' },
                  { value: 'new', label: 'New source' },
                ]}
              />
              {sourceMode === 'existing' ? (
                <SourcePicker value={source} onChange={setSource} error={fieldErrors.sourceId} />
              ) : (
                <>
                  {fieldErrors.newSource !== undefined && (
                    <Text size="sm" c="red.9" role="alert">
                      {fieldErrors.newSource}
                    </Text>
                  )}
                  <TextInput
                    label="Source name"
                    required
                    value={sourceName}
                    onChange={(event) => setSourceName(event.currentTarget.value)}
                    error={fieldErrors.name}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label="Kind"
                      required
                      data={SOURCE_KIND_OPTIONS}
                      value={sourceKind}
                      onChange={(value) => setSourceKind(value as SourceKind | null)}
                      error={fieldErrors.kind}
                    />
                    <Select
                      label="Reliability"
                      required
                      data={RELIABILITY_OPTIONS}
                      value={sourceReliability}
                      onChange={(value) => setSourceReliability(value as Reliability | null)}
                      error={fieldErrors.reliability}
                    />
                  </SimpleGrid>
                  <TextInput
                    label="Homepage"
                    type="url"
                    placeholder="https://"
                    value={sourceHomepage}
                    onChange={(event) => setSourceHomepage(event.currentTarget.value)}
                    error={fieldErrors.homepage}
                  />
                  <Textarea
                    label="Reliability note"
                    description="Why this grade, e.g. track record, independence."
                    autosize
                    minRows={2}
                    value={sourceNote}
                    onChange={(event) => setSourceNote(event.currentTarget.value)}
                    error={fieldErrors.reliabilityNote}
                  />
                </>
              )}
            </Stack>
          </Fieldset>
        )}

        <TextInput
          label="URL"
          description="Where this item was published."
          type="url"
          placeholder="https://"
          required
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={fieldErrors.url}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldErrors.title}
        />
        <Textarea
          label="Excerpt"
          description="The passage quoted from the item."
          autosize
          minRows={2}
          maxRows={8}
          value={excerpt}
          onChange={(event) => setExcerpt(event.currentTarget.value)}
          error={fieldErrors.excerpt}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Published on"
            type="date"
            value={publishedAt}
            onChange={(event) => setPublishedAt(event.currentTarget.value)}
            error={fieldErrors.publishedAt}
          />
          <TextInput
            label="Archive URL"
            type="url"
            placeholder="https://web.archive.org/…"
            value={archiveUrl}
            onChange={(event) => setArchiveUrl(event.currentTarget.value)}
            error={fieldErrors.archiveUrl}
          />
        </SimpleGrid>
        <Input.Wrapper
          label="Stance"
          description="What this item says about the claim."
          required
          error={fieldErrors.stance}
          id="evidence-stance"
        >
          <div>
            <SegmentedControl
              aria-label="Stance"
              value={stance}
              onChange={(value) => setStance(value as Stance)}
              data={STANCE_OPTIONS.map((option) => ({ ...option }))}
            />
          </div>
        </Input.Wrapper>
        <Select
          label="Credibility"
          description="How credible this item is, whatever the source (Admiralty 1–6)."
          required
          data={CREDIBILITY_OPTIONS}
          value={credibility}
          onChange={setCredibility}
          error={fieldErrors.credibility}
        />
        <Select
          label="Derived from"
          description="If this re-reports another item on this claim, it is not independent."
          placeholder="Independent (not derived)"
          clearable
          searchable
          data={derivedOptions.map((option) => ({ value: option.id, label: option.label }))}
          value={derivedFromId}
          onChange={setDerivedFromId}
          nothingFoundMessage="No evidence on this claim matches"
          error={fieldErrors.derivedFromId}
        />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldErrors.note}
        />

        <Checkbox
          label="Reports a quantity"
          description='E.g. "more than 30,000 detained".'
          checked={withQuantity}
          onChange={(event) => setWithQuantity(event.currentTarget.checked)}
        />
        {withQuantity && (
          <Fieldset legend="Quantity" variant="filled">
            {fieldErrors.quantity !== undefined && (
              <Alert color="red" variant="light" mb="sm" role="alert">
                {fieldErrors.quantity}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Minimum"
                description="The value, or the lower end."
                required
                value={quantityMin}
                onChange={setQuantityMin}
                thousandSeparator=","
                error={fieldErrors.min}
              />
              <NumberInput
                label="Maximum"
                description="Empty means open-ended (“more than”)."
                value={quantityMax}
                onChange={setQuantityMax}
                thousandSeparator=","
                error={fieldErrors.max}
              />
              <TextInput
                label="Unit"
                required
                placeholder="people"
                value={quantityUnit}
                onChange={(event) => setQuantityUnit(event.currentTarget.value)}
                error={fieldErrors.unit}
              />
              <TextInput
                label="As of"
                type="date"
                value={quantityAsOf}
                onChange={(event) => setQuantityAsOf(event.currentTarget.value)}
                error={fieldErrors.asOf}
              />
            </SimpleGrid>
          </Fieldset>
        )}

        <Checkbox
          label="Anchor the excerpt in the capture"
          description="Quote the exact text so it can be checked against the captured page."
          checked={withAnchor}
          onChange={(event) => setWithAnchor(event.currentTarget.checked)}
        />
        {withAnchor && (
          <Fieldset legend="Text-quote anchor" variant="filled">
            <Stack gap="sm">
              {fieldErrors.anchor !== undefined && (
                <Alert color="red" variant="light" role="alert">
                  {fieldErrors.anchor}
                </Alert>
              )}
              <TextInput
                label="Text before (prefix)"
                value={anchorPrefix}
                onChange={(event) => setAnchorPrefix(event.currentTarget.value)}
                error={fieldErrors.prefix}
              />
              <Textarea
                label="Exact text"
                required
                autosize
                minRows={2}
                value={anchorExact}
                onChange={(event) => setAnchorExact(event.currentTarget.value)}
                error={fieldErrors.exact}
              />
              <TextInput
                label="Text after (suffix)"
                value={anchorSuffix}
                onChange={(event) => setAnchorSuffix(event.currentTarget.value)}
                error={fieldErrors.suffix}
              />
            </Stack>
          </Fieldset>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? 'Save evidence' : 'Add evidence'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
