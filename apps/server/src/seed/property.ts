import type { compoundProperty } from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import type { HandlerOrgInsert } from './orgs.js';

/**
 * 物业管理 of the demo compounds: the company and its contract, or none (无物业小区, served by the community).
 * Anping's 竹西新村 and 金色花园 have no property company; 佳竹苑's company is the one its fee disputes are with.
 */
export const DEMO_PROPERTY: Record<string, { org: string; from: string; to: string } | null> = {
  鸿福家园: { org: '安平物业', from: '2024-07-01', to: '2028-06-30' },
  竹西新村: null,
  佳竹苑: { org: '康居物业', from: '2024-01-01', to: '2027-12-31' },
  金色花园: null,
  绿扬新苑东区: { org: '绿扬物业', from: '2023-01-01', to: '2028-12-31' },
  绿扬新苑西区: { org: '扬帆物业', from: '2025-01-01', to: '2027-12-31' },
};

/** One compound_property row per demo compound. */
export function demoCompoundProperty(areas: SeedAreas, orgs: readonly HandlerOrgInsert[]): (typeof compoundProperty.$inferInsert)[] {
  const orgId = new Map(orgs.map((o) => [o.name, o.id!]));
  return areas.communities.flatMap((c) =>
    c.compounds.map((compound) => {
      const p = DEMO_PROPERTY[compound.name] ?? null;
      return {
        compoundId: compound.id,
        districtId: compound.districtId!,
        streetId: compound.streetId!,
        communityId: compound.communityId!,
        orgId: p ? orgId.get(p.org)! : null,
        contractStart: p?.from ?? null,
        contractEnd: p?.to ?? null,
      };
    }),
  );
}
