import { isoToUtcDate } from '@corroborate/web-ui';

export interface QuantityLike {
  min: number;
  max?: number | null;
  unit: string;
  asOf?: string | null;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * "≥ 30,000 people as of 2021-01-17", "30 marches", "25,000–30,000 people".
 * A null max is open-ended ("more than").
 */
export function formatQuantity(quantity: QuantityLike): string {
  const { min, max, unit, asOf } = quantity;
  let value: string;
  if (max === null || max === undefined) value = `≥ ${numberFormat.format(min)}`;
  else if (max === min) value = numberFormat.format(min);
  else value = `${numberFormat.format(min)}–${numberFormat.format(max)}`;
  const when = asOf !== null && asOf !== undefined ? ` as of ${isoToUtcDate(asOf)}` : '';
  return `${value} ${unit}${when}`;
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
