import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconRefresh } from '@tabler/icons-react';
import type { ConflictInfo } from './graphql-errors';

export interface ConflictAlertProps {
  conflict: ConflictInfo;
  /** What was being saved, e.g. "claim". */
  noun: string;
  onReload: () => void;
  reloading?: boolean;
}

/** Someone else saved first: say what changed and offer to load their version. */
export function ConflictAlert({ conflict, noun, onReload, reloading = false }: ConflictAlertProps) {
  return (
    <Alert
      role="alert"
      color="grape"
      variant="light"
      title={`Someone else changed this ${noun}`}
      icon={<IconGitMerge aria-hidden="true" />}
    >
      <Stack gap="sm">
        <Text size="sm">{conflict.message}</Text>
        {conflict.changedFields.length > 0 && (
          <Text size="sm">Changed: {conflict.changedFields.join(', ')}.</Text>
        )}
        <Text size="sm">
          Your changes were not saved. Reload the latest version, check it, and make your changes
          again.
        </Text>
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            onClick={onReload}
            loading={reloading}
          >
            Reload latest
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
