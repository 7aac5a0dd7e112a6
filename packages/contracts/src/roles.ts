import { z } from 'zod';

/** Roles of DOMAIN.md; every assignment is scoped to an area node or a handler organisation. */
export const Role = z.enum([
  'system_admin',
  'street_supervisor',
  'community_admin',
  'community_staff',
  'grid_worker',
  'building_leader',
  'handler_staff',
  'volunteer',
  'resident',
  'evaluator',
]);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; en: string }> = {
  system_admin: { 'zh-CN': '系统管理员', en: 'System admin' },
  street_supervisor: { 'zh-CN': '街道', en: 'Street supervisor' },
  community_admin: { 'zh-CN': '社区管理员', en: 'Community admin' },
  community_staff: { 'zh-CN': '社区工作者', en: 'Community staff' },
  grid_worker: { 'zh-CN': '网格员', en: 'Grid worker' },
  building_leader: { 'zh-CN': '楼长', en: 'Building leader' },
  handler_staff: { 'zh-CN': '处置单位人员', en: 'Handler staff' },
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
  resident: { 'zh-CN': '居民', en: 'Resident' },
  evaluator: { 'zh-CN': '第三方评估', en: 'Evaluator' },
};

/** Roles whose scope is a handler organisation rather than an area node. */
export const ORG_SCOPED_ROLES: readonly Role[] = ['handler_staff', 'volunteer'];

/** What a user may do; the web shows navigation and buttons from these, never from roles. */
export const Ability = z.enum([
  'areas.read',
  'areas.write',
  'orgs.read',
  'orgs.write',
  'users.read',
  'users.write',
  'audit.read',
  'registry.read',
  'registry.write',
  'pii.reveal',
  'portal.use',
]);
export type Ability = z.infer<typeof Ability>;

export const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
  system_admin: Ability.options,
  street_supervisor: [
    'areas.read',
    'areas.write',
    'orgs.read',
    'orgs.write',
    'users.read',
    'users.write',
    'audit.read',
    'registry.read',
    'pii.reveal',
  ],
  community_admin: [
    'areas.read',
    'areas.write',
    'orgs.read',
    'users.read',
    'users.write',
    'audit.read',
    'registry.read',
    'registry.write',
    'pii.reveal',
  ],
  community_staff: ['areas.read', 'orgs.read', 'registry.read', 'registry.write', 'pii.reveal'],
  grid_worker: ['areas.read', 'registry.read', 'registry.write'],
  building_leader: ['areas.read', 'registry.read'],
  handler_staff: ['orgs.read'],
  volunteer: ['portal.use'],
  resident: ['portal.use'],
  evaluator: ['areas.read', 'orgs.read', 'audit.read'],
};

export function abilitiesOf(roles: readonly Role[]): Ability[] {
  const set = new Set<Ability>();
  for (const r of roles) for (const a of ROLE_ABILITIES[r]) set.add(a);
  return Ability.options.filter((a) => set.has(a));
}
