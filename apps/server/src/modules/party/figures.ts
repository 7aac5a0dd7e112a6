import {
  type AgeBand,
  AgeBand as AgeBands,
  type Education,
  Education as Educations,
  type Employment,
  Employment as Employments,
  type PartyOrgFigures,
  type PartyOrgKind,
  ageBandOf,
  ageOn,
} from '@linli/contracts';

export type FigureMember = {
  orgId: string;
  birthDate: string | null;
  education: Education | null;
  standing: 'full' | 'probationary';
  registration: 'local' | 'reporting';
  employment: Employment;
};
export type FigurePost = { partyOrgId: string | null; held: boolean };
export type FigureOrg = { id: string; parentId: string | null; kind: PartyOrgKind; name: string; communityId: string };

const isUnder46 = (m: FigureMember, asOf: string) => m.birthDate !== null && ageOn(m.birthDate, asOf) < 46;

/**
 * The figures strip of a set of members and posts. Members are those registered here (the seeds' "195 members");
 * in-service members reporting to the community count apart, in `reporting`.
 */
export function stripOf(members: readonly FigureMember[], posts: readonly FigurePost[], asOf: string): PartyOrgFigures {
  const local = localOnly(members);
  return {
    members: local.length,
    probationary: local.filter((m) => m.standing === 'probationary').length,
    reporting: members.length - local.length,
    under46: local.filter((m) => isUnder46(m, asOf)).length,
    bachelor: local.filter((m) => m.education === 'bachelor').length,
    postgraduate: local.filter((m) => m.education === 'postgraduate').length,
    posts: posts.length,
    postsHeld: posts.filter((p) => p.held).length,
  };
}

/** The members registered here, without those reporting from elsewhere. */
export function localOnly(members: readonly FigureMember[]): FigureMember[] {
  return members.filter((m) => m.registration === 'local');
}

/** Each organisation's ancestors-or-self, nearest first. */
function lineages(orgs: readonly FigureOrg[]): Map<string, FigureOrg[]> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out = new Map<string, FigureOrg[]>();
  for (const o of orgs) {
    const line: FigureOrg[] = [];
    for (let cur: FigureOrg | undefined = o; cur && line.length < 10; cur = cur.parentId ? byId.get(cur.parentId) : undefined)
      line.push(cur);
    out.set(o.id, line);
  }
  return out;
}

/** The strip of every organisation over its whole subtree. */
export function subtreeStrips(
  orgs: readonly FigureOrg[],
  members: readonly FigureMember[],
  posts: readonly FigurePost[],
  asOf: string,
): Map<string, PartyOrgFigures> {
  const lines = lineages(orgs);
  const under = <T>(rows: readonly T[], orgOf: (r: T) => string | null) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      for (const o of lines.get(orgOf(r) ?? '') ?? []) {
        const list = m.get(o.id);
        if (list) list.push(r);
        else m.set(o.id, [r]);
      }
    }
    return m;
  };
  const ms = under(members, (m) => m.orgId);
  const ps = under(posts, (p) => p.partyOrgId);
  return new Map(orgs.map((o) => [o.id, stripOf(ms.get(o.id) ?? [], ps.get(o.id) ?? [], asOf)]));
}

/**
 * Members by branch: each member counts for the nearest branch at or above their organisation (a party group's
 * members count for its branch); members sitting directly in a committee count for it.
 */
export function byBranch(orgs: readonly FigureOrg[], members: readonly FigureMember[]) {
  const lines = lineages(orgs);
  const counts = new Map<string, number>();
  for (const m of members) {
    const line = lines.get(m.orgId) ?? [];
    const branch = line.find((o) => o.kind === 'branch') ?? line[0];
    if (branch) counts.set(branch.id, (counts.get(branch.id) ?? 0) + 1);
  }
  return orgs
    .filter((o) => counts.has(o.id))
    .map((o) => ({ orgId: o.id, name: o.name, communityId: o.communityId, count: counts.get(o.id)! }));
}

const tally = <K extends string>(keys: readonly K[], of: (k: K) => number) => keys.map((key) => ({ key, count: of(key) }));

export function byAgeBand(members: readonly FigureMember[], asOf: string): { key: AgeBand; count: number }[] {
  const bands = members.filter((m) => m.birthDate).map((m) => ageBandOf(ageOn(m.birthDate!, asOf)));
  return tally(AgeBands.options, (b) => bands.filter((x) => x === b).length);
}

export function byEducation(members: readonly FigureMember[]): { key: Education | 'unknown'; count: number }[] {
  return tally([...Educations.options, 'unknown' as const], (e) => members.filter((m) => (m.education ?? 'unknown') === e).length);
}

export function byEmployment(members: readonly FigureMember[]): { key: Employment; count: number }[] {
  return tally(Employments.options, (e) => members.filter((m) => m.employment === e).length);
}
