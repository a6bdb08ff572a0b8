import { forwardRef, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Kbd,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { ClaimSort, ClaimStatus, Priority } from '@corroborate/graphql';
import {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
} from '@corroborate/web-ui';
import { CLAIM_SORT_OPTIONS, type QueueFilters } from './queue-filters';

export interface FacetCounts {
  statuses: Map<string, number>;
  priorities: Map<string, number>;
  topics: { value: string; count: number }[];
}

export interface QueueFiltersPanelProps {
  filters: QueueFilters;
  search: string;
  onSearchChange: (value: string) => void;
  onChange: (patch: Partial<QueueFilters>) => void;
  onClear: () => void;
  activeCount: number;
  facets: FacetCounts | null;
  projects: { id: string; name: string }[];
  /** Reviewers to filter by (empty when the caller may not list them). */
  reviewers: { id: string; displayName: string }[];
}

function OptionLabel({ label, count }: { label: string; count: number | undefined }) {
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span>{label}</span>
      {count !== undefined && (
        <Text span size="xs" c="dimmed" aria-label={`${count} claims`}>
          {count.toLocaleString()}
        </Text>
      )}
    </Group>
  );
}

function FilterGroup({ children }: { children: ReactNode }) {
  return <Stack gap={6}>{children}</Stack>;
}

/** The queue's filters; every change goes into the URL. */
export const QueueFiltersPanel = forwardRef<HTMLInputElement, QueueFiltersPanelProps>(
  function QueueFiltersPanel(
    {
      filters,
      search,
      onSearchChange,
      onChange,
      onClear,
      activeCount,
      facets,
      projects,
      reviewers,
    },
    searchRef,
  ) {
    const topicCounts = new Map((facets?.topics ?? []).map((t) => [t.value, t.count]));
    const topicValues = [
      ...new Set([...(facets?.topics ?? []).map((t) => t.value), ...filters.topics]),
    ];
    return (
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="queue-filters">
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Text component="h2" fw={600} id="queue-filters">
              Filters{' '}
              {activeCount > 0 && (
                <Badge size="sm" variant="light" aria-label={`${activeCount} active`}>
                  {activeCount}
                </Badge>
              )}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconFilterOff size={14} aria-hidden="true" />}
              onClick={onClear}
              disabled={activeCount === 0}
            >
              Clear filters
            </Button>
          </Group>
          <TextInput
            ref={searchRef}
            label="Search claims"
            type="search"
            placeholder="Text or claimant"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            rightSection={<Kbd aria-hidden="true">/</Kbd>}
            value={search}
            onChange={(event) => onSearchChange(event.currentTarget.value)}
          />
          <Select
            label="Project"
            placeholder="All projects"
            data={projects.map((project) => ({ value: project.id, label: project.name }))}
            value={filters.project}
            onChange={(value) => onChange({ project: value })}
            clearable
            searchable
            nothingFoundMessage="No project matches"
          />
          {(reviewers.length > 0 || filters.assignee !== null) && (
            <Select
              label="Assigned to"
              placeholder="Anyone"
              description="Claims this reviewer has an open or submitted assignment on."
              data={reviewers.map((reviewer) => ({
                value: reviewer.id,
                label: reviewer.displayName,
              }))}
              value={filters.assignee}
              onChange={(value) => onChange({ assignee: value })}
              clearable
              searchable
              nothingFoundMessage="No reviewer matches"
            />
          )}
          <Select
            label="Sort by"
            data={CLAIM_SORT_OPTIONS.map((option) => ({ ...option }))}
            value={filters.sort}
            onChange={(value) => onChange({ sort: (value as ClaimSort | null) ?? 'UPDATED_DESC' })}
            allowDeselect={false}
          />
          <Checkbox.Group
            label="Status"
            value={filters.statuses}
            onChange={(value) => onChange({ statuses: value as ClaimStatus[] })}
          >
            <FilterGroup>
              {CLAIM_STATUSES.map((status) => (
                <Checkbox
                  key={status}
                  value={status}
                  label={
                    <OptionLabel
                      label={CLAIM_STATUS_LABELS[status]}
                      count={facets === null ? undefined : (facets.statuses.get(status) ?? 0)}
                    />
                  }
                />
              ))}
            </FilterGroup>
          </Checkbox.Group>
          <Checkbox.Group
            label="Priority"
            value={filters.priorities}
            onChange={(value) => onChange({ priorities: value as Priority[] })}
          >
            <FilterGroup>
              {[...PRIORITIES].reverse().map((priority) => (
                <Checkbox
                  key={priority}
                  value={priority}
                  label={
                    <OptionLabel
                      label={PRIORITY_LABELS[priority]}
                      count={facets === null ? undefined : (facets.priorities.get(priority) ?? 0)}
                    />
                  }
                />
              ))}
            </FilterGroup>
          </Checkbox.Group>
          <MultiSelect
            label="Topics"
            placeholder={filters.topics.length === 0 ? 'Any topic' : undefined}
            data={topicValues}
            value={filters.topics}
            onChange={(value) => onChange({ topics: value })}
            searchable
            clearable
            nothingFoundMessage="No topic matches"
            renderOption={({ option }) => (
              <Group justify="space-between" wrap="nowrap" w="100%">
                <span>{option.value}</span>
                <Text span size="xs" c="dimmed">
                  {(topicCounts.get(option.value) ?? 0).toLocaleString()}
                </Text>
              </Group>
            )}
          />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput
              label="Created from"
              type="date"
              value={filters.createdFrom}
              onChange={(event) => onChange({ createdFrom: event.currentTarget.value })}
            />
            <TextInput
              label="Created to"
              type="date"
              value={filters.createdTo}
              onChange={(event) => onChange({ createdTo: event.currentTarget.value })}
            />
            <TextInput
              label="Due from"
              type="date"
              value={filters.dueFrom}
              onChange={(event) => onChange({ dueFrom: event.currentTarget.value })}
            />
            <TextInput
              label="Due to"
              type="date"
              value={filters.dueTo}
              onChange={(event) => onChange({ dueTo: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Switch
            label="Overdue only"
            checked={filters.overdue}
            onChange={(event) => onChange({ overdue: event.currentTarget.checked })}
          />
          <Switch
            label="Contradictions only"
            description="Strong evidence on both sides"
            checked={filters.contradiction}
            onChange={(event) => onChange({ contradiction: event.currentTarget.checked })}
          />
          <Switch
            label="Assigned to me"
            description="Claims with an open assignment of yours"
            checked={filters.mine}
            onChange={(event) => onChange({ mine: event.currentTarget.checked })}
          />
          <Switch
            label="Unassigned only"
            description="Fewer reviewers than the project requires"
            checked={filters.unassigned}
            onChange={(event) => onChange({ unassigned: event.currentTarget.checked })}
          />
          <Switch
            label="Disagreements only"
            description="Submitted assessments that disagree"
            checked={filters.disagreement}
            onChange={(event) => onChange({ disagreement: event.currentTarget.checked })}
          />
        </Stack>
      </Paper>
    );
  },
);
