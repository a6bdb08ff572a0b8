import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconRefresh } from '@tabler/icons-react';
import type { ConflictInfo } from './graphql-errors';

export interface ConflictAlertProps {
  conflict: ConflictInfo;
  /** What was being saved, e.g. "claim". */
  noun: string;
  onReload: () => void;
  reloading?: boolean;
  /** The form keeps what was typed when it loads the latest version (the default discards it). */
  keepsInput?: boolean;
}

/** Someone else saved first: say what changed and offer to load their version. */
export function ConflictAlert({
  conflict,
  noun,
  onReload,
  reloading = false,
  keepsInput = false,
}: ConflictAlertProps) {
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
          {keepsInput
            ? 'Your changes were not saved. Load the latest version: what you typed here stays, and anything you did not touch takes the new values. Check it, then save again.'
            : 'Your changes were not saved. Reload the latest version, check it, and make your changes again.'}
        </Text>
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            onClick={onReload}
            loading={reloading}
          >
            {keepsInput ? 'Load latest, keep my input' : 'Reload latest'}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export interface ChangedMeanwhileAlertProps {
  /** What the form is about, e.g. "claim". */
  noun: string;
  /** Moves the form onto the latest version, keeping what was typed. */
  onUpdate: () => void;
  updating?: boolean;
}

/**
 * Someone else changed the record while this form was open (a live update arrived). Nothing
 * typed is lost; saving as it stands would be refused as a conflict, so offer to move onto
 * the latest version first.
 */
export function ChangedMeanwhileAlert({
  noun,
  onUpdate,
  updating = false,
}: ChangedMeanwhileAlertProps) {
  return (
    <Alert
      role="status"
      color="violet"
      variant="light"
      title={`This ${noun} changed while you were working`}
      icon={<IconGitMerge aria-hidden="true" />}
    >
      <Stack gap="sm">
        <Text size="sm">
          Someone else saved a change to this {noun} after you opened this form. What you typed is
          kept. Saving now would be refused; load the latest version first, then check and save.
        </Text>
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            onClick={onUpdate}
            loading={updating}
          >
            Load latest, keep my input
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
