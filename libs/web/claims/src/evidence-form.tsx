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
  KeptDraftNotice,
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
  useKeepDraft,
  useKeptDraft,
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

/** Everything the evidence form holds, as kept in the browser until it is saved. */
interface EvidenceDraft {
  /** The item's version the edit started from (an edit is saved against it, never over a later one). */
  baseVersion: number | null;
  sourceMode: 'existing' | 'new';
  source: PickedSource | null;
  sourceName: string;
  sourceKind: SourceKind | null;
  sourceHomepage: string;
  sourceReliability: Reliability | null;
  sourceNote: string;
  url: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  archiveUrl: string;
  stance: Stance;
  credibility: string | null;
  note: string;
  derivedFromId: string | null;
  withQuantity: boolean;
  quantityMin: string | number;
  quantityMax: string | number;
  quantityUnit: string;
  quantityAsOf: string;
  withAnchor: boolean;
  anchorPrefix: string;
  anchorExact: string;
  anchorSuffix: string;
}

/** The form as it opens: empty to add an item, the item's values to edit it. */
function evidenceDraftOf(evidence: EvidenceFieldsFragment | undefined): EvidenceDraft {
  return {
    baseVersion: evidence?.version ?? null,
    sourceMode: 'existing',
    source: null,
    sourceName: '',
    sourceKind: null,
    sourceHomepage: '',
    sourceReliability: null,
    sourceNote: '',
    url: evidence?.url ?? '',
    title: evidence?.title ?? '',
    excerpt: evidence?.excerpt ?? '',
    publishedAt: evidence?.publishedAt != null ? isoToUtcDate(evidence.publishedAt) : '',
    archiveUrl: evidence?.archiveUrl ?? '',
    stance: evidence?.stance ?? 'SUPPORTS',
    credibility: evidence !== undefined ? String(evidence.credibility) : null,
    note: evidence?.note ?? '',
    derivedFromId: evidence?.derivedFrom?.id ?? null,
    withQuantity: evidence?.quantity != null,
    quantityMin: evidence?.quantity?.min ?? '',
    quantityMax: evidence?.quantity?.max ?? '',
    quantityUnit: evidence?.quantity?.unit ?? '',
    quantityAsOf: evidence?.quantity?.asOf != null ? isoToUtcDate(evidence.quantity.asOf) : '',
    withAnchor: evidence?.anchor != null,
    anchorPrefix: evidence?.anchor?.prefix ?? '',
    anchorExact: evidence?.anchor?.exact ?? '',
    anchorSuffix: evidence?.anchor?.suffix ?? '',
  };
}

/** What counts as a change (texts trimmed, so spaces alone do not). */
function changeKey(d: EvidenceDraft): string {
  return JSON.stringify({
    source: d.source?.id ?? null,
    newSource: [
      d.sourceName,
      d.sourceKind,
      d.sourceHomepage,
      d.sourceReliability,
      d.sourceNote,
    ].map((v) => (typeof v === 'string' ? v.trim() : v)),
    item: [d.url, d.title, d.excerpt, d.publishedAt, d.archiveUrl, d.note].map((v) => v.trim()),
    stance: d.stance,
    credibility: d.credibility,
    derivedFromId: d.derivedFromId,
    quantity: d.withQuantity
      ? [d.quantityMin, d.quantityMax, d.quantityUnit.trim(), d.quantityAsOf]
      : null,
    anchor: d.withAnchor ? [d.anchorPrefix, d.anchorExact, d.anchorSuffix] : null,
  });
}

/** The browser-kept draft of a new evidence item of a claim, or of an edit of an item. */
export const keptEvidenceForm = (claimId: string, evidenceId?: string) =>
  evidenceId !== undefined ? `evidence-edit:${evidenceId}` : `evidence-new:${claimId}`;

/**
 * Add an evidence item (source picked from the registry or created inline)
 * or edit one. Errors from the server appear next to their field. What is typed is kept in this
 * browser until it is saved or cancelled, and comes back after a reload or a crash.
 */
export function EvidenceForm(props: EvidenceFormProps) {
  // Discarding what the browser brought back starts a new form from the item (or empty).
  const [generation, setGeneration] = useState(0);
  return (
    <EvidenceFormBody
      key={generation}
      {...props}
      onStartAfresh={() => setGeneration((g) => g + 1)}
    />
  );
}

