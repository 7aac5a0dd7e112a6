import type { SurveyDto, SurveyScore } from '@linli/contracts';
import type { AnswerRow, SurveyRow, latestTexts } from './repo.js';

export type SurveyView = {
  row: SurveyRow;
  /** null when the actor reads no scores */
  score: SurveyScore | null;
  /** null unless the actor manages the survey */
  texts: Awaited<ReturnType<typeof latestTexts>> | null;
  mine: AnswerRow | undefined;
  abilities: SurveyDto['abilities'];
  status: SurveyDto['status'];
};

export function presentSurvey(v: SurveyView): SurveyDto {
  const { row } = v;
  return {
    id: row.id,
    compoundId: row.compoundId,
    compoundName: row.compoundName,
    communityId: row.communityId,
    orgId: row.orgId,
    orgName: row.orgName,
    period: row.period,
    title: row.title,
    questions: row.questions,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    status: v.status,
    score: v.score,
    comments:
      v.texts?.flatMap((t) =>
        Object.values(t.texts)
          .filter((x) => x.length > 0)
          .map((text) => ({ text, channel: t.channel, answeredAt: t.answeredAt.toISOString() })),
      ) ?? null,
    myAnswer: v.mine ? { channel: v.mine.channel, answeredAt: v.mine.answeredAt.toISOString() } : null,
    abilities: v.abilities,
  };
}
