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
  /** 党务工作者: keeps a community's party tree, members and posts */
  'party_organiser',
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
  party_organiser: { 'zh-CN': '党务工作者', en: 'Party organiser' },
};

/** The role that covers every area and organisation, whatever its assignment names. */
export const UNSCOPED_ROLE: Role = 'system_admin';

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
  /** read orders in scope (the desk, evaluators, grid workers, building leaders) */
  'orders.read',
  /** place an order for a resident (proxy, desk) */
  'orders.place',
  /** the supermarket desk: dispatch, transfer, suspend, merge, extensions */
  'orders.desk',
  /** handler organisation staff: accept, handle, return, request extensions */
  'orders.handle',
  'catalogue.write',
  'figures.read',
  /** Open311 API keys and webhooks */
  'integrations.manage',
  /** the party tree, members (personal data), posts and their figures in scope */
  'party.read',
  /** edit the tree and members, define posts, confirm, assign and end holdings */
  'party.write',
  /** 矛盾纠纷调解: open cases and act as a mediator (a case is read only by its mediators and the supervisors of its scope) */
  'mediation.use',
  /** the legal service center: record consultations and read them in scope */
  'legal.use',
  /** the work report and the governance dashboard of an area in scope */
  'reports.read',
  /** the volunteer registry, teams, hours and activity figures in scope */
  'volunteers.read',
  /** register volunteers, create and run activities, record and verify hours */
  'volunteers.write',
  /** 议事协商: open consultations, record in-person and paper votes, publish results in scope */
  'consultations.manage',
  /** 物业质量测评: open property surveys and record paper answers in scope */
  'surveys.manage',
  /** the property surveys' scores and rankings in scope (read only) */
  'surveys.read',
  /** 一老一小 care programmes: programmes, beneficiaries and the eligible not yet served, in scope */
  'programmes.read',
  /** create programmes, enrol beneficiaries, record sessions and attendance */
  'programmes.write',
  /** 居民代表会议、联席会议: read meetings, their minutes and decisions in scope */
  'meetings.read',
  /** call meetings, record attendance, minutes and decisions, turn decisions into orders, cases or tasks */
  'meetings.write',
  /** 政府购买服务 projects in scope; a provider's staff read their own organisation's */
  'projects.read',
  /** create projects, record milestones, KPIs and evidence, assign evaluators, reopen an evaluation */
  'projects.write',
  /** 第三方评估: score the projects one is assigned to (and see only those) */
  'projects.evaluate',
]);
export type Ability = z.infer<typeof Ability>;

/** What community staff do; a community admin does it too, and manages areas, users and the audit log. */
const COMMUNITY_WORK: Ability[] = [
  'areas.read',
  'orgs.read',
  'registry.read',
  'registry.write',
  'pii.reveal',
  'orders.read',
  'orders.place',
  'orders.desk',
  'figures.read',
  'party.read',
  'party.write',
  'volunteers.read',
  'volunteers.write',
  'reports.read',
  'mediation.use',
  'legal.use',
  'consultations.manage',
  'programmes.read',
  'programmes.write',
  'surveys.manage',
  'surveys.read',
  'projects.read',
  'projects.write',
  'meetings.read',
  'meetings.write',
];

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
    'orders.read',
    'orders.place',
    'orders.desk',
    'catalogue.write',
    'figures.read',
    'integrations.manage',
    'party.read',
    'party.write',
    'volunteers.read',
    'volunteers.write',
    'reports.read',
    'mediation.use',
    'legal.use',
    'consultations.manage',
    'programmes.read',
    'programmes.write',
    'surveys.read',
    'projects.read',
    'projects.write',
    'meetings.read',
    'meetings.write',
  ],
  community_admin: [...COMMUNITY_WORK, 'areas.write', 'users.read', 'users.write', 'audit.read'],
  community_staff: COMMUNITY_WORK,
  grid_worker: ['areas.read', 'registry.read', 'registry.write', 'orders.read', 'orders.place', 'programmes.read', 'meetings.read'],
  building_leader: ['areas.read', 'registry.read', 'orders.read', 'orders.place'],
  handler_staff: ['orgs.read', 'orders.handle', 'projects.read'],
  volunteer: ['portal.use'],
  resident: ['portal.use'],
  evaluator: [
    'areas.read',
    'orgs.read',
    'audit.read',
    'orders.read',
    'figures.read',
    'volunteers.read',
    'surveys.read',
    'projects.evaluate',
  ],
  party_organiser: ['areas.read', 'party.read', 'party.write', 'volunteers.read', 'volunteers.write'],
};

export function abilitiesOf(roles: readonly Role[]): Ability[] {
  const set = new Set<Ability>();
  for (const r of roles) for (const a of ROLE_ABILITIES[r]) set.add(a);
  return Ability.options.filter((a) => set.has(a));
}
