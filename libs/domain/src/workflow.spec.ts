import { describe, it, expect } from 'vitest';
import {
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  IllegalTransitionError,
  TransitionReasonRequiredError,
  type ClaimStatus,
  allowedTransitions,
  assertTransition,
  canTransition,
  transitionRequiresReason,
  validateTransition,
} from './workflow';

const LEGAL: ReadonlyArray<[ClaimStatus, ClaimStatus, boolean]> = [
  ['NEW', 'IN_REVIEW', false],
  ['IN_REVIEW', 'NEEDS_ADJUDICATION', false],
  ['NEEDS_ADJUDICATION', 'VERIFIED', false],
  ['NEW', 'REJECTED', true],
  ['IN_REVIEW', 'REJECTED', true],
  ['VERIFIED', 'IN_REVIEW', true],
];
const isLegal = (from: ClaimStatus, to: ClaimStatus) =>
  LEGAL.some(([f, t]) => f === from && t === to);
const ILLEGAL: Array<[ClaimStatus, ClaimStatus]> = CLAIM_STATUSES.flatMap((from) =>
  CLAIM_STATUSES.filter((to) => !isLegal(from, to)).map((to): [ClaimStatus, ClaimStatus] => [
    from,
    to,
  ]),
);

describe('claim workflow', () => {
  it('has exactly the expected transition table', () => {
    expect(CLAIM_TRANSITIONS.map((t) => [t.from, t.to, t.requiresReason])).toEqual(LEGAL);
    expect(ILLEGAL).toHaveLength(25 - LEGAL.length);
  });

  it.each(LEGAL)('allows %s → %s', (from, to, needsReason) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
    expect(transitionRequiresReason(from, to)).toBe(needsReason);
  });

  it.each(ILLEGAL)('refuses %s → %s with a message naming both states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let caught: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const error = caught as IllegalTransitionError;
    expect(error.message).toContain(`Cannot move a claim from ${from} to ${to}`);
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(() => transitionRequiresReason(from, to)).toThrow(IllegalTransitionError);
  });

  it('writes the documented example message', () => {
    expect(() => assertTransition('VERIFIED', 'REJECTED')).toThrow(
      'Cannot move a claim from VERIFIED to REJECTED; from VERIFIED it can move to IN_REVIEW',
    );
    expect(() => assertTransition('REJECTED', 'NEW')).toThrow(
      'Cannot move a claim from REJECTED to NEW; REJECTED is final',
    );
    expect(() => assertTransition('NEW', 'NEW')).toThrow(/already in that state/);
  });

  it('lists allowed next states', () => {
    expect(allowedTransitions('NEW')).toEqual(['IN_REVIEW', 'REJECTED']);
    expect(allowedTransitions('IN_REVIEW')).toEqual(['NEEDS_ADJUDICATION', 'REJECTED']);
    expect(allowedTransitions('NEEDS_ADJUDICATION')).toEqual(['VERIFIED']);
    expect(allowedTransitions('VERIFIED')).toEqual(['IN_REVIEW']);
    expect(allowedTransitions('REJECTED')).toEqual([]);
  });

  it('validates reasons where required', () => {
    expect(validateTransition('NEW', 'IN_REVIEW').trigger).toBe('first reviewer assigned');
    expect(() => validateTransition('VERIFIED', 'IN_REVIEW')).toThrow(
      TransitionReasonRequiredError,
    );
    expect(() => validateTransition('VERIFIED', 'IN_REVIEW', '   ')).toThrow(
      'A reason is required to move a claim from VERIFIED to IN_REVIEW',
    );
    expect(validateTransition('VERIFIED', 'IN_REVIEW', 'New UN figure published').to).toBe(
      'IN_REVIEW',
    );
    expect(() => validateTransition('VERIFIED', 'REJECTED', 'duplicate')).toThrow(
      IllegalTransitionError,
    );
  });
});
