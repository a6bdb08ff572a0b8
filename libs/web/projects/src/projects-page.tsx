import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconFolders, IconPlus } from '@tabler/icons-react';
import type { ProjectFieldsFragment } from '@corroborate/graphql';
import {
  DateTimeText,
  EmptyState,
  ErrorAlert,
  PROJECT_WRITE_ROLES,
  PageHeader,
  TableSkeleton,
  useHasRole,
} from '@corroborate/web-ui';
import { ProjectFormModal } from './project-form-modal';
import { OPEN_STATUSES, queueOf, verifiedOf } from './project-queue-links';
import { projectsQuery } from './projects.graphql';

export function ProjectsPage() {
  const navigate = useNavigate();
  const canWrite = useHasRole(PROJECT_WRITE_ROLES);
  const { data, error, loading, refetch } = useQuery(projectsQuery, {
    notifyOnNetworkStatusChange: true,
    // The counts move as claims are worked elsewhere: show the cached list, then the latest.
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ProjectFieldsFragment | null>(null);
  const projects = data?.projects;

  const createButton = canWrite ? (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setCreating(true)}
    >
      New project
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project is an investigation or desk that groups the claims it checks."
        actions={projects !== undefined && projects.length > 0 ? createButton : undefined}
      />

      {projects === undefined && error === undefined && <TableSkeleton label="Loading projects…" />}
      {error !== undefined && (
        <ErrorAlert
          error={error}
          title="Could not load projects"
          onRetry={() => void refetch()}
          retrying={loading}
        />
      )}
      {projects !== undefined && projects.length === 0 && (
        <EmptyState
          icon={<IconFolders size={32} aria-hidden="true" />}
          title="No projects yet"
          description={
            canWrite
              ? 'Create a project for an investigation or desk, then take in the claims it will check.'
              : 'An editor or administrator has not created any projects yet.'
          }
          action={createButton}
        />
      )}
      {projects !== undefined && projects.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" ta="right">
                  Claims
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Open
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Verified
                </Table.Th>
                <Table.Th scope="col">Required reviews</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                {canWrite && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor
                      component={Link}
                      to={`/projects/${encodeURIComponent(project.id)}`}
                      fw={500}
                    >
                      {project.name}
                    </Anchor>
                    {project.description !== null && project.description !== '' && (
                      <Text size="sm" c="dimmed" lineClamp={1}>
                        {project.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor component={Link} to={queueOf(project.id)} size="sm">
                      {project.claimCounts.total}
                      <span className="visually-hidden"> claims</span>
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor component={Link} to={queueOf(project.id, OPEN_STATUSES)} size="sm">
                      {project.claimCounts.open}
                      <span className="visually-hidden"> open claims</span>
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor component={Link} to={queueOf(project.id, ['VERIFIED'])} size="sm">
                      {verifiedOf(project.claimCounts.statuses)}
                      <span className="visually-hidden"> verified claims</span>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{project.requiredReviews}</Table.Td>
                  <Table.Td>
                    <DateTimeText value={project.createdAt} dateOnly />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit ${project.name}`}
                        onClick={() => setEditing(project)}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {canWrite && (
        <>
          <ProjectFormModal
            opened={creating}
            onClose={() => setCreating(false)}
            onSaved={(project) => void navigate(`/projects/${encodeURIComponent(project.id)}`)}
          />
          <ProjectFormModal
            opened={editing !== null}
            project={editing ?? undefined}
            onClose={() => setEditing(null)}
          />
        </>
      )}
    </>
  );
}
