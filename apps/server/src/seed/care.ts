import type { CareTag } from '@linli/contracts';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

const add = (tags: CareTag[], tag: CareTag) => {
  if (!tags.includes(tag)) tags.push(tag);
};

/** Per-person rates by age, before the community's care factor. */
function personRates(p: SeedPerson) {
  return {
    disabled: p.age < 60 ? 0.015 : p.age < 80 ? 0.05 : 0.1,
    serious_illness: p.age < 40 ? 0.002 : p.age < 65 ? 0.01 : 0.025,
    entitled: p.sex === 1 && p.age >= 45 ? 0.02 : 0.002,
  } satisfies Partial<Record<CareTag, number>>;
}

/**
 * Care tags with plausible rates: elderly-alone only for people of 60+ living alone, empty-nest for
 * households of elderly only, left-behind children with their grandparents, low income and extreme
 * poverty for registered owner households (more often when someone is disabled or seriously ill).
 */
export function tagCare(rng: Rng, households: readonly SeedHousehold[]): void {
  for (const h of households) {
    const f = h.community.plan.careFactor;
    const { members } = h;
    if (members.length === 1 && members[0]!.age >= 60) {
      add(h.tags, 'elderly_alone');
      add(members[0]!.tags, 'elderly_alone');
    } else if (members.length > 1 && members.every((m) => m.age >= 60)) {
      add(h.tags, 'empty_nest');
      for (const m of members) add(m.tags, 'empty_nest');
    }
    if (h.kind === 'single_parent') add(h.tags, 'single_parent');
    for (const m of members) {
      for (const [tag, rate] of Object.entries(personRates(m)) as [CareTag, number][]) if (rng.chance(rate * f)) add(m.tags, tag);
      if (h.kind === 'skip_generation' && (m.relation === '41' || m.relation === '42') && m.age < 16) add(m.tags, 'left_behind_child');
    }
    const local = members[0]!.residentType === 'registered' || members[0]!.residentType === 'away';
    if (h.tenure === 'owner' && local) {
      const vulnerable = members.some((m) => m.tags.includes('disabled') || m.tags.includes('serious_illness'));
      const alone = members.length === 1 && (members[0]!.age >= 60 || vulnerable);
      if (alone && rng.chance(0.06 * f)) add(h.tags, 'extremely_poor');
      else if (rng.chance((vulnerable ? 0.12 : 0.025) * f)) add(h.tags, 'low_income');
    }
    if (h.tags.includes('extremely_poor') || rng.chance(0.01 * f)) add(h.tags, 'key_care');
  }
}
