import { Role } from '@corroborate/api-core';

/**
 * The demo desk, built from the facts of an RFE/RL report on the Belarus protests of
 * 17 January 2021. Later capabilities extend it (claims, sources, evidence, assessments).
 */
export const DEMO_PROJECT = {
  name: 'Belarus protests, Jan 2021',
  description:
    'Claims from coverage of the 17 January 2021 marches against Alyaksandr Lukashenka: the disputed ' +
    'August 9 presidential vote, detentions, reports of torture, march counts and the Western response.',
  requiredReviews: 2,
} as const;

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Demo logins printed at startup. Demo only: never use these passwords for real accounts. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    role: Role.ADMIN,
    password: 'demo-admin-pass',
  },
  {
    email: 'editor@example.org',
    displayName: 'Elena Editor',
    role: Role.EDITOR,
    password: 'demo-editor-pass',
  },
  {
    email: 'reviewer@example.org',
    displayName: 'Ruslan Reviewer',
    role: Role.REVIEWER,
    password: 'demo-reviewer-pass',
  },
  {
    email: 'reviewer2@example.org',
    displayName: 'Rita Reviewer',
    role: Role.REVIEWER,
    password: 'demo-reviewer-pass',
  },
  {
    email: 'viewer@example.org',
    displayName: 'Viktor Viewer',
    role: Role.VIEWER,
    password: 'demo-viewer-pass',
  },
];