function EvidenceFormBody({
  claimId,
  evidenceOptions,
  evidence,
  onDone,
  onCancel,
  onReload,
  onStartAfresh,
}: EvidenceFormProps & { onStartAfresh: () => void }) {
  const editing = evidence !== undefined;
  const keptForm = keptEvidenceForm(claimId, evidence?.id);
  const kept = useKeptDraft<EvidenceDraft>(keptForm);
  const [pristine] = useState(() => evidenceDraftOf(evidence));
  const start = kept?.values ?? pristine;
  const [sourceMode, setSourceMode] = useState(start.sourceMode);
  const [source, setSource] = useState(start.source);
  const [sourceName, setSourceName] = useState(start.sourceName);
  const [sourceKind, setSourceKind] = useState(start.sourceKind);
  const [sourceHomepage, setSourceHomepage] = useState(start.sourceHomepage);
  const [sourceReliability, setSourceReliability] = useState(start.sourceReliability);
  const [sourceNote, setSourceNote] = useState(start.sourceNote);

  const [url, setUrl] = useState(start.url);
  const [title, setTitle] = useState(start.title);
  const [excerpt, setExcerpt] = useState(start.excerpt);
  const [publishedAt, setPublishedAt] = useState(start.publishedAt);
  const [archiveUrl, setArchiveUrl] = useState(start.archiveUrl);
  const [stance, setStance] = useState(start.stance);
  const [credibility, setCredibility] = useState(start.credibility);
  const [note, setNote] = useState(start.note);
  const [derivedFromId, setDerivedFromId] = useState(start.derivedFromId);
  const [withQuantity, setWithQuantity] = useState(start.withQuantity);
  const [quantityMin, setQuantityMin] = useState(start.quantityMin);
  const [quantityMax, setQuantityMax] = useState(start.quantityMax);
  const [quantityUnit, setQuantityUnit] = useState(start.quantityUnit);
  const [quantityAsOf, setQuantityAsOf] = useState(start.quantityAsOf);
  const [withAnchor, setWithAnchor] = useState(start.withAnchor);
  const [anchorPrefix, setAnchorPrefix] = useState(start.anchorPrefix);
  const [anchorExact, setAnchorExact] = useState(start.anchorExact);
  const [anchorSuffix, setAnchorSuffix] = useState(start.anchorSuffix);
  const draft: EvidenceDraft = {
    baseVersion: start.baseVersion,
    sourceMode,
    source,
    sourceName,
    sourceKind,
    sourceHomepage,
    sourceReliability,
    sourceNote,
    url,
    title,
    excerpt,
    publishedAt,
    archiveUrl,
    stance,
    credibility,
    note,
    derivedFromId,
    withQuantity,
    quantityMin,
    quantityMax,
    quantityUnit,
    quantityAsOf,
    withAnchor,
    anchorPrefix,
    anchorExact,
    anchorSuffix,
  };
  const dirty = changeKey(draft) !== changeKey(pristine);
  useUnsavedChanges(
    editing ? 'your changes to an evidence item' : 'the evidence item you are adding',
    dirty,
  );
  const keeping = useKeepDraft(keptForm, draft, dirty);
  const cancel = () => {
    keeping.clear();
    onCancel();
  };

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
        keeping.clear();
        notifications.show({
          color: 'teal',
          title: 'Evidence added',
          message: `${added.source.name} · ${added.grade}`,
        });
        onDone(added);
      } else {
        const result = await updateEvidence({
          variables: {
            // A kept edit is saved against the version it started from: a change made meanwhile
            // is a CONFLICT naming its fields, never overwritten.
            input: {
              evidenceId: evidence.id,
              expectedVersion: start.baseVersion ?? evidence.version,
              ...common,
            },
          },
        });
        const updated = result.data?.updateEvidence;
        if (updated === undefined) return;
        keeping.clear();
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
        {kept !== null && (
          <KeptDraftNotice
            kept={kept}
            onDiscard={() => {
              keeping.clear();
              onStartAfresh();
            }}
          />
        )}
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="evidence item"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              // As the alert says, the changes are to be made again on the latest item.
              void (onReload?.() ?? Promise.resolve()).finally(() => {
                setReloading(false);
                cancel();
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
          <Button variant="default" onClick={cancel}>
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
