import { type CatalogueDto, type Locale, SERVICE_CATEGORY_LABELS, ServiceCategoryCode, type ServiceDto } from '@linli/contracts';
import type { StreetRow } from './repo.js';
import type { ServiceListRow } from './repo.js';

export function presentService(row: ServiceListRow, canEdit: boolean): ServiceDto {
  return {
    id: row.id,
    code: row.code,
    category: row.category,
    name: row.name,
    description: row.description,
    keywords: row.keywords,
    fields: row.fields,
    defaultHandlerOrgId: row.defaultHandlerOrgId,
    defaultHandlerOrgName: row.defaultHandlerOrgName,
    timeLimits: row.timeLimits,
    emergency: row.emergency,
    active: row.active,
    streetId: row.streetId,
    abilities: { canEdit },
  };
}

/** The six categories in their fixed order, each with its services (an empty category is still listed). */
export function presentCatalogue(street: StreetRow, rows: readonly ServiceListRow[], canEdit: boolean, locale: Locale): CatalogueDto {
  return {
    street: { id: street.id, name: street.name },
    categories: ServiceCategoryCode.options.map((code) => ({
      code,
      name: SERVICE_CATEGORY_LABELS[code][locale],
      services: rows.filter((r) => r.category === code).map((r) => presentService(r, canEdit)),
    })),
    abilities: { canCreate: canEdit },
  };
}
