import type { AreaKind } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers } from '../../core/actor.js';
import type { LevelKey } from './providers/types.js';

/** The areas a work report is made for, each with its level and the level of the areas it compares. */
export const REPORT_LEVELS: Partial<Record<AreaKind, { level: LevelKey; child: { kind: AreaKind; level: LevelKey } | null }>> = {
  district: { level: 'districtId', child: { kind: 'street', level: 'streetId' } },
  street: { level: 'streetId', child: { kind: 'community', level: 'communityId' } },
  community: { level: 'communityId', child: { kind: 'grid', level: 'gridId' } },
  grid: { level: 'gridId', child: null },
};

/** A report of an area is for those whose `reports.read` assignment covers the whole area (else 404). */
export function canReadReport(actor: Actor, area: ScopedRow): boolean {
  return assignmentsWith(actor, 'reports.read').some((a) => covers(a, area));
}
