import type { Role } from '@linli/contracts';
import type { roleAssignments, users } from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import type { SeedHousehold } from './people.js';
import type { Rng } from './rng.js';

export type DemoUser = { username: string; role: Role; scopeName: string };
type UserInsert = typeof users.$inferInsert;
type AssignmentInsert = typeof roleAssignments.$inferInsert;

/** The fixed demo usernames, one per role, in the order they are printed. */
export const DEMO_USERNAMES = [
  'admin',
  'street',
  'anping-staff',
  'lvyang-staff',
  'lvyang-grid',
  'lvyang-leader',
  'property',
  'resident',
  'volunteer',
  'evaluator',
  'anping-party',
  'lvyang-party',
];

/** One demo user per role, with fixed usernames; all share one password hash. */
export function buildDemoUsers(
  rng: Rng,
  input: {
    areas: SeedAreas;
    households: readonly SeedHousehold[];
    orgs: { lvyangProperty: string; redButler: string };
    passwordHash: string;
  },
) {
  const { areas, households, orgs, passwordHash } = input;
  const [anping, lvyang] = areas.communities;
  const grid = lvyang!.grids[0]!;
  const building = lvyang!.buildings.find((b) => b.gridId === grid.id && households.some((h) => h.flat.building === b))!;
  const home = households.find((h) => h.flat.building === building && h.tenure === 'owner' && h.members[0]!.age >= 18)!;
  const resident = home.members[0]!;

  const userRows: UserInsert[] = [];
  const assignmentRows: AssignmentInsert[] = [];
  const summary: DemoUser[] = [];
  const add = (username: string, displayName: string, role: Role, scope: { areaId: string } | { orgId: string }, scopeName: string) => {
    const id = rng.uuid();
    userRows.push({ id, username, displayName, passwordHash, residentId: role === 'resident' ? resident.id : null });
    const areaId = 'areaId' in scope ? scope.areaId : null;
    assignmentRows.push({ id: rng.uuid(), userId: id, role, areaId, orgId: 'orgId' in scope ? scope.orgId : null });
    summary.push({ username, role, scopeName });
  };
  const compound = lvyang!.compounds.find((c) => c.id === building.compoundId)!;
  const buildingName = `${compound.name} ${building.name}`;
  add('admin', '系统管理员', 'system_admin', { areaId: areas.district.id }, areas.district.name);
  add('street', '周建华', 'street_supervisor', { areaId: areas.street.id }, areas.street.name);
  add('anping-staff', '李秀梅', 'community_staff', { areaId: anping!.node.id }, anping!.node.name);
  add('lvyang-staff', '陈静', 'community_admin', { areaId: lvyang!.node.id }, lvyang!.node.name);
  add('lvyang-grid', '刘洋', 'grid_worker', { areaId: grid.id }, `${lvyang!.node.name} ${grid.name}`);
  add('lvyang-leader', '王德明', 'building_leader', { areaId: building.id }, buildingName);
  add('property', '赵立新', 'handler_staff', { orgId: orgs.lvyangProperty }, '绿扬物业');
  add('resident', resident.name, 'resident', { areaId: building.id }, `${buildingName} ${home.flat.unitNo}单元${home.flat.flatNo}`);
  add('volunteer', '张红', 'volunteer', { orgId: orgs.redButler }, '红管家志愿服务队');
  add('evaluator', '吴敏', 'evaluator', { areaId: areas.street.id }, areas.street.name);
  // added last, so the ids of the users above stay as they were
  add('anping-party', '孙丽华', 'party_organiser', { areaId: anping!.node.id }, anping!.node.name);
  add('lvyang-party', '杨建国', 'party_organiser', { areaId: lvyang!.node.id }, lvyang!.node.name);
  return { userRows, assignmentRows, summary };
}
