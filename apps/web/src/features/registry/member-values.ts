import { HEAD_RELATIONS, type ResidentDto, type ResidentInput, type SexCode } from '@linli/contracts';

/** What a member form holds: strings as typed, dates as ISO strings, optional fields possibly empty. */
export type MemberValues = {
  name?: string;
  idNumber?: string;
  sex?: SexCode;
  birthDate?: string;
  relation?: string;
  political?: string;
  ethnicity?: string;
  residentType?: ResidentInput['residentType'];
  phone?: string;
  tags?: string[];
  volunteer?: boolean;
  note?: string;
};

export const NEW_MEMBER: MemberValues = { political: '13', ethnicity: '01', residentType: 'registered', tags: [], volunteer: false };

const text = (v?: string) => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** A member for the API: trimmed, empty optional fields left out (an empty ID or phone on an edit keeps the stored one). */
export function toResidentInput(v: MemberValues): ResidentInput {
  return {
    name: text(v.name) ?? '',
    idNumber: text(v.idNumber)?.toUpperCase(),
    sex: v.sex,
    birthDate: text(v.birthDate),
    relation: v.relation ?? '99',
    political: v.political ?? '13',
    ethnicity: v.ethnicity ?? '01',
    residentType: v.residentType ?? 'registered',
    phone: text(v.phone),
    tags: v.tags ?? [],
    volunteer: v.volunteer ?? false,
    note: text(v.note),
  };
}

/** An existing member in the form; the masked ID and phone stay out so they are never sent back. */
export function fromResident(r: ResidentDto): MemberValues {
  return {
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate ?? undefined,
    relation: r.relation,
    political: r.political,
    ethnicity: r.ethnicity,
    residentType: r.residentType,
    tags: r.tags,
    volunteer: r.volunteer,
    note: r.note ?? undefined,
  };
}

/** Only what changed, for PATCH; an empty ID or phone means "keep". */
export function changedFields(before: MemberValues, after: MemberValues): Partial<ResidentInput> {
  const next = toResidentInput(after);
  const prev = toResidentInput(before);
  const out: Partial<Record<keyof ResidentInput, unknown>> = {};
  for (const key of Object.keys(next) as (keyof ResidentInput)[]) {
    if (next[key] === undefined) continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) out[key] = next[key];
  }
  return out as Partial<ResidentInput>;
}

/** True when at least one member is marked as the head (户主 02 or 本人 01). */
export function hasHead(members: readonly Pick<MemberValues, 'relation'>[]): boolean {
  return members.some((m) => m.relation !== undefined && HEAD_RELATIONS.includes(m.relation));
}
