import { Select, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { Priority } from '@corroborate/graphql';
import { PRIORITY_OPTIONS } from './labels';
import { isHttpUrl } from './safe-url';

const MAX_TEXT_LENGTH = 5000;
const MAX_TOPICS = 20;

/** What a person types about a claim, as form strings (dates as `YYYY-MM-DD`). */
export interface ClaimFieldValues {
  text: string;
  claimant: string;
  firstAppearanceUrl: string;
  firstAppearedAt: string;
  topics: string[];
  priority: Priority;
  dueAt: string;
}

export type ClaimFieldName = keyof ClaimFieldValues;
export const CLAIM_FIELD_NAMES: readonly ClaimFieldName[] = [
  'text',
  'claimant',
  'firstAppearanceUrl',
  'firstAppearedAt',
  'topics',
  'priority',
  'dueAt',
];

export const EMPTY_CLAIM_FIELDS: ClaimFieldValues = {
  text: '',
  claimant: '',
  firstAppearanceUrl: '',
  firstAppearedAt: '',
  topics: [],
  priority: 'NORMAL',
  dueAt: '',
};

/** The checks the browser can make before asking the server, with messages that say what to do. */
export function validateClaimFields(
  values: ClaimFieldValues,
): Partial<Record<ClaimFieldName, string>> {
  const errors: Partial<Record<ClaimFieldName, string>> = {};
  if (values.text.trim() === '') errors.text = 'Enter the claim as it was made.';
  else if (values.text.length > MAX_TEXT_LENGTH) {
    errors.text = `Use at most ${MAX_TEXT_LENGTH} characters.`;
  }
  const url = values.firstAppearanceUrl.trim();
  if (url !== '' && !isHttpUrl(url)) {
    errors.firstAppearanceUrl = 'Enter a full web address starting with http:// or https://.';
  }
  if (values.topics.length > MAX_TOPICS) errors.topics = `Use at most ${MAX_TOPICS} topics.`;
  return errors;
}

export interface ClaimFieldsProps {
  values: ClaimFieldValues;
  onChange: (values: ClaimFieldValues) => void;
  errors: Partial<Record<string, string>>;
}

/** The claim's own fields, shared by the create and edit forms. */
export function ClaimFields({ values, onChange, errors }: ClaimFieldsProps) {
  const set = <K extends ClaimFieldName>(name: K, value: ClaimFieldValues[K]) =>
    onChange({ ...values, [name]: value });
  return (
    <>
      <Textarea
        label="Claim"
        description="The statement as it was made, word for word where possible."
        required
        data-autofocus
        autosize
        minRows={3}
        maxRows={8}
        maxLength={MAX_TEXT_LENGTH}
        value={values.text}
        onChange={(event) => set('text', event.currentTarget.value)}
        error={errors['text']}
      />
      <TextInput
        label="Claimant"
        description="Who made the claim, e.g. a ministry, an agency or a person."
        value={values.claimant}
        onChange={(event) => set('claimant', event.currentTarget.value)}
        error={errors['claimant']}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="First appearance URL"
          type="url"
          placeholder="https://"
          value={values.firstAppearanceUrl}
          onChange={(event) => set('firstAppearanceUrl', event.currentTarget.value)}
          error={errors['firstAppearanceUrl']}
        />
        <TextInput
          label="First appeared on"
          type="date"
          value={values.firstAppearedAt}
          onChange={(event) => set('firstAppearedAt', event.currentTarget.value)}
          error={errors['firstAppearedAt']}
        />
      </SimpleGrid>
      <TagsInput
        label="Topics"
        description="Press Enter or comma after each topic."
        value={values.topics}
        onChange={(topics) => set('topics', topics)}
        clearable
        maxTags={MAX_TOPICS}
        splitChars={[',']}
        error={errors['topics']}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Priority"
          data={PRIORITY_OPTIONS}
          value={values.priority}
          onChange={(value) => set('priority', (value as Priority | null) ?? 'NORMAL')}
          allowDeselect={false}
          error={errors['priority']}
        />
        <TextInput
          label="Due date"
          type="date"
          value={values.dueAt}
          onChange={(event) => set('dueAt', event.currentTarget.value)}
          error={errors['dueAt']}
        />
      </SimpleGrid>
    </>
  );
}
