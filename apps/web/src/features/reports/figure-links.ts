import type { Ability, ReportArea, ReportKey } from '@linli/contracts';
import { MENU_ENTRIES, selectedMenuKey } from '../../app/menu';

const q = (path: string, params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return s ? `${path}?${s}` : path;
};

/**
 * The list behind a figure (or one of its parts), narrowed to the area where the list can be; null where no list
 * exists yet (visits are listed per household only).
 */
export function figureLink(key: ReportKey, area: ReportArea, part?: string): string | null {
  const areaId = area.id;
  const community = area.kind === 'community' ? area.id : undefined;
  switch (key) {
    case 'residents':
      return q('/registry', { areaId });
    case 'floating':
      return q('/registry', { areaId, residentType: 'floating' });
    case 'households':
      return q('/registry', { tab: 'households', areaId });
    case 'careTagged':
      return q('/registry', { areaId, tags: part });
    case 'buildingsMapped':
      return '/map';
    case 'partyBranches':
      return q('/party', { communityId: community });
    case 'partyMembers':
      return q('/party/members', { communityId: community });
    case 'orders':
      return q('/orders', { serviceId: part });
    case 'visitsOverdue':
      return '/visits/overdue';
    case 'activities':
    case 'peopleServed':
      return '/volunteering';
    case 'volunteers':
    case 'volunteerHours':
      return '/volunteering/volunteers';
    case 'mediations':
      return '/mediation';
    default:
      return null;
  }
}

/** True when the console would let the user open `path`: the menu entry it falls under asks for an ability they have. */
export function canOpen(path: string, abilities: readonly Ability[]): boolean {
  const key = selectedMenuKey(path.split('?')[0]!);
  const ability = MENU_ENTRIES.find((e) => e.key === key)?.ability ?? null;
  return ability === null || abilities.includes(ability);
}
