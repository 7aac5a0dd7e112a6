import { type ServiceCategoryCode, TIME_LIMIT_PRESETS } from '@linli/contracts';
import type { services } from '../db/schema/index.js';
import type { SeedNode } from './areas.js';
import { DEMO_SERVICES, type DemoServiceDef } from './catalogue-data.js';
import type { Rng } from './rng.js';

export { DEMO_SERVICES, type DemoServiceDef, type HandlerRule } from './catalogue-data.js';

type ServiceInsert = typeof services.$inferInsert;

/** Organisation name → id, from the seeded handler organisations. */
export type OrgIds = ReadonlyMap<string, string>;

export type DemoService = DemoServiceDef & { id: string; row: ServiceInsert };

/** The demo street's catalogue rows; the default organisation is the named one (none where it depends on the place). */
export function buildDemoCatalogue(rng: Rng, street: SeedNode, orgs: OrgIds): DemoService[] {
  const positions = new Map<ServiceCategoryCode, number>();
  return DEMO_SERVICES.map((def) => {
    const id = rng.uuid();
    const position = positions.get(def.category) ?? 0;
    positions.set(def.category, position + 1);
    const orgId = typeof def.handler === 'object' ? orgs.get(def.handler.org) : undefined;
    if (typeof def.handler === 'object' && !orgId) throw new Error(`demo catalogue: no organisation ${def.handler.org}`);
    const row: ServiceInsert = {
      id,
      districtId: street.districtId!,
      streetId: street.id,
      code: def.code,
      category: def.category,
      name: def.name,
      description: def.description,
      keywords: def.keywords,
      fields: def.fields ?? [],
      defaultHandlerOrgId: orgId ?? null,
      timeLimits: TIME_LIMIT_PRESETS[def.preset],
      emergency: def.emergency ?? false,
      position,
    };
    return { ...def, id, row };
  });
}
