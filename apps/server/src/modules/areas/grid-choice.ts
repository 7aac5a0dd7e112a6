import type { AreaKind, FieldIssue, Locale, Text } from '@linli/contracts';
import type { Tx } from '../../db/pool.js';
import { AREA_MESSAGES } from './messages.js';
import { lockNode } from './repo.js';

/** The problem with a grid choice, or null: buildings need a grid of their own community; other kinds name none. */
export async function gridIssue(
  tx: Tx,
  kind: AreaKind,
  communityId: string | null,
  gridId: string | null | undefined,
  locale: Locale,
): Promise<FieldIssue | null> {
  const issue = (m: Text): FieldIssue => ({ path: 'gridId', message: m[locale] });
  if (kind !== 'building') return gridId ? issue(AREA_MESSAGES.gridOnlyForBuildings()) : null;
  if (!gridId) return issue(AREA_MESSAGES.gridRequired());
  const grid = await lockNode(tx, gridId, 'share');
  return grid?.kind === 'grid' && grid.communityId === communityId ? null : issue(AREA_MESSAGES.gridElsewhere());
}
