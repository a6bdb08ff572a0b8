/**
 * Date-only form fields (`<input type="date">`, "YYYY-MM-DD") and the API's
 * UTC date-times.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isDateInputValue(value: string): boolean {
  return DATE_ONLY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime());
}

/**
 * A calendar date as a date-time for storage: 12:00 UTC, so it shows as the
 * same calendar date in every time zone within ±12 hours. Empty → null.
 */
export function dateInputToIso(value: string): string | null {
  if (!isDateInputValue(value)) return null;
  return `${value}T12:00:00.000Z`;
}

/** The start (00:00) or end (23:59:59.999) of a local calendar day, for range filters and due dates. */
export function dateInputToLocalIso(value: string, edge: 'start' | 'end'): string | null {
  if (!isDateInputValue(value)) return null;
  const date = new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return date.toISOString();
}

/** The local calendar date of a date-time, "YYYY-MM-DD", for a date input; "" for none. */
export function isoToDateInput(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The UTC calendar date of a date-time, "YYYY-MM-DD" (e.g. for "as of 2021-01-17"). */
export function isoToUtcDate(value: string): string {
  return value.slice(0, 10);
}
