import { useEffect, useSyncExternalStore } from 'react';

type Listener = () => void;

/**
 * Whether the signed-in session has ended under an open page (expired, signed out elsewhere).
 * While the app shell is mounted it shows a sign-in dialog over the page instead of navigating
 * away, so nothing typed on the page is lost.
 */
class SessionExpiry {
  private expired = false;
  private hosts = 0;
  private readonly listeners = new Set<Listener>();

  /** True when a signed-in shell is on screen to ask for the password again. */
  hasHost = (): boolean => this.hosts > 0;

  isExpired = (): boolean => this.expired;

  markExpired = (): void => this.set(true);

  clear = (): void => this.set(false);

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  registerHost = (): (() => void) => {
    this.hosts += 1;
    return () => {
      this.hosts -= 1;
    };
  };

  private set(value: boolean): void {
    if (this.expired === value) return;
    this.expired = value;
    for (const listener of this.listeners) listener();
  }
}

export const sessionExpiry = new SessionExpiry();

/** For the dialog: registers the signed-in shell as the place to ask, and reads the state. */
export function useSessionExpiredHost(): boolean {
  useEffect(() => sessionExpiry.registerHost(), []);
  return useSyncExternalStore(sessionExpiry.subscribe, sessionExpiry.isExpired);
}
