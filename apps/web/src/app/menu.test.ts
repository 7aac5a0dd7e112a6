import { ROLE_ABILITIES } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { landingPath, selectedMenuKey, visibleMenu } from './menu';

const keys = (abilities: Parameters<typeof visibleMenu>[0]) => visibleMenu(abilities).map((e) => e.key);

describe('visibleMenu', () => {
  it('shows only the overview without abilities', () => {
    expect(keys([])).toEqual(['overview']);
  });

  it('shows every entry to a system admin', () => {
    expect(keys(ROLE_ABILITIES.system_admin)).toEqual([
      'overview',
      'areas',
      'orgs',
      'registry',
      'map',
      'today',
      'visits',
      'programmes',
      'projects',
      'evaluations',
      'ordersDesk',
      'orders',
      'ordersWorkbench',
      'orderNew',
      'catalogue',
      'dashboard',
      'workReport',
      'figures',
      'partyTree',
      'partyMembers',
      'posts',
      'partyFigures',
      'activities',
      'volunteers',
      'volunteerHours',
      'volunteeringFigures',
      'users',
      'open311',
      'webhooks',
      'mediation',
      'compoundProperty',
      'legal',
      'consultations',
      'meetings',
      'surveys',
      'audit',
    ]);
  });

  it('follows the abilities of each role', () => {
    expect(keys(ROLE_ABILITIES.community_staff)).toEqual([
      'overview',
      'areas',
      'orgs',
      'registry',
      'map',
      'today',
      'visits',
      'programmes',
      'projects',
      'ordersDesk',
      'orders',
      'orderNew',
      'catalogue',
      'dashboard',
      'workReport',
      'figures',
      'partyTree',
      'partyMembers',
      'posts',
      'partyFigures',
      'activities',
      'volunteers',
      'volunteerHours',
      'volunteeringFigures',
      'mediation',
      'compoundProperty',
      'legal',
      'consultations',
      'meetings',
      'surveys',
    ]);
    expect(keys(ROLE_ABILITIES.party_organiser)).toEqual([
      'overview',
      'areas',
      'partyTree',
      'partyMembers',
      'posts',
      'partyFigures',
      'activities',
      'volunteers',
      'volunteerHours',
      'volunteeringFigures',
      'compoundProperty',
    ]);
    expect(keys(ROLE_ABILITIES.handler_staff)).toEqual(['overview', 'orgs', 'projects', 'ordersWorkbench']);
    expect(keys(ROLE_ABILITIES.grid_worker)).toEqual([
      'overview',
      'areas',
      'registry',
      'map',
      'today',
      'visits',
      'programmes',
      'orders',
      'orderNew',
      'catalogue',
      'compoundProperty',
      'meetings',
    ]);
    expect(keys(ROLE_ABILITIES.evaluator)).toEqual([
      'overview',
      'areas',
      'orgs',
      'evaluations',
      'orders',
      'catalogue',
      'figures',
      'activities',
      'volunteers',
      'volunteeringFigures',
      'compoundProperty',
      'surveys',
      'audit',
    ]);
  });
});

describe('selectedMenuKey', () => {
  it('matches the longest path prefix', () => {
    expect(selectedMenuKey('/')).toBe('overview');
    expect(selectedMenuKey('/areas')).toBe('areas');
    expect(selectedMenuKey('/users/123')).toBe('users');
    expect(selectedMenuKey('/registry/new')).toBe('registry');
    expect(selectedMenuKey('/visits/overdue')).toBe('visits');
    expect(selectedMenuKey('/today')).toBe('today');
    expect(selectedMenuKey('/orders/desk')).toBe('ordersDesk');
    expect(selectedMenuKey('/orders/0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b')).toBe('orders');
    expect(selectedMenuKey('/integrations/open311')).toBe('open311');
    expect(selectedMenuKey('/integrations/webhooks')).toBe('webhooks');
    expect(selectedMenuKey('/catalogue')).toBe('catalogue');
    expect(selectedMenuKey('/map/buildings/1')).toBe('map');
    expect(selectedMenuKey('/areasx')).toBe('overview');
  });
});

describe('landingPath', () => {
  it('sends residents and volunteers to the portal and staff to the console', () => {
    expect(landingPath(ROLE_ABILITIES.resident)).toBe('/portal');
    expect(landingPath(ROLE_ABILITIES.volunteer)).toBe('/portal');
    expect(landingPath(ROLE_ABILITIES.grid_worker)).toBe('/');
    expect(landingPath(ROLE_ABILITIES.system_admin)).toBe('/');
  });
});
