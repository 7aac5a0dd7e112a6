import type { SiteMapDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableSite } from '../access.js';
import { loadSiteMap } from '../site-view.js';

/** Every building of a community, compound or grid at a glance, laid out like the site. */
export async function getSiteMap({ ctx, input }: VerbArgs<{ areaId: string }>): Promise<SiteMapDto> {
  return loadSiteMap(ctx.db, ctx.actor, await readableSite(ctx, input.areaId));
}
