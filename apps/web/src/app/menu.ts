import type { Ability } from '@linli/contracts';
import type { MessageKey } from './i18n/translate';

export type MenuEntry = { key: string; path: string; labelKey: MessageKey; ability: Ability | null };

/** The console's navigation; an entry shows only when the user has its ability. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'overview', path: '/', labelKey: 'menu.overview', ability: null },
  { key: 'areas', path: '/areas', labelKey: 'menu.areas', ability: 'areas.read' },
  { key: 'orgs', path: '/orgs', labelKey: 'menu.orgs', ability: 'orgs.read' },
  { key: 'registry', path: '/registry', labelKey: 'menu.registry', ability: 'registry.read' },
  { key: 'map', path: '/map', labelKey: 'menu.map', ability: 'registry.read' },
  { key: 'today', path: '/today', labelKey: 'menu.today', ability: 'registry.read' },
  { key: 'visits', path: '/visits/overdue', labelKey: 'menu.visitsOverdue', ability: 'registry.read' },
  { key: 'programmes', path: '/programmes', labelKey: 'menu.programmes', ability: 'programmes.read' },
  { key: 'projects', path: '/projects', labelKey: 'menu.projects', ability: 'projects.read' },
  { key: 'evaluations', path: '/projects', labelKey: 'menu.evaluations', ability: 'projects.evaluate' },
  { key: 'ordersDesk', path: '/orders/desk', labelKey: 'menu.ordersDesk', ability: 'orders.desk' },
  { key: 'orders', path: '/orders', labelKey: 'menu.orders', ability: 'orders.read' },
  { key: 'ordersWorkbench', path: '/orders/workbench', labelKey: 'menu.ordersWorkbench', ability: 'orders.handle' },
  { key: 'orderNew', path: '/orders/new', labelKey: 'menu.orderNew', ability: 'orders.place' },
  { key: 'catalogue', path: '/catalogue', labelKey: 'menu.catalogue', ability: 'orders.read' },
  { key: 'dashboard', path: '/dashboard', labelKey: 'menu.dashboard', ability: 'reports.read' },
  { key: 'workReport', path: '/reports/work', labelKey: 'menu.workReport', ability: 'reports.read' },
  { key: 'figures', path: '/figures', labelKey: 'menu.figures', ability: 'figures.read' },
  { key: 'partyTree', path: '/party', labelKey: 'menu.partyTree', ability: 'party.read' },
  { key: 'partyMembers', path: '/party/members', labelKey: 'menu.partyMembers', ability: 'party.read' },
  { key: 'posts', path: '/party/posts', labelKey: 'menu.posts', ability: 'party.read' },
  { key: 'partyFigures', path: '/party/figures', labelKey: 'menu.partyFigures', ability: 'party.read' },
  { key: 'activities', path: '/volunteering', labelKey: 'menu.activities', ability: 'volunteers.read' },
  { key: 'volunteers', path: '/volunteering/volunteers', labelKey: 'menu.volunteers', ability: 'volunteers.read' },
  { key: 'volunteerHours', path: '/volunteering/hours', labelKey: 'menu.volunteerHours', ability: 'volunteers.write' },
  { key: 'volunteeringFigures', path: '/volunteering/figures', labelKey: 'menu.volunteeringFigures', ability: 'volunteers.read' },
  { key: 'users', path: '/users', labelKey: 'menu.users', ability: 'users.read' },
  { key: 'open311', path: '/integrations/open311', labelKey: 'menu.open311', ability: 'integrations.manage' },
  { key: 'webhooks', path: '/integrations/webhooks', labelKey: 'menu.webhooks', ability: 'integrations.manage' },
  { key: 'mediation', path: '/mediation', labelKey: 'menu.mediation', ability: 'mediation.use' },
  { key: 'compoundProperty', path: '/compounds/property', labelKey: 'menu.compoundProperty', ability: 'areas.read' },
  { key: 'legal', path: '/legal', labelKey: 'menu.legal', ability: 'legal.use' },
  { key: 'consultations', path: '/consultations', labelKey: 'menu.consultations', ability: 'consultations.manage' },
  { key: 'meetings', path: '/meetings', labelKey: 'menu.meetings', ability: 'meetings.read' },
  { key: 'surveys', path: '/surveys', labelKey: 'menu.surveys', ability: 'surveys.read' },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', ability: 'audit.read' },
];

export function visibleMenu(abilities: readonly Ability[], entries: readonly MenuEntry[] = MENU_ENTRIES): MenuEntry[] {
  return entries.filter((e) => e.ability === null || abilities.includes(e.ability));
}

/** The menu key for a location: the longest entry path that prefixes it. */
export function selectedMenuKey(pathname: string, entries: readonly MenuEntry[] = MENU_ENTRIES): string {
  const hits = entries.filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)));
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.key ?? 'overview';
}

const CONSOLE_ABILITIES: readonly Ability[] = ['areas.read', 'orgs.read', 'users.read', 'audit.read', 'registry.read'];

/** Residents and volunteers land on the portal; anyone with a console ability lands on the console. */
export function isConsoleUser(abilities: readonly Ability[]): boolean {
  return abilities.some((a) => CONSOLE_ABILITIES.includes(a));
}

export function landingPath(abilities: readonly Ability[]): '/' | '/portal' {
  return isConsoleUser(abilities) || !abilities.includes('portal.use') ? '/' : '/portal';
}
