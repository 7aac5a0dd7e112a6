import type { RevealDto, RevealInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import type { VerbArgs } from '../../../core/context.js';
import { openSecret } from '../../../core/pii-seal.js';
import { revealableResident } from '../access.js';
import { historyScope } from '../history.js';

/** Shows an ID number or phone in full to a role with pii.reveal in scope (a phone also to the grid's worker), and records who asked, for what and why. */
export async function revealResident({ ctx, input }: VerbArgs<RevealInput & { residentId: string }>): Promise<RevealDto> {
  const fields = [...new Set(input.fields)];
  const r = await revealableResident(ctx, input.residentId, fields);
  const out: RevealDto = {};
  for (const f of fields) out[f] = openSecret(ctx.pii, f === 'idNumber' ? r.idNumberEnc : r.phoneEnc);
  await writeAudit(ctx, {
    action: 'registry.reveal',
    entityType: 'resident',
    entityId: r.id,
    ...historyScope(r),
    details: { fields, reason: input.reason },
  });
  return out;
}
