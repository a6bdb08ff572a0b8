import { useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  List,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBan, IconPencil, IconPlus } from '@tabler/icons-react';
import type { ClaimQuery, EvidenceFieldsFragment } from '@corroborate/graphql';
import {
  CLAIM_WRITE_ROLES,
  ClaimStatusBadge,
  DateTimeText,
  EVIDENCE_WRITE_ROLES,
  ErrorAlert,
  ExternalLink,
  HistoryTimeline,
  PageHeader,
  PriorityBadge,
  hasErrorCode,
  truncate,
  browserDrafts,
  useCurrentUser,
  useDocumentTitle,
  useHasRole,
} from '@corroborate/web-ui';
import { DuplicateSuggestions, MergeDialog, type DuplicateMatch } from '@corroborate/web-intake';
import { BackToQueue, QueueNavigation } from '@corroborate/web-queue';
import { claimQuery } from './claim.graphql';
import {
  EditClaimModal,
  RejectClaimModal,
  keptClaimEditForm,
  keptRejectionForm,
} from './claim-modals';
import { CorroborationPanel } from './corroboration-panel';
import { UploadCaptureModal } from './captures';
import { EvidenceForm, keptEvidenceForm } from './evidence-form';
import { EvidenceList, RetractEvidenceModal, evidenceLabel } from './evidence-list';
import { useClaimLiveRefresh, type LiveChange } from './claim-live';
import { AdjudicationPanel } from './adjudication-panel';
import { AssessmentsSection, MyAssessmentPanel } from './assessment-panel';
import { AssignmentsPanel } from './assignments-panel';
import { CommentsPanel } from './comments-panel';
import { useWorksOnClaim } from './works-on';

type Claim = ClaimQuery['claim'];

/** The claim workbench: claim, evidence by stance, corroboration, add evidence, history. */
export function ClaimPage() {
  const { claimId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(claimQuery, {
    variables: { id: claimId },
    notifyOnNetworkStatusChange: true,
  });
  const claim = data?.claim;
  const live = useClaimLiveRefresh(claimId, refetch);

  if (claim === undefined) {
    if (error !== undefined && hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <>
          <PageHeader title="Claim not found" breadcrumbs={<BackToQueue />} />
          <Text>
            There is no claim at this address. It may have been merged into another claim, or the
            link may be mistyped.
          </Text>
        </>
      );
    }
    if (error !== undefined) {
      return (
        <>
          <PageHeader title="Claim" breadcrumbs={<BackToQueue />} />
          <ErrorAlert
            error={error}
            title="Could not load this claim"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        </>
      );
    }
    return <ClaimSkeleton />;
  }
  return (
    <ClaimWorkbench
      claim={claim}
      reload={() => refetch()}
      liveNote={<LiveChangesNote changes={live.changes} onDismiss={live.dismiss} />}
    />
  );
}

