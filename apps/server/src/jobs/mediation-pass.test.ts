import { MediationCaseDto } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { buildCommunityTree, useTestApp } from '../testing/index.js';
import { openBody, person, twoParties } from '../modules/mediation/test-kit.js';
import { runMediationPass } from './mediation-pass.js';

const ctx = useTestApp();
const DAY = 86_400_000;

describe('the mediation job', () => {
  it('reminds the mediators a week before the month is up, then escalates to the street once, audited', async () => {
    const A = await buildCommunityTree(ctx.t.db);
    const mediator = await person(ctx, 'community_staff', A.community.id);
    const street = await person(ctx, 'street_supervisor', A.street.id);
    const parties = await twoParties(ctx, A);
    const res = await mediator.post(
      '/api/mediation/cases',
      openBody([parties[0].id, parties[1].id], [mediator.id], { communityId: A.community.id }),
    );
    const c = MediationCaseDto.parse(res.json());
    const due = new Date(c.dueAt).getTime();
    const notes = async (userId: string) =>
      (await ctx.t.pool.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1 ORDER BY id', [userId])).rows.map(
        (r) => r.kind,
      );

    expect(await runMediationPass(ctx.t.db, new Date(due - 10 * DAY))).toEqual({ reminded: 0, escalated: 0 });
    expect(await runMediationPass(ctx.t.db, new Date(due - 6 * DAY))).toEqual({ reminded: 1, escalated: 0 });
    expect(await runMediationPass(ctx.t.db, new Date(due - 5 * DAY))).toEqual({ reminded: 0, escalated: 0 });
    expect(await runMediationPass(ctx.t.db, new Date(due + 1000))).toEqual({ reminded: 0, escalated: 1 });
    expect(await runMediationPass(ctx.t.db, new Date(due + 2 * DAY))).toEqual({ reminded: 0, escalated: 0 });
    expect(await notes(mediator.id)).toEqual(['mediation_reminder', 'mediation_escalated']);
    expect(await notes(street.id)).toEqual(['mediation_escalated']);
    const seen = MediationCaseDto.parse((await street.get(`/api/mediation/cases/${c.id}`)).json());
    expect(seen.escalatedAt).not.toBeNull();
    const audit = await ctx.t.pool.query(`SELECT 1 FROM audit_log WHERE action = 'mediation.escalate' AND entity_id = $1`, [c.id]);
    expect(audit.rowCount).toBe(1);
  });
});
