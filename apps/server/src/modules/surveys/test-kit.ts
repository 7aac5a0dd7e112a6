import { compoundProperty } from '../../db/schema/index.js';
import { type AreaRow, type TestApp, buildOrg } from '../../testing/index.js';
import { periodOf } from './period.js';

/** A property company serving `compound` (contract open-ended), as the property module records it. */
export async function servedBy(ctx: TestApp, compound: AreaRow) {
  const org = await buildOrg(ctx.t.db, compound);
  await ctx.t.db.insert(compoundProperty).values({
    compoundId: compound.id,
    districtId: compound.districtId!,
    streetId: compound.streetId!,
    communityId: compound.communityId!,
    orgId: org.id,
  });
  return org;
}

/** This quarter's survey of `compoundId`, open from an hour ago for an hour. */
export function surveyBody(compoundId: string, extra: Record<string, unknown> = {}) {
  return {
    compoundId,
    period: periodOf(new Date()),
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    ...extra,
  };
}

/** A full answer: every default rating question rated `n`. */
export const allRated = (n: number, extra: Record<string, unknown> = {}) => ({
  ratings: { cleaning: n, security: n, greening: n, repairs: n, attitude: n },
  ...extra,
});
