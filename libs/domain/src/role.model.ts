/** User roles (Corroborate product spec, "Users and roles"). */
export const ROLES = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Admin',
  EDITOR: 'Editor',
  REVIEWER: 'Reviewer',
  VIEWER: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  ADMIN: 'Everything, plus managing users and roles and configuring the organisation.',
  EDITOR:
    'Takes in and triages claims, assigns reviewers, adjudicates, verifies, reopens, rejects, merges duplicates and exports.',
  REVIEWER:
    'Works the claims assigned to them: adds and rates evidence, submits their own assessment, comments.',
  VIEWER: 'Reads verified claims and the queues; cannot change anything.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
