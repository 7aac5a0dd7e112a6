import type { ConsultationList, ConsultationQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentConsultation } from '../presenter.js';
import { listConsultations } from '../repo.js';

/** GET /api/legal/consultations: consultations recorded in the actor's scope, newest first. */
export async function listLegalConsultations({ ctx, input }: VerbArgs<ConsultationQuery>): Promise<ConsultationList> {
  requireAbility(ctx.actor, 'legal.use');
  const { items, total } = await listConsultations(ctx.db, ctx.actor, input);
  return { items: items.map(presentConsultation), total };
}
