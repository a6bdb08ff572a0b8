import { CLAIM_FIELD_NAMES, type ClaimFieldName, type ClaimFieldValues } from '@corroborate/web-ui';

function sameValue(a: ClaimFieldValues[ClaimFieldName], b: ClaimFieldValues[ClaimFieldName]) {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

/**
 * Three-way merge of an open edit onto the latest claim: fields the person changed keep their
 * input, fields they did not touch take the latest values.
 */
export function rebaseClaimValues(
  typed: ClaimFieldValues,
  base: ClaimFieldValues,
  latest: ClaimFieldValues,
): ClaimFieldValues {
  const merged = { ...typed };
  for (const name of CLAIM_FIELD_NAMES) {
    if (sameValue(typed[name], base[name])) Object.assign(merged, { [name]: latest[name] });
  }
  return merged;
}
