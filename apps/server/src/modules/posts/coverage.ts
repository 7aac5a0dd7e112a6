import { type CoverageDto, type HolderStatus, type PostKind, PostKind as PostKinds } from '@linli/contracts';

export type CoverageRows = {
  areas: { id: string; kind: string; name: string; code: string; compoundName: string | null; gridName: string | null }[];
  holdings: { areaId: string; kind: PostKind; status: HolderStatus; name: string }[];
  kinds: { kind: PostKind; status: HolderStatus | null; n: number }[];
};

/**
 * Who holds what and where. A grid or building is covered when some post on it is held (a claim waiting for
 * confirmation does not cover it yet); the rest are the uncovered ones the coverage page lists.
 */
export function coverageOf(rows: CoverageRows): Omit<CoverageDto, 'communityId'> {
  const onArea = new Map<string, CoverageRows['holdings']>();
  for (const h of rows.holdings) onArea.set(h.areaId, [...(onArea.get(h.areaId) ?? []), h]);
  const covered = (kind: string) =>
    rows.areas
      .filter((a) => a.kind === kind)
      .map((a) => {
        const holders = (onArea.get(a.id) ?? []).map(({ kind: k, name, status }) => ({ kind: k, name, status }));
        return {
          id: a.id,
          name: a.name,
          compoundName: a.compoundName,
          gridName: a.gridName,
          holders,
          covered: holders.some((h) => h.status === 'active'),
        };
      });
  const byKind = PostKinds.options
    .map((kind) => {
      const of = (status: HolderStatus | null) =>
        rows.kinds.filter((k) => k.kind === kind && k.status === status).reduce((s, k) => s + k.n, 0);
      return { kind, posts: of(null) + of('claimed') + of('active'), held: of('active'), claimed: of('claimed') };
    })
    .filter((k) => k.posts > 0);
  return { byKind, grids: covered('grid'), buildings: covered('building') };
}
