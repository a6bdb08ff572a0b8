import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type SearchParamsUpdate = (
  make: (current: URLSearchParams) => URLSearchParams,
  options?: { replace?: boolean },
) => void;

/**
 * The URL's search params (where a page keeps its filters) with an updater that builds on the
 * last update asked for, even before the URL has caught up with it. react-router's functional
 * `setSearchParams` sees the params of the last render, so two quick changes (a project, then a
 * range) would otherwise undo one another.
 */
export function useSearchParamsState(): [URLSearchParams, SearchParamsUpdate] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  // Adopt the URL's params only when they change (a navigation, back/forward). A render for some
  // other reason (data arriving) can still show the params of before a pending update while
  // react-router commits navigations in a transition; taking those would drop that update.
  const seen = useRef(params);
  if (params !== seen.current) {
    seen.current = params;
    latest.current = params;
  }
  const update = useCallback<SearchParamsUpdate>(
    (make, options) => {
      const next = make(latest.current);
      latest.current = next;
      setParams(next, { replace: options?.replace ?? false });
    },
    [setParams],
  );
  return [params, update];
}
