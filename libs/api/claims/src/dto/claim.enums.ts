import { registerEnumType } from '@nestjs/graphql';
import {
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  type ClaimStatus as DomainClaimStatus,
  PRIORITIES,
  type Priority as DomainPriority,
} from '@corroborate/domain';

/** libs/domain's claim statuses as an enum object, for GraphQL and class-validator. */
export const ClaimStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, s])) as {
  readonly [K in DomainClaimStatus]: K;
};
export type ClaimStatus = DomainClaimStatus;
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  valuesMap: Object.fromEntries(
    CLAIM_STATUSES.map((s) => [s, { description: CLAIM_STATUS_LABELS[s] }]),
  ),
});

export const Priority = Object.fromEntries(PRIORITIES.map((p) => [p, p])) as {
  readonly [K in DomainPriority]: K;
};
export type Priority = DomainPriority;
registerEnumType(Priority, { name: 'Priority' });

export const CLAIM_SORTS = [
  'PRIORITY_DESC',
  'DUE_ASC',
  'CREATED_DESC',
  'CREATED_ASC',
  'UPDATED_DESC',
] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export const ClaimSort = Object.fromEntries(CLAIM_SORTS.map((s) => [s, s])) as {
  readonly [K in ClaimSort]: K;
};
registerEnumType(ClaimSort, {
  name: 'ClaimSort',
  valuesMap: {
    PRIORITY_DESC: { description: 'Most urgent first, then most recently updated.' },
    DUE_ASC: { description: 'Earliest due date first; claims without one last.' },
    CREATED_DESC: { description: 'Newest first.' },
    CREATED_ASC: { description: 'Oldest first.' },
    UPDATED_DESC: { description: 'Most recently updated first.' },
  },
});
