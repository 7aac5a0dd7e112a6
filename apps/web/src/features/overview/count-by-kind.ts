import { AreaKind, type AreaNodeDto } from '@linli/contracts';

/** How many nodes of each kind, in tree order, leaving out kinds that do not occur. */
export function countByKind(nodes: readonly Pick<AreaNodeDto, 'kind'>[]): { kind: AreaKind; count: number }[] {
  return AreaKind.options.map((kind) => ({ kind, count: nodes.filter((n) => n.kind === kind).length })).filter((c) => c.count > 0);
}
