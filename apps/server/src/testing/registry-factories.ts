import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { idCheckChar, maskIdNumber, maskPhone } from '@linli/contracts';
import { pinyin } from 'pinyin-pro';
import { createPii, loadPiiKeys } from '../core/pii.js';
import type { Db } from '../db/pool.js';
import { flats, households, residents } from '../db/schema/index.js';
import type { AreaRow } from './factories.js';

/** The PII keys of every test app (useTestApp) and factory. */
export const testPii = createPii(loadPiiKeys({ secretKey: 'linli test secret', dataDir: os.tmpdir() }));

let seq = 0;
const next = () => ++seq;

/** A valid GB 11643 ID number born on `birthDate` (odd sequence = male), unique per call. */
export function makeTestId(birthDate = '1980-05-17', sex: 1 | 2 = 1, area = '321003'): string {
  const n = next();
  const order = String((n % 50) * 2 + (sex === 1 ? 1 : 0))
    .padStart(2, '0')
    .slice(-2);
  const body = `${area}${birthDate.replaceAll('-', '')}${String(Math.floor(n / 50) % 10)}${order}`;
  return body + idCheckChar(body);
}

/** A flat in `building` (a fresh flat number each call unless given). */
export async function buildFlat(db: Db, building: AreaRow, over: Partial<{ unitNo: number; floorNo: number; flatNo: string }> = {}) {
  const n = next();
  const floorNo = over.floorNo ?? (n % 30) + 1;
  const [row] = await db
    .insert(flats)
    .values({
      buildingId: building.id,
      communityId: building.communityId!,
      streetId: building.streetId!,
      districtId: building.districtId!,
      gridId: building.gridId,
      unitNo: over.unitNo ?? 1,
      floorNo,
      flatNo: over.flatNo ?? `${floorNo}${String(n).padStart(3, '0')}`,
      position: n % 100,
    })
    .returning();
  return row!;
}

export type ResidentOver = Partial<{
  name: string;
  idNumber: string | null;
  phone: string | null;
  sex: 1 | 2;
  birthDate: string;
  relation: string;
  political: string;
  residentType: 'registered' | 'floating' | 'away' | 'overseas';
  status: 'active' | 'moved_out' | 'deceased';
  tags: string[];
}>;

/** A resident of `household`, its ID number and phone encrypted with testPii like the registry stores them. */
export async function buildResident(db: Db, household: typeof households.$inferSelect, over: ResidentOver = {}) {
  const sex = over.sex ?? 1;
  const birthDate = over.birthDate ?? '1980-05-17';
  const idNumber = over.idNumber === undefined ? makeTestId(birthDate, sex) : over.idNumber;
  const phone = over.phone === undefined ? `139${String(next()).padStart(8, '0')}` : over.phone;
  const name = over.name ?? `张${'三四五六七'[next() % 5]}`;
  const [row] = await db
    .insert(residents)
    .values({
      householdId: household.id,
      districtId: household.districtId,
      streetId: household.streetId,
      communityId: household.communityId,
      gridId: household.gridId,
      buildingId: household.buildingId,
      name,
      nameInitials: pinyin(name, { pattern: 'first', toneType: 'none', separator: '', surname: 'head' }).toLowerCase(),
      idNumberEnc: idNumber ? testPii.encrypt(idNumber) : null,
      idNumberHash: idNumber ? testPii.lookupHash(idNumber) : null,
      idTail: idNumber ? idNumber.slice(-4) : null,
      idMasked: idNumber ? maskIdNumber(idNumber) : null,
      phoneEnc: phone ? testPii.encrypt(phone) : null,
      phoneTail: phone ? phone.slice(-4) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      sex,
      birthDate,
      relation: over.relation ?? '02',
      political: over.political ?? '13',
      residentType: over.residentType ?? 'registered',
      status: over.status ?? 'active',
      tags: over.tags ?? [],
    })
    .returning();
  return { ...row!, idNumber, phone };
}

/** A household in a new flat of `building` (or the given flat), with a head unless `members` is 0. */
export async function buildHousehold(
  db: Db,
  building: AreaRow,
  over: Partial<{ flatId: string; tenure: string; tags: string[]; head: ResidentOver; members: number }> = {},
) {
  const flatId = over.flatId ?? (await buildFlat(db, building)).id;
  const [household] = await db
    .insert(households)
    .values({
      id: randomUUID(),
      flatId,
      buildingId: building.id,
      gridId: building.gridId,
      compoundId: building.compoundId,
      communityId: building.communityId!,
      streetId: building.streetId!,
      districtId: building.districtId!,
      tenure: over.tenure ?? 'owner',
      tags: over.tags ?? [],
    })
    .returning();
  const members = [];
  for (let i = 0; i < (over.members ?? 1); i++)
    members.push(await buildResident(db, household!, i === 0 ? { relation: '02', ...over.head } : { relation: '10', sex: 2 }));
  return { ...household!, members };
}
