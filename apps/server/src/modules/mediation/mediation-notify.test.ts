import { MediationCaseDto } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { runMediationPass } from '../../jobs/mediation-pass.js';
import { buildCommunityTree, useTestApp } from '../../testing/index.js';
import { openBody, person, twoParties } from './test-kit.js';

const ctx = useTestApp();

describe("mediation notifications in the recipient's language", () => {
  it('a mediator using English is reminded in English, a Chinese one in Chinese', async () => {
    const A = await buildCommunityTree(ctx.t.db);
    const zh = await person(ctx, 'community_staff', A.community.id);
    const en = await person(ctx, 'community_staff', A.community.id);
    await ctx.t.pool.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [en.id]);
    const parties = await twoParties(ctx, A);
    const res = await zh.post(
      '/api/mediation/cases',
      openBody([parties[0].id, parties[1].id], [zh.id, en.id], { communityId: A.community.id }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = MediationCaseDto.parse(res.json());
    expect(await runMediationPass(ctx.t.db, new Date(new Date(c.dueAt).getTime() - 6 * 86_400_000))).toEqual({ reminded: 1, escalated: 0 });
    const title = async (userId: string) =>
      (
        await ctx.t.pool.query<{ title: string }>(`SELECT title FROM notifications WHERE user_id = $1 AND kind = 'mediation_reminder'`, [
          userId,
        ])
      ).rows[0]?.title;
    expect(await title(en.id)).toBe(`Mediation case ${c.caseNo} is due within a week`);
    expect(await title(zh.id)).toBe(`调解案件 ${c.caseNo} 将于一周内到期`);
  });
});
