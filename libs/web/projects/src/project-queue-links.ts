/** Claim statuses still being worked. */
export const OPEN_STATUSES = ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION'] as const;

/** The queue of one project's claims, of the given statuses (all when none). */
export function queueOf(projectId: string, statuses: readonly string[] = []): string {
  return `/queue?${new URLSearchParams([
    ['project', projectId],
    ...statuses.map((status): [string, string] => ['status', status]),
  ]).toString()}`;
}

/** The number of verified claims among a project's per-status counts. */
export function verifiedOf(statuses: readonly { value: string; count: number }[]): number {
  return statuses.find((s) => s.value === 'VERIFIED')?.count ?? 0;
}
