import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, isRole, type Role } from '@corroborate/domain';

export { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, isRole };

/** Badge colours; all pass WCAG AA with the theme's light-variant text colours. */
export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  ADMIN: 'red',
  EDITOR: 'indigo',
  REVIEWER: 'teal',
  VIEWER: 'gray',
};

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/** Roles that may create and edit projects. */
export const PROJECT_WRITE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];

/** Roles that may manage users. */
export const ADMIN_ROLES: readonly Role[] = ['ADMIN'];

/** Roles that may take in, edit and reject claims. */
export const CLAIM_WRITE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];

/** Roles that may add, edit, retract and capture evidence. */
export const EVIDENCE_WRITE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'REVIEWER'];

/** Roles that may add sources to the registry and correct their details. */
export const SOURCE_WRITE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'REVIEWER'];

/** Roles that may change a source's reliability grade. */
export const SOURCE_REGRADE_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];
