import { Fragment } from 'react';
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';

export interface Shortcut {
  /** Keys pressed together, e.g. ['Ctrl', 'Enter']. */
  readonly keys: readonly string[];
  readonly does: string;
}

export interface ShortcutGroup {
  readonly where: string;
  readonly shortcuts: readonly Shortcut[];
}

/**
 * Every keyboard shortcut of the web app, by where it works. Single keys never fire while typing
 * in a field or while a dialog is open (usePageShortcuts).
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    where: 'Anywhere',
    shortcuts: [{ keys: ['?'], does: 'Show these shortcuts' }],
  },
  {
    where: 'Queue',
    shortcuts: [
      { keys: ['j'], does: 'Select the next claim' },
      { keys: ['k'], does: 'Select the claim before' },
      { keys: ['Enter'], does: 'Open the selected claim' },
      { keys: ['x'], does: 'Tick the selected claim, to assign several at once (editors)' },
      { keys: ['/'], does: 'Search the queue' },
    ],
  },
  {
    where: 'A claim opened from the queue',
    shortcuts: [
      { keys: ['n'], does: 'Open the next claim of the same queue view' },
      { keys: ['p'], does: 'Open the claim before it in that view' },
    ],
  },
  {
    where: 'Writing a comment',
    shortcuts: [
      { keys: ['Ctrl', 'Enter'], does: 'Post the comment (⌘ Enter on a Mac)' },
      { keys: ['@'], does: 'Mention someone; arrows and Enter pick from the list' },
      { keys: ['Esc'], does: 'Close the list of people, or stop editing a comment' },
    ],
  },
];

/** The dialog listing {@link SHORTCUT_GROUPS}. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          Single keys work when you are not typing in a field.
        </Text>
        {SHORTCUT_GROUPS.map((group) => (
          <Stack gap={4} key={group.where}>
            <Title order={3} size="h5">
              {group.where}
            </Title>
            <Table striped aria-label={`Shortcuts: ${group.where}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>Keys</Table.Th>
                  <Table.Th>What they do</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.shortcuts.map((shortcut) => (
                  <Table.Tr key={shortcut.keys.join('+')}>
                    <Table.Td>
                      {shortcut.keys.map((key, i) => (
                        <Fragment key={key}>
                          {i > 0 && ' + '}
                          <Kbd size="sm">{key}</Kbd>
                        </Fragment>
                      ))}
                    </Table.Td>
                    <Table.Td>{shortcut.does}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
