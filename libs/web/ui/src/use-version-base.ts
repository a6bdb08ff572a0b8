import { useCallback, useEffect, useState } from 'react';

export interface VersionBase {
  /** The version the open form started from: what a save sends as `expectedVersion`. */
  baseVersion: number;
  /** Someone else's change has arrived (live or by reload) since the form started. */
  changed: boolean;
  /**
   * Load the latest record and move the form onto it. `onRebase` runs once the newer record
   * has rendered, so a form can carry over what the person typed.
   */
  requestRebase: (reload: () => Promise<unknown>) => Promise<void>;
}

/**
 * Keeps an open form on the version it started from while live updates refresh the record
 * underneath it, so nothing typed is thrown away by someone else's change and a save still
 * meets the server's conflict check instead of overwriting that change.
 */
export function useVersionBase(version: number, onRebase?: () => void): VersionBase {
  const [baseVersion, setBaseVersion] = useState(version);
  const [rebasing, setRebasing] = useState(false);
  useEffect(() => {
    if (!rebasing) return;
    onRebase?.();
    setBaseVersion(version);
    setRebasing(false);
  }, [rebasing, version, onRebase]);
  const requestRebase = useCallback(async (reload: () => Promise<unknown>) => {
    await reload();
    setRebasing(true);
  }, []);
  return { baseVersion, changed: version !== baseVersion, requestRebase };
}
