export const SIGN_IN_PATH = '/sign-in';
export const DEFAULT_AFTER_SIGN_IN = '/projects';

/**
 * The in-app path to return to after signing in. Only same-origin absolute
 * paths are accepted ("/projects/1?x=y"); anything else ("//evil.example",
 * "https://…", "/\\evil", the sign-in page itself) falls back to the default.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (value === null || value === undefined) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return DEFAULT_AFTER_SIGN_IN;
  return value;
}

/** "/sign-in?next=<path>" for the page the person wanted. */
export function signInPathFor(location: {
  pathname: string;
  search: string;
  hash: string;
}): string {
  const wanted = `${location.pathname}${location.search}${location.hash}`;
  if (wanted === '/' || wanted === '' || location.pathname === SIGN_IN_PATH) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(wanted)}`;
}
