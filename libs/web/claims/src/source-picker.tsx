import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Reliability, SourceKind } from '@corroborate/graphql';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@corroborate/web-ui';
import { sourceOptionsQuery } from './claim.graphql';

const SEARCH_DEBOUNCE_MS = 250;
const MAX_OPTIONS = 20;

export interface PickedSource {
  id: string;
  name: string;
  reliability: Reliability;
}

export interface SourcePickerProps {
  value: PickedSource | null;
  onChange: (source: PickedSource | null) => void;
  error?: string;
}

/** Autocomplete over the source registry (`sources(search:)`), searched on the server. */
export function SourcePicker({ value, onChange, error }: SourcePickerProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const query = debounced.trim() === value?.name ? '' : debounced.trim();
  const {
    data,
    loading,
    error: loadError,
  } = useQuery(sourceOptionsQuery, {
    variables: { search: query === '' ? null : query, first: MAX_OPTIONS },
  });
  const sources = data?.sources.edges.map((edge) => edge.node) ?? [];
  const byId = new Map<string, PickedSource & { kind: SourceKind | null }>(
    sources.map((source) => [source.id, source]),
  );
  if (value !== null && !byId.has(value.id)) byId.set(value.id, { ...value, kind: null });
  const options = [...byId.values()].map((source) => ({ value: source.id, label: source.name }));

  return (
    <Select
      label="Source"
      description="Search the registry by name."
      placeholder="Start typing a source name"
      required
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id) => {
        const source = id === null ? undefined : byId.get(id);
        onChange(
          source === undefined
            ? null
            : { id: source.id, name: source.name, reliability: source.reliability },
        );
      }}
      nothingFoundMessage={
        loading
          ? 'Searching…'
          : loadError !== undefined
            ? 'Could not search sources. Try again.'
            : 'No source matches. Choose "New source" to add it.'
      }
      renderOption={({ option }) => {
        const source = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
            <Text size="sm">{option.label}</Text>
            {source !== undefined && (
              <Text size="xs" c="dimmed">
                {source.kind !== null && `${SOURCE_KIND_LABELS[source.kind]} · `}
                {source.reliability} — {RELIABILITY_LABELS[source.reliability]}
              </Text>
            )}
          </Group>
        );
      }}
      error={error}
    />
  );
}
