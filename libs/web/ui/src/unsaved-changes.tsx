import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useBlocker } from 'react-router';

/**
 * What the person has typed and not saved, or started and not seen finish, by form: each form
 * with unsaved input (or work under way whose outcome shows only on its page) registers a label
 * ("your assessment"), and leaving the page — a link, a shortcut, signing out, closing or
 * reloading the tab — asks first instead of dropping it.
 */
export class UnsavedChanges {
  private readonly entries = new Map<symbol, string>();
  private readonly listeners = new Set<() => void>();
  private labels: readonly string[] = [];

  set(key: symbol, label: string | null): void {
    if (label === null) {
      if (!this.entries.delete(key)) return;
    } else {
      if (this.entries.get(key) === label) return;
      this.entries.set(key, label);
    }
    this.labels = [...new Set(this.entries.values())];
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The labels of the forms holding unsaved input, each once, in the order they began. */
  readonly pending = (): readonly string[] => this.labels;

  /** Until when the next move away goes unquestioned (ms since the epoch). */
  private leaveAllowedUntil = 0;

  /**
   * Lets the next move away within the next 30 seconds go unquestioned: the person already chose
   * to discard, and the action that moves (signing out) is under way.
   */
  allowNextLeave(): void {
    this.leaveAllowedUntil = Date.now() + 30_000;
  }

  /** Whether a move away must be asked about first; a move allowed just before is not. */
  mustAsk(): boolean {
    if (Date.now() < this.leaveAllowedUntil) {
      this.leaveAllowedUntil = 0;
      return false;
    }
    return this.labels.length > 0;
  }
}

interface UnsavedChangesApi {
  store: UnsavedChanges;
  /**
   * Asks before an action that leaves the page without a link (signing out): resolves true at
   * once when nothing is unsaved, else when the person chooses to discard, and lets the move
   * that follows through.
   */
  confirmLeave(): Promise<boolean>;
}

const UnsavedChangesContext = createContext<UnsavedChangesApi | null>(null);

/** Above Mantine's modals (200), below its notifications (400). */
const LEAVE_QUESTION_Z_INDEX = 300;

/**
 * Registers a form's unsaved input while `dirty`; `label` names it in the question asked on
 * leaving ("your assessment", "the comment you are writing"). Returns `saved`, to call just
 * before a form that has saved moves to another page itself, so that move is not questioned.
 */
export function useUnsavedChanges(label: string, dirty: boolean): () => void {
  const store = useContext(UnsavedChangesContext)?.store;
  const key = useRef<symbol>(Symbol(label));
  useEffect(() => {
    const own = key.current;
    store?.set(own, dirty ? label : null);
    return () => store?.set(own, null);
  }, [store, label, dirty]);
  return useCallback(() => store?.set(key.current, null), [store]);
}

/** See {@link UnsavedChangesApi.confirmLeave}; outside a guard it always resolves true. */
export function useConfirmLeave(): () => Promise<boolean> {
  const api = useContext(UnsavedChangesContext);
  return useCallback(() => api?.confirmLeave() ?? Promise.resolve(true), [api]);
}

/**
 * Whether a form's values (any JSON-able value; trim texts first so spaces alone do not count)
 * differ from what they were when the form opened or was last saved; `markSaved` takes the
 * current values as saved.
 */
export function useEditedSince(values: unknown): { dirty: boolean; markSaved: () => void } {
  const now = JSON.stringify(values);
  const [saved, setSaved] = useState(now);
  const markSaved = useCallback(() => setSaved(now), [now]);
  return { dirty: now !== saved, markSaved };
}

/**
 * Holds the unsaved-input registry of the pages inside it and asks before leaving them: a
 * dialog for moves within the app (naming what would be lost, "Stay on this page" focused), and
 * the browser's own question when the tab is closed or reloaded.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const [store] = useState(() => new UnsavedChanges());
  const pending = useSyncExternalStore(store.subscribe, store.pending);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && store.mustAsk(),
  );
  const [question, setQuestion] = useState<((leave: boolean) => void) | null>(null);

  useEffect(() => {
    if (pending.length === 0) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [pending]);

  const api = useMemo<UnsavedChangesApi>(
    () => ({
      store,
      confirmLeave: () =>
        store.pending().length === 0
          ? Promise.resolve(true)
          : new Promise<boolean>((resolve) => setQuestion(() => resolve)),
    }),
    [store],
  );

  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
    question?.(false);
    setQuestion(null);
  };
  const leave = () => {
    if (blocker.state === 'blocked') blocker.proceed();
    if (question) {
      store.allowNextLeave();
      question(true);
      setQuestion(null);
    }
  };

  return (
    <UnsavedChangesContext.Provider value={api}>
      {children}
      <Modal
        opened={blocker.state === 'blocked' || question !== null}
        onClose={stay}
        title="Leave this page?"
        centered
        // Above a dialog holding the unsaved input (a reason, a new token), whose form asked.
        zIndex={LEAVE_QUESTION_Z_INDEX}
      >
        <Stack gap="md">
          {pending.length > 0 ? (
            <>
              <Text size="sm">Leaving now loses what is not saved or finished here:</Text>
              <List size="sm">
                {pending.map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
              <Text size="sm">Stay to save it (or copy it), or let it finish, first.</Text>
            </>
          ) : (
            // Saved meanwhile (a draft that saves itself): nothing would be lost now.
            <Text size="sm">Everything on this page is saved now.</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={leave}>
              {pending.length > 0 ? 'Leave anyway' : 'Leave'}
            </Button>
            <Button onClick={stay} data-autofocus>
              Stay on this page
            </Button>
          </Group>
        </Stack>
      </Modal>
    </UnsavedChangesContext.Provider>
  );
}
