import type { CatalogueDto, CatalogueQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { catalogueStreet } from '../access.js';
import { canEditCatalogue } from '../policy.js';
import { presentCatalogue } from '../presenter.js';
import { listStreetServices } from '../repo.js';

/** The catalogue of the actor's street (or `streetId` for district-level users), grouped by the six categories. */
export async function getCatalogue({ ctx, input }: VerbArgs<CatalogueQuery>): Promise<CatalogueDto> {
  const street = await catalogueStreet(ctx.db, ctx.actor, input.streetId);
  const canEdit = canEditCatalogue(ctx.actor, street);
  const rows = await listStreetServices(ctx.db, street.id, canEdit);
  return presentCatalogue(street, rows, canEdit, ctx.locale);
}
