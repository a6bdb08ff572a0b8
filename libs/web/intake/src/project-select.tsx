import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { intakeProjectsQuery } from './intake.graphql';

/** The project picker of the intake pages. */
export function ProjectSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (projectId: string | null) => void;
  error?: string;
}) {
  const projects = useQuery(intakeProjectsQuery);
  return (
    <Select
      label="Project"
      required
      searchable
      data={(projects.data?.projects ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={onChange}
      placeholder={projects.loading ? 'Loading projects…' : 'Choose a project'}
      nothingFoundMessage="No project matches"
      error={error}
      maw={420}
    />
  );
}
