import { maskIdNumber, maskPhone } from '@linli/contracts';
import type { Pii } from '../core/pii.js';
import type { households, residents } from '../db/schema/index.js';
import type { SeedHousehold, SeedPerson } from './people.js';

type HouseholdInsert = typeof households.$inferInsert;
type ResidentInsert = typeof residents.$inferInsert;

export function householdRow(h: SeedHousehold): HouseholdInsert {
  const b = h.flat.building;
  return {
    id: h.id,
    flatId: h.flat.id,
    buildingId: b.id,
    gridId: b.gridId,
    compoundId: b.compoundId,
    communityId: b.communityId!,
    streetId: b.streetId!,
    districtId: b.districtId!,
    tenure: h.tenure,
    tags: h.tags,
  };
}

/** ID number and phone leave memory only encrypted, with the keyed hash and the last 4 characters. */
export function residentRow(p: SeedPerson, h: SeedHousehold, pii: Pii): ResidentInsert {
  const b = h.flat.building;
  return {
    id: p.id,
    householdId: h.id,
    communityId: b.communityId!,
    streetId: b.streetId!,
    districtId: b.districtId!,
    gridId: b.gridId,
    buildingId: b.id,
    name: p.name,
    nameInitials: p.nameInitials,
    idNumberEnc: pii.encrypt(p.idNumber),
    idNumberHash: pii.lookupHash(p.idNumber),
    idTail: p.idNumber.slice(-4),
    idMasked: maskIdNumber(p.idNumber),
    phoneEnc: p.phone ? pii.encrypt(p.phone) : null,
    phoneTail: p.phone ? p.phone.slice(-4) : null,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    sex: p.sex,
    birthDate: p.birthDate,
    relation: p.relation,
    political: p.political,
    ethnicity: p.ethnicity,
    residentType: p.residentType,
    tags: p.tags,
    partyOrgId: p.partyOrgId,
  };
}

export { insertBatches } from '../db/batch-insert.js';
