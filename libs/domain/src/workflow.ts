/**
 * Claim workflow (Corroborate product spec, "Workflow"):
 *
 *   NEW ──(first reviewer assigned)──▶ IN_REVIEW ──(required assessments submitted)──▶
 *   NEEDS_ADJUDICATION ──(adjudicated)──▶ VERIFIED ──(reopen, reason)──▶ IN_REVIEW
 *   NEW / IN_REVIEW ──(not check-worthy, or merged as duplicate; reason)──▶ REJECTED
 *
 * Any other move, including staying in the same state, is refused.
 */
export const CLAIM_STATUSES = [
  'NEW',
  'IN_REVIEW',
  'NEEDS_ADJUDICATION',
  'VERIFIED',
  'REJECTED',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  NEW: 'New',
  IN_REVIEW: 'In review',
  NEEDS_ADJUDICATION: 'Needs adjudication',
  VERIFIED: 'Verified',
  REJECTED: 'Rejected',
};

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value);
}

export interface ClaimTransition {
  readonly from: ClaimStatus;
  readonly to: ClaimStatus;
  /** What causes the move, for documentation and audit messages. */
  readonly trigger: string;
  /** Whether the user must give a reason, recorded in the audit history. */
  readonly requiresReason: boolean;
}

/**
 * The complete transition table.
 *
 * Reasons: reopening a verified claim needs a reason (spec, "Adjudication"/"History").
 * Rejection also needs one: it is terminal, and the spec distinguishes "not check-worthy" from
 * "a duplicate merged into another claim", which only a reason records.
 *
 * Exactly the moves PRODUCT.md draws, and no others ("any other transition is refused"). In
 * particular NEEDS_ADJUDICATION → IN_REVIEW does not exist: an editor facing a claim that needs more
 * review adjudicates or, once verified, reopens it with a reason.
 */
export const CLAIM_TRANSITIONS: readonly ClaimTransition[] = [
  { from: 'NEW', to: 'IN_REVIEW', trigger: 'first reviewer assigned', requiresReason: false },
  {
    from: 'IN_REVIEW',
    to: 'NEEDS_ADJUDICATION',
    trigger: 'required assessments submitted',
    requiresReason: false,
  },
  { from: 'NEEDS_ADJUDICATION', to: 'VERIFIED', trigger: 'adjudicated', requiresReason: false },
  {
    from: 'NEW',
    to: 'REJECTED',
    trigger: 'not check-worthy or merged as duplicate',
    requiresReason: true,
  },
  {
    from: 'IN_REVIEW',
    to: 'REJECTED',
    trigger: 'not check-worthy or merged as duplicate',
    requiresReason: true,
  },
  { from: 'VERIFIED', to: 'IN_REVIEW', trigger: 'reopened', requiresReason: true },
];

function findTransition(from: ClaimStatus, to: ClaimStatus): ClaimTransition | undefined {
  return CLAIM_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Thrown by {@link assertTransition} for a move the workflow does not allow. */
export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly from: ClaimStatus,
    readonly to: ClaimStatus,
  ) {
    const allowed = allowedTransitions(from);
    super(
      `Cannot move a claim from ${from} to ${to}` +
        (from === to ? ' (it is already in that state)' : '') +
        (allowed.length > 0
          ? `; from ${from} it can move to ${allowed.join(', ')}`
          : `; ${from} is final`),
    );
    this.name = 'IllegalTransitionError';
  }
}

/** Whether a claim may move from `from` to `to`. */
export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return findTransition(from, to) !== undefined;
}

/** Throws {@link IllegalTransitionError} unless the move is allowed. */
export function assertTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** The states a claim in `from` may move to, in table order. */
export function allowedTransitions(from: ClaimStatus): ClaimStatus[] {
  return CLAIM_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/**
 * Whether the move needs a reason. Throws {@link IllegalTransitionError} for a move that is not
 * allowed at all, so callers cannot mistake "illegal" for "no reason needed".
 */
export function transitionRequiresReason(from: ClaimStatus, to: ClaimStatus): boolean {
  const transition = findTransition(from, to);
  if (transition === undefined) throw new IllegalTransitionError(from, to);
  return transition.requiresReason;
}

/** Thrown when a transition that requires a reason is attempted without one. */
export class TransitionReasonRequiredError extends Error {
  readonly code = 'REASON_REQUIRED';
  constructor(
    readonly from: ClaimStatus,
    readonly to: ClaimStatus,
  ) {
    super(`A reason is required to move a claim from ${from} to ${to}`);
    this.name = 'TransitionReasonRequiredError';
  }
}

/**
 * Full check for a requested move: legal, and carrying a non-blank reason when one is required.
 * Returns the matching table row.
 */
export function validateTransition(
  from: ClaimStatus,
  to: ClaimStatus,
  reason?: string | null,
): ClaimTransition {
  const transition = findTransition(from, to);
  if (transition === undefined) throw new IllegalTransitionError(from, to);
  if (
    transition.requiresReason &&
    (reason === undefined || reason === null || reason.trim() === '')
  ) {
    throw new TransitionReasonRequiredError(from, to);
  }
  return transition;
}
