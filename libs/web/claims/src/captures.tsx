import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload, IconWorldDownload } from '@tabler/icons-react';
import type { CaptureFieldsFragment, EvidenceFieldsFragment } from '@corroborate/graphql';
import {
  CopyValue,
  DateTimeText,
  ErrorAlert,
  describeError,
  isSameOriginPath,
  sameOriginHref,
} from '@corroborate/web-ui';
import { captureUrlMutation } from './claim.graphql';
import { formatBytes } from './format-quantity';
import { MAX_UPLOAD_BYTES, uploadCapture } from './upload-capture';

export function CaptureTable({ captures }: { captures: readonly CaptureFieldsFragment[] }) {
  if (captures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No capture yet. Capture the URL or upload a file to preserve what the source said.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">SHA-256</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">Captured</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Download</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {captures.map((capture) => (
            <Table.Tr key={capture.id}>
              <Table.Td>
                v{capture.version}{' '}
                <Badge size="xs" variant="light" color="gray">
                  {capture.method === 'UPLOAD' ? 'Upload' : 'Fetched'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <CopyValue
                  value={capture.sha256}
                  shorten={12}
                  label={`Copy SHA-256 of capture version ${capture.version}`}
                />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{capture.mediaType}</Table.Td>
              <Table.Td>{formatBytes(capture.byteSize)}</Table.Td>
              <Table.Td>
                <DateTimeText value={capture.capturedAt} />
                {capture.capturedBy !== null && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    by {capture.capturedBy.displayName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {isSameOriginPath(capture.downloadUrl) && (
                  <Anchor
                    href={sameOriginHref(capture.downloadUrl)}
                    size="sm"
                    download={capture.fileName ?? undefined}
                    aria-label={`Download capture version ${capture.version}`}
                  >
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconDownload size={14} aria-hidden="true" />
                      Download
                    </Group>
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Runs `captureUrl` and reports the hash it got. */
export function CaptureUrlButton({ evidence }: { evidence: EvidenceFieldsFragment }) {
  const [captureUrl, { loading, error, data, reset }] = useMutation(captureUrlMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const capture = data?.captureUrl;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconWorldDownload size={14} aria-hidden="true" />}
          loading={loading}
          onClick={() => {
            reset();
            captureUrl({ variables: { input: { evidenceId: evidence.id } } })
              .then((result) => {
                const made = result.data?.captureUrl;
                if (made !== undefined) {
                  notifications.show({
                    color: 'teal',
                    title: `Captured (version ${made.version})`,
                    message: `SHA-256 ${made.sha256.slice(0, 16)}…`,
                  });
                }
              })
              .catch(() => undefined);
          }}
          aria-label={`Capture URL of ${evidence.title ?? evidence.url}`}
        >
          Capture URL
        </Button>
        {loading && (
          <Group gap={6} role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">Fetching and hashing the page…</Text>
          </Group>
        )}
      </Group>
      {capture !== undefined && (
        <Text size="sm" role="status">
          Captured version {capture.version}: SHA-256{' '}
          <CopyValue value={capture.sha256} shorten={16} label="Copy SHA-256 of the new capture" />
        </Text>
      )}
      {error !== undefined && (
        <ErrorAlert title="Could not capture the URL" message={describeError(error)} />
      )}
    </Stack>
  );
}

export interface UploadCaptureModalProps {
  evidence: EvidenceFieldsFragment | null;
  onClose: () => void;
  onUploaded: () => Promise<unknown>;
}

/** Uploads a file (PDF, image, text…) as a new capture, with a progress bar. */
export function UploadCaptureModal({ evidence, onClose, onUploaded }: UploadCaptureModalProps) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={evidence !== null}
      onClose={onClose}
      title="Upload capture"
      centered
    >
      {evidence !== null && (
        <UploadCaptureForm evidence={evidence} onClose={onClose} onUploaded={onUploaded} />
      )}
    </Modal>
  );
}

function UploadCaptureForm({
  evidence,
  onClose,
  onUploaded,
}: {
  evidence: EvidenceFieldsFragment;
  onClose: () => void;
  onUploaded: () => Promise<unknown>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CaptureFieldsFragment | null>(null);
  const abort = useRef<AbortController | null>(null);
  const uploading = progress !== null && result === null && error === null;

  const start = () => {
    setError(null);
    setResult(null);
    if (file === null) {
      setError('Choose a file to upload.');
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(
        `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}. Upload a smaller file.`,
      );
      return;
    }
    abort.current = new AbortController();
    setProgress(0);
    uploadCapture(evidence.id, file, setProgress, abort.current.signal)
      .then(async (capture) => {
        setResult(capture);
        await onUploaded();
      })
      .catch((e: unknown) => {
        setProgress(null);
        setError(e instanceof Error ? e.message : 'The upload failed. Try again.');
      });
  };

  return (
    <Stack gap="md">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        A new, immutable capture version of “{evidence.title ?? evidence.url}”. Its SHA-256 is
        computed on the server.
      </Text>
      <FileInput
        label="File"
        description="PDF, image, HTML or plain text."
        placeholder="Choose a file"
        value={file}
        onChange={(value) => {
          setFile(value);
          setError(null);
          setResult(null);
          setProgress(null);
        }}
        clearable
        disabled={uploading}
        data-autofocus
      />
      {progress !== null && (
        <Stack gap={4}>
          <Progress
            value={Math.round(progress * 100)}
            aria-label="Upload progress"
            animated={uploading}
          />
          <Text size="sm" role="status">
            {result !== null
              ? 'Upload complete.'
              : progress >= 1
                ? 'Hashing and storing…'
                : `Uploading… ${Math.round(progress * 100)}%`}
          </Text>
        </Stack>
      )}
      {result !== null && (
        <Alert color="teal" variant="light" title={`Stored as version ${result.version}`}>
          <Text size="sm" component="div">
            SHA-256 <CopyValue value={result.sha256} label="Copy SHA-256 of the upload" />
          </Text>
          <Text size="sm">
            {result.mediaType} · {formatBytes(result.byteSize)}
          </Text>
        </Alert>
      )}
      {error !== null && <ErrorAlert title="Upload failed" message={error} />}
      <Group justify="flex-end">
        {uploading ? (
          <Button variant="default" onClick={() => abort.current?.abort()}>
            Cancel upload
          </Button>
        ) : (
          <Button variant="default" onClick={onClose}>
            {result !== null ? 'Close' : 'Cancel'}
          </Button>
        )}
        {result === null && (
          <Button
            leftSection={<IconFileUpload size={16} aria-hidden="true" />}
            onClick={start}
            loading={uploading}
          >
            Upload
          </Button>
        )}
      </Group>
    </Stack>
  );
}
