import { type AgreementDto, type MediationCaseDto, type MediationCaseItem, maskPhone } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { addressText } from '../../core/person.js';
import type { Pii } from '../../core/pii.js';
import { maskName } from '../map/mask-name.js';
import type { ResidentWithAddress } from '../registry/repo.js';
import { type CaseAccess, canFollowUp, canSeeParties, canWorkOnCase } from './policy.js';
import type { AgreementRow, CaseParts, CaseRow, CaseWithMediators } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCaseItem(c: CaseRow): MediationCaseItem {
  return {
    id: c.id,
    caseNo: c.caseNo,
    kind: c.kind,
    title: c.title,
    status: c.status,
    communityId: c.communityId,
    orderId: c.orderId,
    openedAt: c.openedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    escalatedAt: iso(c.escalatedAt),
    closedAt: iso(c.closedAt),
  };
}

export function presentAgreement(actor: Actor, c: CaseAccess, a: AgreementRow): AgreementDto {
  const editable = a.status === 'draft' && canWorkOnCase(actor, c);
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    terms: a.terms,
    signedAt: iso(a.signedAt),
    supersedesId: a.supersedesId,
    abilities: editable ? ['edit', 'sign'] : [],
  };
}

function phoneOf(pii: Pii, r: ResidentWithAddress): string | null {
  try {
    return r.phoneEnc ? maskPhone(pii.decrypt(r.phoneEnc)) : null;
  } catch {
    return r.phoneTail ? `*******${r.phoneTail}` : null;
  }
}

export type PresentCaseDeps = { actor: Actor; pii: Pii; residents: Map<string, ResidentWithAddress> };

/** The whole case; parties' names, phones and addresses only for its mediators, masked (张*) for supervisors. */
export function presentCase({ actor, pii, residents }: PresentCaseDeps, c: CaseWithMediators, parts: CaseParts): MediationCaseDto {
  const full = canSeeParties(actor, c);
  return {
    ...presentCaseItem(c),
    facts: c.facts,
    summary: c.summary,
    communityName: parts.communityName,
    parties: parts.parties.map((p) => {
      const r = p.residentId ? residents.get(p.residentId) : undefined;
      const name = r?.name ?? p.name ?? '';
      return {
        id: p.id,
        kind: p.kind,
        side: p.side,
        name: full || p.kind === 'org' ? name : maskName(name),
        phone: full && r ? phoneOf(pii, r) : null,
        address: full && r ? addressText(r.address) : null,
      };
    }),
    mediators: parts.mediators,
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      heldAt: s.heldAt.toISOString(),
      place: s.place,
      notes: s.notes,
      recordedBy: s.recordedBy,
    })),
    agreements: parts.agreements.map((a) => presentAgreement(actor, c, a)),
    followUps: parts.followUps.map((f) => ({
      id: f.id,
      visitedOn: f.visitedOn,
      performed: f.performed,
      notes: f.notes,
      visitor: f.visitor,
    })),
    abilities: canWorkOnCase(actor, c) ? ['record', 'draft_agreement', 'close'] : canFollowUp(actor, c) ? ['follow_up'] : [],
  };
}
