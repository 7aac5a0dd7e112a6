import { Role } from '@linli/contracts';

const NOT_BY_COMMUNITY_ADMIN: readonly Role[] = ['system_admin', 'street_supervisor', 'evaluator'];

/**
 * Roles worth offering in the user form, following the grant rules of the users API; the server still decides.
 * Roles the edited user already holds stay in the list so the form can show them.
 */
export function grantableRoles(myRoles: readonly Role[], held: readonly Role[] = []): Role[] {
  const offered = (r: Role) => {
    if (myRoles.includes('system_admin')) return true;
    if (myRoles.includes('street_supervisor')) return r !== 'system_admin';
    if (myRoles.includes('community_admin')) return !NOT_BY_COMMUNITY_ADMIN.includes(r);
    return false;
  };
  return Role.options.filter((r) => offered(r) || held.includes(r));
}
