import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { describeError } from './graphql-errors';

export interface ErrorAlertProps {
  /** An Apollo error or anything thrown; turned into a readable message. */
  error?: unknown;
  /** Shown instead of the error's own message. */
  message?: string;
  title?: string;
  /** When given, a "Try again" button calls it. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A red alert (role="alert") with the error message and an optional retry. */
export function ErrorAlert({
  error,
  message,
  title = 'Something went wrong',
  onRetry,
  retrying = false,
}: ErrorAlertProps) {
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      <Stack gap="sm">
        <Text size="sm">{message ?? describeError(error)}</Text>
        {onRetry !== undefined && (
          <Group>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} aria-hidden="true" />}
              onClick={onRetry}
              loading={retrying}
            >
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
