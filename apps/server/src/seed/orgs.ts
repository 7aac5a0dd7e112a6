import type { HandlerOrgKind } from '@linli/contracts';
import type { handlerOrgs } from '../db/schema/index.js';
import type { SeedAreas, SeedNode } from './areas.js';
import { makeLandline } from './ids.js';
import type { Rng } from './rng.js';

export type HandlerOrgInsert = typeof handlerOrgs.$inferInsert;

/**
 * Handler organisations (处置单位): a property company per compound, social organisations, the street's
 * legal service center and departments, a utility, and a volunteer team in each community.
 */
export function buildHandlerOrgs(rng: Rng, areas: SeedAreas) {
  const rows: HandlerOrgInsert[] = [];
  const org = (kind: HandlerOrgKind, name: string, area: SeedNode) => {
    const id = rng.uuid();
    rows.push({
      id,
      kind,
      name,
      phone: makeLandline(rng),
      areaId: area.id,
      districtId: area.districtId!,
      streetId: area.streetId!,
      communityId: area.communityId,
    });
    return id;
  };
  const [anping, lvyang] = areas.communities;
  const street = areas.street;
  org('legal_center', '竹西街道公益法律服务中心', street);
  org('street_dept', '城管科', street);
  org('street_dept', '社会事务科', street);
  org('social_org', '乐龄社会工作服务中心', street);
  org('utility', '竹西供电服务站', street);
  const lvyangProperty = org('property', '绿扬物业', lvyang!.node);
  org('property', '扬帆物业', lvyang!.node);
  org('property', '安平物业', anping!.node);
  org('property', '康居物业', anping!.node);
  org('property', '安康物业', anping!.node);
  org('social_org', '向阳花青少年服务社', lvyang!.node);
  const redButler = org('volunteer_team', '红管家志愿服务队', lvyang!.node);
  org('volunteer_team', '安平社区党员志愿服务队', anping!.node);
  return { rows, lvyangProperty, redButler };
}
