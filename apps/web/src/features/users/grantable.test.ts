import { describe, expect, it } from 'vitest';
import { grantableRoles } from './grantable';

describe('grantableRoles', () => {
  it('offers a community admin neither system admin, street supervisor nor evaluator', () => {
    const roles = grantableRoles(['community_admin']);
    expect(roles).not.toContain('system_admin');
    expect(roles).not.toContain('street_supervisor');
    expect(roles).not.toContain('evaluator');
    expect(roles).toContain('grid_worker');
  });

  it('offers system admin only to a system admin', () => {
    expect(grantableRoles(['street_supervisor'])).not.toContain('system_admin');
    expect(grantableRoles(['system_admin'])).toContain('system_admin');
  });

  it('keeps roles the edited user already holds', () => {
    expect(grantableRoles(['community_admin'], ['evaluator'])).toContain('evaluator');
    expect(grantableRoles(['grid_worker'])).toEqual([]);
  });
});