/** What others changed while this page was open, kept until dismissed (newest first). */
function LiveChangesNote({ changes, onDismiss }: { changes: LiveChange[]; onDismiss: () => void }) {
  if (changes.length === 0) return null;
  return (
    <Alert
      role="status"
      color="indigo"
      variant="light"
      title="Updated while you were here"
      withCloseButton
      closeButtonLabel="Dismiss the list of changes"
      onClose={onDismiss}
    >
      <Stack gap={4}>
        <List size="sm" spacing={2} aria-label="Changes made by others">
          {changes.map((change, index) => (
            <List.Item key={`${change.at}-${index}`}>
              {change.summary}, <DateTimeText value={change.at} />
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          The page shows the latest version; the history below has every change. Anything you are
          typing is kept.
        </Text>
      </Stack>
    </Alert>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function ClaimWorkbench({
  claim,
  reload,
  liveNote,
}: {
  claim: Claim;
  reload: () => Promise<unknown>;
  liveNote: ReactNode;
}) {
  const canEditClaim = useHasRole(CLAIM_WRITE_ROLES);
  const worksOn = useWorksOnClaim(claim);
  const canWriteEvidence = useHasRole(EVIDENCE_WRITE_ROLES) && worksOn;
  const me = useCurrentUser();
  const locked = claim.status === 'VERIFIED' || claim.status === 'REJECTED';
  // An edit of the claim this browser kept (the tab reloaded or crashed) opens again.
  const [editing, setEditing] = useState(
    () =>
      canEditClaim && !locked && browserDrafts.read(me.id, keptClaimEditForm(claim.id)) !== null,
  );
  // A reason for rejecting this browser kept (a reload, a crash) opens the dialog again.
  const [rejecting, setRejecting] = useState(
    () =>
      canEditClaim &&
      claim.allowedTransitions.includes('REJECTED') &&
      browserDrafts.read(me.id, keptRejectionForm(claim.id)) !== null,
  );
  // Evidence being added or edited that this browser kept (a reload, a crash) opens again.
  const [adding, setAdding] = useState(
    () =>
      canWriteEvidence && !locked && browserDrafts.read(me.id, keptEvidenceForm(claim.id)) !== null,
  );
  const [editingEvidence, setEditingEvidence] = useState<EvidenceFieldsFragment | null>(() =>
    canWriteEvidence && !locked
      ? (claim.evidence.find(
          (item) =>
            !item.retracted &&
            browserDrafts.read(me.id, keptEvidenceForm(claim.id, item.id)) !== null,
        ) ?? null)
      : null,
  );
  const [retracting, setRetracting] = useState<EvidenceFieldsFragment | null>(null);
  const [uploading, setUploading] = useState<EvidenceFieldsFragment | null>(null);
  const [merging, setMerging] = useState<DuplicateMatch | null>(null);
  const navigate = useNavigate();
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const canReject = canEditClaim && claim.allowedTransitions.includes('REJECTED');
  const evidenceOptions = claim.evidence
    .filter((item) => !item.retracted)
    .map((item) => ({ id: item.id, label: evidenceLabel(item) }));
  const now = Date.now();
  const overdue = claim.dueAt !== null && !locked && new Date(claim.dueAt).getTime() < now;

  const closeAdd = () => {
    setAdding(false);
    requestAnimationFrame(() => addButtonRef.current?.focus());
  };

  return (
    <>
      <PageHeader
        title={claim.text}
        documentTitle={truncate(claim.text, 60)}
        breadcrumbs={
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              <BackToQueue />
              <Text size="sm" c="dimmed" aria-hidden="true">
                /
              </Text>
              <Anchor
                component={Link}
                to={`/queue?project=${encodeURIComponent(claim.project.id)}`}
                size="sm"
              >
                {claim.project.name}
              </Anchor>
            </Group>
            <QueueNavigation />
          </Group>
        }
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <ClaimStatusBadge status={claim.status} />
            <PriorityBadge priority={claim.priority} />
            {claim.topics.map((topic) => (
              <Badge key={topic} variant="light" color="gray">
                {topic}
              </Badge>
            ))}
          </Group>
        }
        actions={
          canEditClaim ? (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
                disabled={locked}
                title={locked ? 'Verified and rejected claims are locked.' : undefined}
              >
                Edit claim
              </Button>
              {canReject && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconBan size={16} aria-hidden="true" />}
                  onClick={() => setRejecting(true)}
                >
                  Reject
                </Button>
              )}
            </>
          ) : undefined
        }
      />

      <Stack gap="lg">
        {liveNote}
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label="Claimant">{claim.claimant ?? '—'}</Fact>
            <Fact label="First appearance">
              {claim.firstAppearanceUrl !== null ? (
                <ExternalLink href={claim.firstAppearanceUrl} />
              ) : (
                '—'
              )}
              {claim.firstAppearedAt !== null && (
                <Text size="xs" c="dimmed">
                  <DateTimeText value={claim.firstAppearedAt} dateOnly />
                </Text>
              )}
            </Fact>
            <Fact label="Due">
              {claim.dueAt === null ? (
                '—'
              ) : (
                <Text span size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : 400}>
                  <DateTimeText value={claim.dueAt} dateOnly />
                  {overdue && ' (overdue)'}
                </Text>
              )}
            </Fact>
            <Fact label="Created">
              <DateTimeText value={claim.createdAt} />
              {claim.createdBy !== null && (
                <Text size="xs" c="dimmed">
                  by {claim.createdBy.displayName}
                </Text>
              )}
            </Fact>
          </SimpleGrid>
        </Paper>
        {claim.status === 'REJECTED' && claim.rejectionReason !== null && (
          <Alert color="gray" variant="light" title="Rejected">
            {claim.rejectionReason}
            {claim.duplicateOf !== null && (
              <Text size="sm" mt={4}>
                Duplicate of{' '}
                <Anchor component={Link} to={`/claims/${claim.duplicateOf.id}`}>
                  {claim.duplicateOf.text}
                </Anchor>
              </Text>
            )}
          </Alert>
        )}
        {canEditClaim && !locked && (
          <DuplicateSuggestions
            projectId={claim.project.id}
            text={claim.text}
            excludeClaimId={claim.id}
            onMerge={(m) => setMerging(m)}
          />
        )}
        {merging !== null && (
          <MergeDialog
            opened
            onClose={() => setMerging(null)}
            survivor={{
              id: merging.claim.id,
              text: merging.claim.text,
              version: merging.claim.version,
            }}
            duplicate={{ id: claim.id, text: claim.text, version: claim.version }}
            onMerged={(survivorId) => void navigate(`/claims/${survivorId}`)}
          />
        )}
        <AssessmentsSection claim={claim} />

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Stack gap="sm" component="section" aria-labelledby="evidence-heading">
                <Group justify="space-between">
                  <Title order={2} size="h3" id="evidence-heading">
                    Evidence ({claim.evidence.filter((item) => !item.retracted).length})
                  </Title>
                  {canWriteEvidence && !adding && !locked && (
                    <Button
                      ref={addButtonRef}
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      onClick={() => setAdding(true)}
                    >
                      Add evidence
                    </Button>
                  )}
                </Group>
                <EvidenceList
                  evidence={claim.evidence}
                  actions={{
                    canWrite: canWriteEvidence && !locked,
                    onEdit: setEditingEvidence,
                    onRetract: setRetracting,
                    onUpload: setUploading,
                  }}
                />
              </Stack>
              {adding && (
                <Paper
                  withBorder
                  radius="md"
                  p="md"
                  component="section"
                  aria-labelledby="add-evidence-heading"
                >
                  <Title order={2} size="h3" id="add-evidence-heading" mb="sm">
                    Add evidence
                  </Title>
                  <EvidenceForm
                    claimId={claim.id}
                    evidenceOptions={evidenceOptions}
                    onDone={closeAdd}
                    onCancel={closeAdd}
                  />
                </Paper>
              )}
              <CommentsPanel claim={claim} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <MyAssessmentPanel claim={claim} />
              <AdjudicationPanel claim={claim} reload={reload} />
              <AssignmentsPanel claim={claim} />
              <Paper
                withBorder
                radius="md"
                p="md"
                component="section"
                aria-labelledby="corroboration-heading"
              >
                <Title order={2} size="h3" id="corroboration-heading" mb="sm">
                  Corroboration
                </Title>
                <CorroborationPanel corroboration={claim.corroboration} />
              </Paper>
              <Paper
                withBorder
                radius="md"
                p="md"
                component="section"
                aria-labelledby="history-heading"
              >
                <Title order={2} size="h3" id="history-heading" mb="sm">
                  History
                </Title>
                <HistoryTimeline events={claim.history} subjectId={claim.id} />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>

      {canEditClaim && (
        <>
          <EditClaimModal
            claim={claim}
            opened={editing}
            onClose={() => setEditing(false)}
            onReload={reload}
          />
          <RejectClaimModal
            claim={claim}
            opened={rejecting}
            onClose={() => setRejecting(false)}
            onReload={reload}
          />
        </>
      )}
      {canWriteEvidence && (
        <>
          <Modal
            closeOnClickOutside={false}
            opened={editingEvidence !== null}
            onClose={() => setEditingEvidence(null)}
            title="Edit evidence"
            centered
            size="lg"
          >
            {editingEvidence !== null && (
              <EvidenceForm
                key={`${editingEvidence.id}-${editingEvidence.version}`}
                claimId={claim.id}
                evidenceOptions={evidenceOptions}
                evidence={editingEvidence}
                onDone={() => setEditingEvidence(null)}
                onCancel={() => setEditingEvidence(null)}
                onReload={reload}
              />
            )}
          </Modal>
          <RetractEvidenceModal
            evidence={retracting}
            onClose={() => setRetracting(null)}
            onReload={reload}
          />
          <UploadCaptureModal
            evidence={uploading}
            onClose={() => setUploading(null)}
            onUploaded={reload}
          />
        </>
      )}
    </>
  );
}

function ClaimSkeleton() {
  useDocumentTitle('Claim');
  return (
    <Stack gap="lg" aria-busy="true">
      <Text className="visually-hidden" role="status">
        Loading claim…
      </Text>
      <Skeleton height={14} width={100} />
      <Skeleton height={36} width="70%" />
      <Skeleton height={80} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Skeleton height={240} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Skeleton height={240} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
