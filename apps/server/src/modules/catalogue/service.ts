import type { CatalogueDto, CatalogueQuery, Locale, ServiceDto, ServiceField, ServiceInput, UpdateServiceInput } from '@linli/contracts';
import { hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalid, isUniqueViolation } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { CATALOGUE_MESSAGES } from './messages.js';
import { canEditCatalogue, canReadCatalogue, homeStreetOf } from './policy.js';
import { presentCatalogue, presentService } from './presenter.js';
import {
  type ServiceInsert,
  type StreetRow,
  findService,
  findStreet,
  firstStreet,
  insertService,
  lockService,
  nextPosition,
  orgServesStreet,
  orgStreetsOf,
  listStreetServices,
  updateServiceRow,
} from './repo.js';

const missing = () => new AppError('NOT_FOUND');

/** The street a catalogue request is about: the one asked for (when readable) or the actor's own. */
async function streetFor(ctx: AuthedCtx, streetId: string | undefined): Promise<StreetRow> {
  const orgStreets = await orgStreetsOf(ctx.db, ctx.actor);
  const home = homeStreetOf(ctx.actor, orgStreets);
  const districtWide = ctx.actor.assignments.find((a) => a.role === 'system_admin' || a.areaKind === 'district');
  const street = streetId
    ? await findStreet(ctx.db, streetId)
    : home
      ? await findStreet(ctx.db, home)
      : districtWide
        ? await firstStreet(ctx.db, districtWide.districtId)
        : undefined;
  if (!street || !canReadCatalogue(ctx.actor, street, orgStreets)) throw missing();
  return street;
}

/** The catalogue of the actor's street (or `streetId` for district-level users), grouped by the six categories. */
export async function getCatalogue({ ctx, input }: { ctx: AuthedCtx; input: CatalogueQuery }): Promise<CatalogueDto> {
  const street = await streetFor(ctx, input.streetId);
  const canEdit = canEditCatalogue(ctx.actor, street);
  const rows = await listStreetServices(ctx.db, street.id, canEdit);
  return presentCatalogue(street, rows, canEdit, ctx.locale);
}

/** One service of a readable street; an inactive one only for its editors. */
export async function getService({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<ServiceDto> {
  const row = await findService(ctx.db, id);
  if (!row) throw missing();
  const orgStreets = await orgStreetsOf(ctx.db, ctx.actor);
  const street = { id: row.streetId, districtId: row.districtId };
  if (!canReadCatalogue(ctx.actor, street, orgStreets)) throw missing();
  const canEdit = canEditCatalogue(ctx.actor, street);
  if (!row.active && !canEdit) throw missing();
  return presentService(row, canEdit);
}

function codeTaken(locale: Locale) {
  const message = CATALOGUE_MESSAGES.codeTaken[locale];
  return conflict(message, { issues: [{ path: 'code', message }] });
}

/** Field codes must be unique within a service; the default org must serve the street. */
async function checkServiceInput(
  tx: Tx,
  locale: Locale,
  streetId: string,
  input: { fields?: readonly ServiceField[]; defaultHandlerOrgId?: string | null },
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  (input.fields ?? []).forEach((f, i) => {
    if (seen.has(f.code)) issues.push({ path: `fields.${i}.code`, message: CATALOGUE_MESSAGES.fieldCodeRepeated[locale] });
    seen.add(f.code);
  });
  if (input.defaultHandlerOrgId && !(await orgServesStreet(tx, input.defaultHandlerOrgId, streetId))) {
    issues.push({ path: 'defaultHandlerOrgId', message: CATALOGUE_MESSAGES.orgNotServing[locale] });
  }
  if (issues.length > 0) throw invalid(issues);
}

/** Adds a service to a street's catalogue; needs catalogue.write on the street. */
export async function createService({ ctx, input }: { ctx: AuthedCtx; input: ServiceInput }): Promise<ServiceDto> {
  if (!hasAbility(ctx.actor, 'catalogue.write')) throw forbidden();
  const street = await streetFor(ctx, input.streetId);
  if (!canEditCatalogue(ctx.actor, street)) throw forbidden();
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      await checkServiceInput(tx, ctx.locale, street.id, input);
      const { streetId: _ignored, ...values } = input;
      const serviceId = await insertService(tx, {
        ...values,
        districtId: street.districtId,
        streetId: street.id,
        position: await nextPosition(tx, street.id, input.category),
      });
      await writeAudit(tx, ctx, {
        action: 'catalogue.create',
        entityType: 'service',
        entityId: serviceId,
        streetId: street.id,
        details: { code: input.code, category: input.category },
      });
      return serviceId;
    });
  } catch (e) {
    throw isUniqueViolation(e) ? codeTaken(ctx.locale) : e;
  }
  return presentService((await findService(ctx.db, id))!, true);
}

/** Edits a service (fields, limits, default org, activation); needs catalogue.write on its street. */
export async function updateService({ ctx, id, input }: { ctx: AuthedCtx; id: string; input: UpdateServiceInput }): Promise<ServiceDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockService(tx, id);
    const orgStreets = await orgStreetsOf(tx, ctx.actor);
    const street = row && { id: row.streetId, districtId: row.districtId };
    if (!street || !canReadCatalogue(ctx.actor, street, orgStreets)) throw missing();
    if (!canEditCatalogue(ctx.actor, street)) throw forbidden();
    await checkServiceInput(tx, ctx.locale, street.id, input);
    const changed = (Object.keys(input) as (keyof UpdateServiceInput)[]).filter((k) => input[k] !== undefined);
    const patch: Partial<ServiceInsert> = Object.fromEntries(changed.map((k) => [k, input[k]]));
    if (input.category !== undefined && input.category !== row.category) patch.position = await nextPosition(tx, street.id, input.category);
    await updateServiceRow(tx, id, patch);
    await writeAudit(tx, ctx, {
      action: 'catalogue.update',
      entityType: 'service',
      entityId: id,
      streetId: street.id,
      details: { fields: changed },
    });
  });
  return presentService((await findService(ctx.db, id))!, true);
}
