import {
  PARTY_MEMBER_CODES,
  HEAD_RELATIONS,
  type HouseholdStatus,
  type Locale,
  type ResidentStatus,
  type ResidentType,
  type Tenure,
} from '@linli/contracts';
import type { Translate } from '../../app/i18n';

export const residentTypeLabel = (t: Translate, type: ResidentType) => t(`registry.type.${type}`);
export const tenureLabel = (t: Translate, tenure: Tenure) => t(`registry.tenure.${tenure}`);
export const statusLabel = (t: Translate, status: ResidentStatus | HouseholdStatus) => t(`registry.status.${status}`);

/** Colours that tell resident types apart at a glance (floating people matter most to grid workers). */
export const RESIDENT_TYPE_COLORS: Record<ResidentType, string> = {
  registered: 'blue',
  floating: 'orange',
  away: 'purple',
  overseas: 'cyan',
};

export const isPartyMember = (political: string) => PARTY_MEMBER_CODES.includes(political);
export const isHead = (relation: string) => HEAD_RELATIONS.includes(relation);

/** Select options for a national code table, "code label" so typists who know the codes can type them. */
export function codeOptions(table: Record<string, Record<Locale, string>>, locale: Locale): { value: string; label: string }[] {
  return Object.entries(table).map(([code, label]) => ({ value: code, label: `${code} ${label[locale]}` }));
}
