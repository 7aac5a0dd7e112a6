import type { PassThrough } from 'node:stream';
import { type HouseholdListQuery, type ResidentSearchQuery, localDate } from '@linli/contracts';
import { type Actor, assignmentsWith } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import { householdFilterFor, residentFilterFor } from '../registry/service-read.js';
import { canExport } from '../imports/policy.js';
import { householdsWorkbook, residentsWorkbook } from './workbooks.js';

export type ExportFile = { fileName: { ascii: string; local: string }; stream: PassThrough };

/** The audit row's street and community: the ones every registry.read assignment of the actor shares, if any. */
function auditScope(actor: Actor): { streetId: string | null; communityId: string | null } {
  const held = assignmentsWith(actor, 'registry.read');
  const shared = (k: 'streetId' | 'communityId') => {
    const values = new Set(held.map((a) => a[k]));
    return values.size === 1 ? ([...values][0] ?? null) : null;
  };
  return { streetId: shared('streetId'), communityId: shared('communityId') };
}

const stamp = () => localDate().replaceAll('-', '');
/** The filter as audited: what was asked, without paging. */
const filterOf = ({ page: _p, pageSize: _s, ...rest }: { page: number; pageSize: number } & Record<string, unknown>) => rest;

function envFor(ctx: AuthedCtx, kind: 'residents' | 'households', input: { page: number; pageSize: number } & Record<string, unknown>) {
  const onRows = (rows: number) =>
    writeAudit(ctx.db, ctx, {
      action: 'registry.export',
      entityType: kind,
      ...auditScope(ctx.actor),
      details: { filter: filterOf(input), rows },
    });
  return { db: ctx.db, actor: ctx.actor, locale: ctx.locale, onRows };
}

/**
 * GET /api/exports/residents.xlsx: the residents the list shows for the same filters, every page, streamed;
 * ID numbers and phones masked; audited with the filter and the row count.
 */
export async function exportResidents({ ctx, pii, input }: { ctx: AuthedCtx; pii: Pii; input: ResidentSearchQuery }): Promise<ExportFile> {
  if (!canExport(ctx.actor)) throw forbidden();
  const filter = await residentFilterFor(ctx, pii, input, localDate());
  const stream = residentsWorkbook({ ...envFor(ctx, 'residents', input), pii }, filter);
  return { fileName: { ascii: `residents-${stamp()}.xlsx`, local: `居民-${stamp()}.xlsx` }, stream };
}

/** GET /api/exports/households.xlsx: the household list for the same filters, streamed and audited. */
export async function exportHouseholds({ ctx, input }: { ctx: AuthedCtx; input: HouseholdListQuery }): Promise<ExportFile> {
  if (!canExport(ctx.actor)) throw forbidden();
  const stream = householdsWorkbook(envFor(ctx, 'households', input), await householdFilterFor(ctx, input));
  return { fileName: { ascii: `households-${stamp()}.xlsx`, local: `住户-${stamp()}.xlsx` }, stream };
}
