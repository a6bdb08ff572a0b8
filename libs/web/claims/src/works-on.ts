import type { ClaimQuery } from '@corroborate/graphql';
import { useCurrentUser } from '@corroborate/web-ui';

/**
 * Whether the signed-in user works this claim: admins and editors work every claim, reviewers
 * those assigned to them (open or submitted), viewers none. The server applies the same rule.
 */
export function useWorksOnClaim(claim: Pick<ClaimQuery['claim'], 'assignments'>): boolean {
  const me = useCurrentUser();
  if (me.role === 'ADMIN' || me.role === 'EDITOR') return true;
  if (me.role !== 'REVIEWER') return false;
  return claim.assignments.some(
    (a) => a.reviewer.id === me.id && (a.status === 'OPEN' || a.status === 'SUBMITTED'),
  );
}
