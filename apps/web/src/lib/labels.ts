import {
  AREA_KIND_LABELS,
  HANDLER_ORG_KIND_LABELS,
  ROLE_LABELS,
  type AreaKind,
  type HandlerOrgKind,
  type Locale,
  type Role,
  type ScopeDto,
} from '@linli/contracts';
import { translate } from '../app/i18n/translate';

export const roleLabel = (role: Role, locale: Locale) => ROLE_LABELS[role][locale];
export const areaKindLabel = (kind: AreaKind, locale: Locale) => AREA_KIND_LABELS[kind][locale];
export const orgKindLabel = (kind: HandlerOrgKind, locale: Locale) => HANDLER_ORG_KIND_LABELS[kind][locale];

/** "社区工作者 · 安平社区": the role and the node or organisation it is scoped to. */
export function scopeLabel(scope: ScopeDto, locale: Locale): string {
  const where = scope.areaName ?? scope.orgName;
  return where ? `${roleLabel(scope.role, locale)} · ${where}` : roleLabel(scope.role, locale);
}

/** "安平社区（社区）" in Chinese, "安平社区 (Community)" in English. */
export function withNote(main: string, note: string, locale: Locale): string {
  return translate(locale, 'common.withNote', { main, note });
}
