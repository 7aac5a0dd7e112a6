import { type Text, text } from '@linli/contracts';

// the street's clock, as the console and portal show times
const CLOCK = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
const fmt = (d: Date) => CLOCK.format(d);
const CHANNEL = { online: text('线上', 'online'), in_person: text('现场', 'in person'), paper: text('纸质选票', 'on paper') };

/** Messages the consultations module writes itself, in both UI languages. */
export const CONSULTATION_MESSAGES = {
  wrongArea: () =>
    text('投票范围须与资格规则一致：小区、楼栋或社区', 'The area must match the rule: a compound, a building or a community'),
  ownerResult: (winner: string | null) =>
    text(
      winner ? `业主表决通过：${winner}` : '业主表决未获通过（参与或同意未达法定比例）',
      winner ? `Owners' vote carried: ${winner}` : "Owners' vote not carried (participation or consent short of the legal thresholds)",
    ),
  closesInPast: () => text('截止时间须晚于现在', 'The closing time must be in the future'),
  duplicateOption: () => text('选项编号不能重复', 'Option keys must be unique'),
  unknownOption: () => text('没有这个选项', 'There is no such option'),
  closed: (at: Date) => text(`投票已于 ${fmt(at)} 截止，不再接受投票`, `Voting closed at ${fmt(at)} (China time); no more votes are taken`),
  alreadyVoted: (at: Date, channel: keyof typeof CHANNEL) =>
    text(
      `本户已于 ${fmt(at)} 通过${CHANNEL[channel]['zh-CN']}投票，每户只计一票`,
      `This household already voted ${CHANNEL[channel].en} at ${fmt(at)} (China time); each household counts once`,
    ),
  outside: () => text('该住户不在本次协商的投票范围内', 'This household is not in the set eligible for this vote'),
  inactive: () => text('该居民或住户已不在册，不能投票', 'This resident or household is no longer registered and cannot vote'),
  notRepresentative: () => text('本次协商仅限居民代表投票', 'Only resident representatives vote on this topic'),
  notOwner: () =>
    text(
      '该居民的住户在本次表决范围内没有登记产权的房屋，不能参加业主表决',
      "This resident's household owns no registered flat in the area of this owners' vote",
    ),
  partRequired: () =>
    text('该户拥有多套房屋，请选择本票对应的房屋', 'The household owns several flats here: choose the flat this vote stands for'),
  partVoted: (at: Date, channel: keyof typeof CHANNEL) =>
    text(
      `这套房屋已于 ${fmt(at)} 通过${CHANNEL[channel]['zh-CN']}表决，每个专有部分只计一票`,
      `This flat already voted ${CHANNEL[channel].en} at ${fmt(at)} (China time); each exclusive part counts once`,
    ),
  ownersOnly: () =>
    text(
      '业主表决只用于业主共同决定事项（物业选聘、维修资金、改建重建、共有部分用途、业委会选举）',
      "An owners' vote is only for owners' matters (property company, maintenance funds, rebuilding, common parts, owners' committee)",
    ),
  noFlat: () => text('该居民的住户未关联房屋，不能登记产权', "This resident's household has no flat to register"),
  voterRequired: () => text('现场或纸质投票须选择投票居民', 'An in-person or paper vote needs the voter'),
  onlineByStaff: () => text('工作人员只能录入现场或纸质投票', 'Staff record in-person or paper votes only'),
  notResident: () => text('您的账号未关联居民档案，不能线上投票', 'Your account is not linked to a resident and cannot vote online'),
  stillOpen: (at: Date) =>
    text(`投票 ${fmt(at)} 截止后才能公布结果`, `Results can be published after voting closes at ${fmt(at)} (China time)`),
  published: () => text('结果已经公布', 'The results are already published'),
  resultTitle: (title: string) => text(`议事协商结果已公布：${title}`, `Consultation results published: ${title}`),
  resultBody: (voted: number, eligible: number, winner: { label: string; votes: number } | null) =>
    text(
      `${eligible} 户中 ${voted} 户参与投票。${winner ? `结果：${winner.label}（${winner.votes} 票）` : '未形成结果'}。详见「议事协商 · 投票」。`,
      `${voted} of ${eligible} households voted. ${winner ? `Result: ${winner.label} (${winner.votes} votes)` : 'No result'}. See "Consultations · vote".`,
    ),
} satisfies Record<string, (...args: never[]) => Text>;
