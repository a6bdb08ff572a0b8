import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import {
  Accordion,
  Anchor,
  Badge,
  Blockquote,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconChevronDown,
  IconFileUpload,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import type { AnchorStatus, EvidenceFieldsFragment, Stance } from '@corroborate/graphql';
import {
  ConflictAlert,
  DateTimeText,
  EVIDENCE_STANCES,
  EVIDENCE_STANCE_LABELS,
  ErrorAlert,
  ExternalLink,
  GradeBadge,
  ReliabilityBadge,
  StanceBadge,
  getConflict,
  isVersionConflict,
  describeError,
  type ConflictInfo,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { retractEvidenceMutation } from './claim.graphql';
import { CaptureTable, CaptureUrlButton } from './captures';
import { formatQuantity } from './format-quantity';

const ANCHOR_STATUS: Readonly<
  Record<AnchorStatus, { label: string; color: string; hint: string }>
> = {
  FOUND: {
    label: 'Anchor found',
    color: 'teal',
    hint: 'The quoted text is in the latest capture.',
  },
  NOT_FOUND: {
    label: 'Anchor not found',
    color: 'red',
    hint: 'The quoted text is not in the latest capture: check the excerpt or recapture.',
  },
  NO_CAPTURE: {
    label: 'No capture',
    color: 'gray',
    hint: 'Capture the URL or upload a file so the anchor can be checked.',
  },
  NO_ANCHOR: { label: 'No anchor', color: 'gray', hint: 'No text-quote anchor was given.' },
  NO_TEXT: {
    label: 'Capture has no text',
    color: 'gray',
    hint: 'No text could be extracted from the capture, so the anchor cannot be checked.',
  },
};

export function evidenceLabel(evidence: {
  title?: string | null;
  url: string;
  source: { name: string };
}): string {
  return `${evidence.source.name}: ${evidence.title ?? evidence.url}`;
}

export function sourcePath(id: string): string {
  return `/sources/${encodeURIComponent(id)}`;
}

export interface EvidenceActions {
  canWrite: boolean;
  onEdit: (evidence: EvidenceFieldsFragment) => void;
  onRetract: (evidence: EvidenceFieldsFragment) => void;
  onUpload: (evidence: EvidenceFieldsFragment) => void;
}

function EvidenceCard({
  evidence,
  actions,
}: {
  evidence: EvidenceFieldsFragment;
  actions: EvidenceActions;
}) {
  const anchor = ANCHOR_STATUS[evidence.anchorStatus];
  const headingId = `evidence-${evidence.id}`;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={headingId}
      id={`evidence-item-${evidence.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <GradeBadge grade={evidence.grade} />
              <Anchor component={Link} to={sourcePath(evidence.source.id)} fw={600} size="sm">
                {evidence.source.name}
              </Anchor>
              <ReliabilityBadge reliability={evidence.source.reliability} withLabel={false} />
              {evidence.retracted && (
                <Badge color="red" variant="light">
                  Retracted
                </Badge>
              )}
            </Group>
            <Text
              component="h4"
              id={headingId}
              size="sm"
              fw={500}
              style={{ overflowWrap: 'anywhere' }}
            >
              <ExternalLink href={evidence.url}>{evidence.title ?? evidence.url}</ExternalLink>
            </Text>
          </Stack>
          {actions.canWrite && !evidence.retracted && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="default"
                  rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                  aria-label={`Actions for ${evidenceLabel(evidence)}`}
                >
                  Actions
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconPencil size={14} aria-hidden="true" />}
                  onClick={() => actions.onEdit(evidence)}
                >
                  Edit
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileUpload size={14} aria-hidden="true" />}
                  onClick={() => actions.onUpload(evidence)}
                >
                  Upload capture
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden="true" />}
                  onClick={() => actions.onRetract(evidence)}
                >
                  Retract
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {evidence.retracted && evidence.retractionReason !== null && (
          <Text size="sm">
            <Text span fw={600}>
              Retraction reason:
            </Text>{' '}
            {evidence.retractionReason}
          </Text>
        )}
        {evidence.excerpt !== null && evidence.excerpt.trim() !== '' && (
          <Blockquote
            color="gray"
            p="sm"
            fz="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {evidence.excerpt}
          </Blockquote>
        )}
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed" component="span">
            Published <DateTimeText value={evidence.publishedAt} dateOnly fallback="unknown" />
          </Text>
          {evidence.quantity !== null && (
            <Badge variant="light" color="indigo" tt="none">
              {formatQuantity(evidence.quantity)}
            </Badge>
          )}
          <Badge color={anchor.color} variant="light" title={anchor.hint}>
            {anchor.label}
          </Badge>
          {evidence.archiveUrl !== null && (
            <Text size="xs" component="span">
              <IconArchive size={12} aria-hidden="true" />{' '}
              <ExternalLink href={evidence.archiveUrl}>Archived copy</ExternalLink>
            </Text>
          )}
        </Group>
        {evidence.derivedFrom !== null && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Re-report of{' '}
            <Anchor href={`#evidence-item-${evidence.derivedFrom.id}`} size="sm">
              {evidenceLabel(evidence.derivedFrom)}
            </Anchor>
          </Text>
        )}
        {evidence.note !== null && evidence.note.trim() !== '' && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            Note: {evidence.note}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Added by {evidence.addedBy?.displayName ?? 'unknown'} ·{' '}
          <DateTimeText value={evidence.createdAt} />
        </Text>
        <Stack gap={6}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Captures ({evidence.captures.length})
          </Text>
          <CaptureTable captures={evidence.captures} />
          {actions.canWrite && !evidence.retracted && <CaptureUrlButton evidence={evidence} />}
        </Stack>
      </Stack>
    </Paper>
  );
}

export interface EvidenceListProps {
  evidence: readonly EvidenceFieldsFragment[];
  actions: EvidenceActions;
}

/** Evidence grouped by stance; retracted items collapsed at the end. */
export function EvidenceList({ evidence, actions }: EvidenceListProps) {
  const current = evidence.filter((item) => !item.retracted);
  const retracted = evidence.filter((item) => item.retracted);
  const groups = EVIDENCE_STANCES.map((stance: Stance) => ({
    stance,
    items: current.filter((item) => item.stance === stance),
  }));
  return (
    <Stack gap="lg">
      {current.length === 0 && (
        <Text c="dimmed">
          No evidence yet.{' '}
          {actions.canWrite
            ? 'Add the first item below: a source that supports, refutes or gives context to the claim.'
            : 'Reviewers add evidence as they check the claim.'}
        </Text>
      )}
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <section key={group.stance} aria-labelledby={`stance-${group.stance}`}>
            <Group gap="xs" mb="xs">
              <Title order={3} size="h5" id={`stance-${group.stance}`}>
                {EVIDENCE_STANCE_LABELS[group.stance]} ({group.items.length})
              </Title>
              <StanceBadge stance={group.stance} />
            </Group>
            <Stack gap="sm">
              {group.items.map((item) => (
                <EvidenceCard key={item.id} evidence={item} actions={actions} />
              ))}
            </Stack>
          </section>
        ))}
      {retracted.length > 0 && (
        <Accordion variant="contained">
          <Accordion.Item value="retracted">
            <Accordion.Control>Retracted ({retracted.length})</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {retracted.map((item) => (
                  <EvidenceCard key={item.id} evidence={item} actions={actions} />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}

export interface RetractEvidenceModalProps {
  evidence: EvidenceFieldsFragment | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/** Retraction keeps the item (nothing reviewed is deleted) but takes it out of corroboration. */
export function RetractEvidenceModal({ evidence, onClose, onReload }: RetractEvidenceModalProps) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={evidence !== null}
      onClose={onClose}
      title="Retract evidence"
      centered
    >
      {evidence !== null && (
        <RetractForm evidence={evidence} onClose={onClose} onReload={onReload} />
      )}
    </Modal>
  );
}

function RetractForm({
  evidence,
  onClose,
  onReload,
}: {
  evidence: EvidenceFieldsFragment;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  useUnsavedChanges('the reason for retracting the evidence', reason.trim() !== '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [retract, { loading }] = useMutation(retractEvidenceMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setConflict(null);
        if (reason.trim() === '') {
          setReasonError('Say why this item is retracted; the reason is kept in the history.');
          return;
        }
        setReasonError(null);
        retract({
          variables: {
            input: {
              evidenceId: evidence.id,
              expectedVersion: evidence.version,
              reason: reason.trim(),
            },
          },
        })
          .then(() => {
            notifications.show({
              color: 'teal',
              title: 'Evidence retracted',
              message: evidenceLabel(evidence),
            });
            onClose();
          })
          .catch((e: unknown) => {
            if (isVersionConflict(e)) setConflict(getConflict(e));
            else setError(e);
          });
      }}
    >
      <Stack gap="md">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          “{evidenceLabel(evidence)}” stays in the record, marked as retracted, and no longer counts
          toward corroboration.
        </Text>
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
        />
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="evidence item"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void onReload().finally(() => {
                setReloading(false);
                onClose();
              });
            }}
          />
        )}
        {error !== null && <ErrorAlert title="Could not retract" message={describeError(error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Retract evidence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
