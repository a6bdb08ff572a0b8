import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconListCheck, IconPencil } from '@tabler/icons-react';
import {
  DateTimeText,
  ErrorAlert,
  PROJECT_WRITE_ROLES,
  PageHeader,
  RoleGate,
  hasErrorCode,
  useDocumentTitle,
} from '@corroborate/web-ui';
import { AgreementPanel } from './agreement-panel';
import { ProjectFormModal } from './project-form-modal';
import { OPEN_STATUSES, queueOf, verifiedOf } from './project-queue-links';
import { projectQuery } from './projects.graphql';

function BackToProjects() {
  return (
    <Anchor component={Link} to="/projects" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        All projects
      </Group>
    </Anchor>
  );
}

export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(projectQuery, {
    variables: { id: projectId },
    notifyOnNetworkStatusChange: true,
    // The counts move as claims are worked elsewhere: show the cached project, then the latest.
    fetchPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState(false);
  const project = data?.project;

  if (project === undefined) {
    if (error !== undefined && hasErrorCode(error, 'NOT_FOUND')) {
      return <ProjectNotFound />;
    }
    if (error !== undefined) {
      return (
        <>
          <PageHeader title="Project" breadcrumbs={<BackToProjects />} />
          <ErrorAlert
            error={error}
            title="Could not load this project"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        </>
      );
    }
    return <ProjectDetailSkeleton />;
  }

  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumbs={<BackToProjects />}
        actions={
          <>
            <Button
              component={Link}
              to={`/queue?project=${encodeURIComponent(project.id)}`}
              leftSection={<IconListCheck size={16} aria-hidden="true" />}
            >
              Open the queue
            </Button>
            <RoleGate roles={PROJECT_WRITE_ROLES}>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                Edit project
              </Button>
            </RoleGate>
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Text fw={600} component="h2" size="lg">
              About this project
            </Text>
            {project.description !== null && project.description.trim() !== '' ? (
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {project.description}
              </Text>
            ) : (
              <Text c="dimmed">No description.</Text>
            )}
          </Stack>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label="Claims">
            <Anchor component={Link} to={queueOf(project.id)} size="xl" fw={600}>
              {project.claimCounts.total}
              <span className="visually-hidden"> claims</span>
            </Anchor>
            <Text size="sm" c="dimmed">
              <Anchor component={Link} to={queueOf(project.id, OPEN_STATUSES)} size="sm">
                {project.claimCounts.open} open
              </Anchor>
              {' · '}
              <Anchor component={Link} to={queueOf(project.id, ['VERIFIED'])} size="sm">
                {verifiedOf(project.claimCounts.statuses)} verified
              </Anchor>
            </Text>
          </Fact>
          <Fact label="Required reviews">
            <Text size="xl" fw={600}>
              {project.requiredReviews}
            </Text>
            <Text size="sm" c="dimmed">
              independent {project.requiredReviews === 1 ? 'review' : 'reviews'} per claim before
              adjudication
            </Text>
          </Fact>
          <Fact label="Created">
            <DateTimeText value={project.createdAt} />
          </Fact>
          <Fact label="Last changed">
            <DateTimeText value={project.updatedAt} />
          </Fact>
        </SimpleGrid>
        <RoleGate roles={PROJECT_WRITE_ROLES}>
          <AgreementPanel projectId={project.id} />
        </RoleGate>
      </Stack>
      <RoleGate roles={PROJECT_WRITE_ROLES}>
        <ProjectFormModal opened={editing} project={project} onClose={() => setEditing(false)} />
      </RoleGate>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" fw={500} mb={4}>
        {label}
      </Text>
      {children}
    </Paper>
  );
}

function ProjectDetailSkeleton() {
  useDocumentTitle('Project');
  return (
    <Stack gap="lg" aria-busy="true">
      <Text className="visually-hidden" role="status">
        Loading project…
      </Text>
      <Skeleton height={14} width={100} />
      <Skeleton height={36} width="50%" />
      <Skeleton height={120} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Skeleton height={80} />
        <Skeleton height={80} />
        <Skeleton height={80} />
      </SimpleGrid>
    </Stack>
  );
}

function ProjectNotFound() {
  return (
    <>
      <PageHeader title="Project not found" breadcrumbs={<BackToProjects />} />
      <Text>
        There is no project at this address. It may have been removed, or the link may be mistyped.
      </Text>
    </>
  );
}
