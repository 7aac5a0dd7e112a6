import { HEAD_RELATIONS, type ResidentDto, type UpdateResidentInput, localDate } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { nameInitials } from '../../../core/person.js';
import { openSecret, sealSecrets } from '../../../core/pii-seal.js';
import { careTagsOf } from '../../care-tags/repo.js';
import { residentForWrite } from '../access.js';
import { residentCard } from '../cards.js';
import { RESIDENT_FIELDS, type Snapshot, diffFields, historyScope } from '../history.js';
import { checkIdentity } from '../identity.js';
import { ensureIdFree, idTakenError } from '../members.js';
import { otherHeadExists } from '../repo.js';
import { type ResidentPatch, insertHistory, updateResidentRow } from '../repo-write.js';
import { oneHeadIssue, requireLiveResident, tagIssue } from '../rules.js';

const COPIED = ['birthDate', 'relation', 'political', 'ethnicity', 'residentType', 'tags', 'volunteer', 'note'] as const;

/** Edits a person; the ID number is re-checked against sex and birth date, which follow it. */
export async function updateResident({ ctx, input }: VerbArgs<UpdateResidentInput & { residentId: string }>): Promise<ResidentDto> {
  const { residentId: id, ...fields } = input;
  const { pii, locale } = ctx;
  try {
    await inTx(ctx, async (tctx) => {
      const r = await residentForWrite(tctx, id);
      requireLiveResident(r, locale);
      const before: Snapshot = { ...r, sex: String(r.sex), idNumber: openSecret(pii, r.idNumberEnc), phone: openSecret(pii, r.phoneEnc) };
      const check = checkIdentity(fields, { locale, storedIdNumber: before.idNumber as string | null, today: localDate() });
      const tag = tagIssue(fields.tags, r.tags, await careTagsOf(tctx.tx, r.communityId), 'person', { path: 'tags', locale });
      if (!check.ok || tag) throw invalid([...(check.ok ? [] : check.issues), ...(tag ? [tag] : [])]);
      const becomesHead = fields.relation && HEAD_RELATIONS.includes(fields.relation) && !HEAD_RELATIONS.includes(r.relation);
      if (becomesHead && (await otherHeadExists(tctx.tx, r.householdId, id))) throw invalid([oneHeadIssue(locale, 'relation')]);
      const v = check.value;
      const given = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined));
      const after: Snapshot = { ...before, ...given, ...v, note: fields.note !== undefined ? fields.note || null : before.note };
      if (fields.tags) after.tags = [...new Set(fields.tags)];
      const changes = diffFields(before, after, RESIDENT_FIELDS);
      if (changes.length === 0) return;
      const changed = new Set(changes.map((c) => c.field));
      if (changed.has('idNumber') && v.idNumber)
        await ensureIdFree(tctx, { districtId: r.districtId, idNumber: v.idNumber, path: 'idNumber', exceptId: id });
      const patch: ResidentPatch = {
        ...sealSecrets(pii, {
          idNumber: changed.has('idNumber') ? v.idNumber : undefined,
          phone: changed.has('phone') ? v.phone : undefined,
        }),
      };
      if (changed.has('name')) Object.assign(patch, { name: after.name, nameInitials: nameInitials(after.name as string) });
      if (changed.has('sex')) patch.sex = Number(after.sex);
      for (const f of COPIED) if (changed.has(f)) Object.assign(patch, { [f]: after[f] });
      await updateResidentRow(tctx.tx, id, patch);
      const scope = historyScope(r);
      await insertHistory(tctx.tx, ctx.actor, [
        { action: 'update', entityType: 'resident', entityId: id, householdId: r.householdId, scope, changes },
      ]);
      await writeAudit(tctx, {
        action: 'registry.resident.update',
        entityType: 'resident',
        entityId: id,
        ...scope,
        details: { fields: [...changed] },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(locale, 'idNumber') : e;
  }
  return residentCard(ctx, id);
}
