import { type Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { type StreetRef, canReadCatalogue, districtWideAssignment, homeStreetOf } from './policy.js';
import { type StreetRow, findStreet, firstStreet, orgStreetsOf } from './repo.js';

/** The street a catalogue request is about: the one asked for (404 unless readable) or the actor's own. */
export async function catalogueStreet(db: Db | Tx, actor: Actor, streetId: string | undefined): Promise<StreetRow> {
  const orgStreets = await orgStreetsOf(db, actor);
  const home = homeStreetOf(actor, orgStreets);
  const districtWide = districtWideAssignment(actor);
  const street = streetId
    ? await findStreet(db, streetId)
    : home
      ? await findStreet(db, home)
      : districtWide
        ? await firstStreet(db, districtWide.districtId)
        : undefined;
  return authorize(street, { see: (s) => canReadCatalogue(actor, s, orgStreets), entity: 'street' });
}

/** The street of a loaded service row, as the catalogue policies see it. */
export const streetOf = (row: { streetId: string; districtId: string }): StreetRef => ({ id: row.streetId, districtId: row.districtId });
