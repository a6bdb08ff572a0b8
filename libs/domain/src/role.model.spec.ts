import { describe, it, expect } from 'vitest';
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, isRole } from './role.model';

describe('roles', () => {
  it('has four roles, each with a label and a description', () => {
    expect(ROLES).toEqual(['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER']);
    for (const role of ROLES) {
      expect(ROLE_LABELS[role].length).toBeGreaterThan(0);
      expect(ROLE_DESCRIPTIONS[role].length).toBeGreaterThan(20);
    }
    expect(ROLE_DESCRIPTIONS.VIEWER).toMatch(/cannot change/);
    expect(ROLE_DESCRIPTIONS.EDITOR).toMatch(/adjudicates/);
    expect(isRole('EDITOR')).toBe(true);
    expect(isRole('editor')).toBe(false);
  });
});
