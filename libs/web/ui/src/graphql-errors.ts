import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** The `extensions.code` values the API uses. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INSUFFICIENT_STORAGE';

/** One error from the API, reduced to what the UI needs. */
export interface ApiError {
  code: string | null;
  message: string;
  /** For BAD_USER_INPUT: the input field the error concerns, e.g. "email". */
  field: string | null;
}

const NETWORK_MESSAGE =
  'Could not reach the Corroborate server. Check your connection and try again.';
const UNKNOWN_MESSAGE =
  'Something went wrong. Try again, and tell an administrator if it persists.';

function readString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The last segment of a field path, so "input.email" and "email" both become "email". */
function normaliseField(value: unknown): string | null {
  const field = readString(value);
  if (field === null) return null;
  const parts = field.split('.');
  return parts[parts.length - 1] ?? null;
}

/** Every GraphQL error carried by `error`, or a single synthetic one for network failures. */
export function getApiErrors(error: unknown): ApiError[] {
  if (error === null || error === undefined) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      code: readString(e.extensions?.['code']),
      message: e.message,
      field: normaliseField(e.extensions?.['field']),
    }));
  }
  if (ServerError.is(error)) {
    return [{ code: null, message: NETWORK_MESSAGE, field: null }];
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network is unreachable.
    return [{ code: null, message: NETWORK_MESSAGE, field: null }];
  }
  return [{ code: null, message: UNKNOWN_MESSAGE, field: null }];
}

/** The `extensions.code` of the first GraphQL error, if any. */
export function getErrorCode(error: unknown): string | null {
  return getApiErrors(error)[0]?.code ?? null;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return getApiErrors(error).some((e) => e.code === code);
}

/** A message a person can act on. */
export function describeError(error: unknown): string {
  const errors = getApiErrors(error);
  if (errors.length === 0) return UNKNOWN_MESSAGE;
  const messages = [...new Set(errors.map((e) => e.message))];
  return messages.join(' ');
}

export interface FormErrors<F extends string> {
  /** Messages to show under the named fields. */
  fieldErrors: Partial<Record<F, string>>;
  /** A message for the whole form (shown in an alert), or null. */
  formError: string | null;
}

/**
 * Splits an API error into messages for known form fields (BAD_USER_INPUT with
 * `extensions.field`) and one message for the form as a whole (everything else).
 */
export function getFormErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): FormErrors<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const e of getApiErrors(error)) {
    const field = fields.find((f) => f === e.field);
    if (e.code === 'BAD_USER_INPUT' && field !== undefined && fieldErrors[field] === undefined) {
      fieldErrors[field] = e.message;
    } else if (!rest.includes(e.message)) {
      rest.push(e.message);
    }
  }
  return { fieldErrors, formError: rest.length > 0 ? rest.join(' ') : null };
}

/** A CONFLICT from a stale `expectedVersion`: someone else saved first. */
export interface ConflictInfo {
  /** The server's message, naming the changed fields. */
  message: string;
  currentVersion: number | null;
  changedFields: string[];
}

/** The CONFLICT details of `error`, or null when it is another kind of error. */
export function getConflict(error: unknown): ConflictInfo | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const conflict = error.errors.find((e) => e.extensions?.['code'] === 'CONFLICT');
  if (conflict === undefined) return null;
  const version = conflict.extensions?.['currentVersion'];
  const fields = conflict.extensions?.['changedFields'];
  return {
    message: conflict.message,
    currentVersion: typeof version === 'number' ? version : null,
    changedFields: Array.isArray(fields)
      ? fields.filter((f): f is string => typeof f === 'string')
      : [],
  };
}

/** True for a stale-version conflict (it carries `currentVersion`), not e.g. an illegal transition. */
export function isVersionConflict(error: unknown): boolean {
  const conflict = getConflict(error);
  return conflict !== null && conflict.currentVersion !== null;
}
