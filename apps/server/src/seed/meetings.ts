import type { handlerOrgs, meetingDecisionOrders, meetingDecisions, meetingInvitees, meetingTasks, meetings } from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import type { OrderInsert } from './orders-sim.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
type MeetingInsert = typeof meetings.$inferInsert;
type InviteeInsert = typeof meetingInvitees.$inferInsert;
type DecisionInsert = typeof meetingDecisions.$inferInsert;
type TaskInsert = typeof meetingTasks.$inferInsert;
type Task = { title: string; assignee: string; done: boolean; days: number };

/** What each decision that went to orders said, by the service its orders were placed for. */
const ORDER_DECISIONS: Record<string, string> = {
  'rain-sewage': '雨污分流施工后的路面恢复和积水点，由社区按楼栋报城管科限期处理',
  'stairwell-renovation': '老旧楼道墙面粉刷、扶手和照明纳入改造，按楼栋报城管科实施',
  'lift-retrofit': '有意愿的单元开展加装电梯意见征询，报社会事务科指导',
};

/** The demo's resident meetings in Anping: two representative meetings (closed, minutes, decisions → orders) and one joint meeting. */
export const DEMO_MEETINGS = [
  {
    kind: 'representative',
    title: '鸿福家园停车难和雨污分流施工问题居民代表会议',
    agenda: ['通报鸿福家园停车位现状和住户车辆数', '讨论地面停车位分配办法', '雨污分流施工后路面恢复和积水问题', '确定落实责任和时限'],
    minutes:
      '会议应到代表及列席人员如名单，实到过半数。社区书记通报：鸿福家园新划地面停车位 120 个，住户车辆约 300 辆，夜间占用消防通道时有发生。与会代表一致认为分配办法须由住户共同决定，同意以每户一票的议事协商方式征求方案；雨污分流施工后部分路面未恢复、雨天积水，决定按楼栋转为服务工单，报城管科限期处理，社区跟踪回访并在下次会议通报。',
    tasks: [
      { title: '拟定停车位分配方案选项并公示', assignee: '社区居委会', done: true, days: 7 },
      { title: '组织鸿福家园住户线上、现场和纸质投票', assignee: '社区网格员', done: true, days: 21 },
      { title: '公布投票结果并按方案摇号', assignee: '安平物业', done: true, days: 35 },
    ],
    taskDecision: '鸿福家园地面停车位按每户一票征求分配方案，线上投票与现场、纸质投票同时进行',
  },
  {
    kind: 'representative',
    title: '老旧楼道改造和物业费收缴居民代表会议',
    agenda: ['通报上次会议决议落实情况', '老旧楼道改造意见', '佳竹苑物业费收缴和服务公示', '其他事项'],
    minutes:
      '会议通报上次会议决议已落实：雨污分流积水点工单均已派至城管科。代表反映多栋楼道墙面脱落、扶手松动、照明不亮，会议决定按楼栋转为服务工单报城管科实施；佳竹苑部分住户因服务不到位拒缴物业费，会议要求物业公司公示收支和服务标准，社区组织物业与欠费户座谈，仍有争议的转人民调解。',
    tasks: [
      { title: '康居物业公示上年度物业费收支和服务标准', assignee: '康居物业', done: true, days: 10 },
      { title: '社区组织物业与欠费户座谈', assignee: '社区居委会', done: true, days: 20 },
      { title: '座谈后仍有争议的住户转人民调解', assignee: '人民调解委员会', done: false, days: 45 },
    ],
    taskDecision: '佳竹苑物业公司公示物业费收支和服务标准，社区组织物业与欠费户座谈',
  },
  {
    kind: 'joint',
    title: '鸿福家园物业服务问题联席会议',
    agenda: ['物业服务满意度情况通报', '车辆乱停和消防通道占用整治', '各方职责分工'],
    minutes:
      '社区、街道城管科、安平物业和居民代表参加。会议商定：物业公司增设夜间巡查，消防通道施划禁停标线；城管科对长期占道车辆依法处置；社区每月通报整改进度。',
    tasks: [
      { title: '消防通道施划禁停标线', assignee: '安平物业', done: true, days: 7 },
      { title: '增设夜间停车巡查', assignee: '安平物业', done: true, days: 10 },
      { title: '长期占道车辆依法处置', assignee: '城管科', done: false, days: 30 },
      { title: '每月通报整改进度', assignee: '社区居委会', done: false, days: 30 },
    ],
    taskDecision: '物业增设夜间巡查并施划消防通道禁停标线，城管科处置长期占道车辆，社区每月通报进度',
  },
] as const;

/** 19:00 China time on the China day of `ms`: meetings are held in the evening, when residents are home. */
const evening = (ms: number) => new Date(Math.floor((ms + 8 * 3_600_000) / DAY) * DAY + 11 * 3_600_000);
const living = (p: SeedPerson) => p.age >= 30 && p.residentType === 'registered';
const isPartyMember = (p: SeedPerson) => p.political === '01' || p.political === '02';

/**
 * Anping's meetings: two representative meetings whose decisions went to the meeting-channel orders placed in the
 * fortnight after them (and to follow-up tasks), and one joint meeting with the property company and the street.
 */
export function buildDemoMeetings(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  households: readonly SeedHousehold[];
  orders: readonly OrderInsert[];
  serviceCode: Map<string, string>;
  orgs: readonly (typeof handlerOrgs.$inferInsert)[];
  staffId: string;
}) {
  const { rng, now } = input;
  const anping = input.areas.communities[0]!;
  const people = input.households.filter((h) => h.community.node.id === anping.node.id).map((h) => h.members.find(living));
  const adults = rng.shuffle(people.filter((p): p is SeedPerson => p !== undefined));
  const reps = adults.filter((p) => !isPartyMember(p)).slice(0, 9);
  const partyMembers = adults.filter(isPartyMember).slice(0, 3);
  const orgId = (name: string) => input.orgs.find((o) => o.name === name)?.id ?? null;
  const meetingOrders = input.orders
    .filter((o) => o.channel === 'meeting' && o.communityId === anping.node.id && o.placedAt!.getTime() > now.getTime() - 330 * DAY)
    .sort((a, b) => a.placedAt!.getTime() - b.placedAt!.getTime());

  const rows = {
    meetings: [] as MeetingInsert[],
    invitees: [] as InviteeInsert[],
    decisions: [] as DecisionInsert[],
    links: [] as (typeof meetingDecisionOrders.$inferInsert)[],
    tasks: [] as TaskInsert[],
  };
  let after = now.getTime() - 330 * DAY;
  DEMO_MEETINGS.forEach((plan, n) => {
    const first = meetingOrders.find((o) => o.placedAt!.getTime() > after);
    const startsAt = evening(plan.kind === 'joint' || !first ? now.getTime() - 20 * DAY : first.placedAt!.getTime() - 2 * DAY);
    after = startsAt.getTime() + 90 * DAY;
    const closed = plan.kind !== 'joint';
    const id = rng.uuid();
    rows.meetings.push({
      id,
      districtId: anping.node.districtId!,
      streetId: anping.node.streetId!,
      communityId: anping.node.id,
      kind: plan.kind,
      title: plan.title,
      startsAt,
      place: '安平社区党群服务中心议事厅',
      agenda: [...plan.agenda],
      minutes: plan.minutes,
      status: closed ? 'closed' : 'held',
      heldAt: startsAt,
      closedAt: closed ? new Date(startsAt.getTime() + 3 * DAY) : null,
      createdBy: input.staffId,
      createdAt: new Date(startsAt.getTime() - 7 * DAY),
    });
    const invited: Omit<InviteeInsert, 'meetingId' | 'position' | 'attendance'>[] = [
      ...reps
        .slice(0, plan.kind === 'joint' ? 4 : 9)
        .map((p) => ({ kind: 'resident' as const, role: 'representative' as const, residentId: p.id })),
      ...partyMembers.map((p) => ({ kind: 'resident' as const, role: 'party_member' as const, residentId: p.id })),
      { kind: 'org', role: 'property', name: n === 1 ? '康居物业' : '安平物业', orgId: orgId(n === 1 ? '康居物业' : '安平物业') },
      { kind: 'org', role: 'handler', name: '城管科', orgId: orgId('城管科') },
      { kind: 'org', role: 'street', name: '竹西街道办事处' },
    ];
    invited.forEach((i, position) =>
      rows.invitees.push({
        ...i,
        id: rng.uuid(),
        meetingId: id,
        position,
        attendance: rng.chance(0.12) ? (rng.chance(0.5) ? 'excused' : 'absent') : 'present',
      }),
    );
    const window = closed
      ? meetingOrders.filter((o) => o.placedAt! >= startsAt && o.placedAt!.getTime() < startsAt.getTime() + 14 * DAY)
      : [];
    const byService = new Map<string, OrderInsert[]>();
    for (const o of window) byService.set(o.serviceId, [...(byService.get(o.serviceId) ?? []), o]);
    let position = 0;
    for (const [serviceId, list] of byService) {
      const decisionId = rng.uuid();
      const text = ORDER_DECISIONS[input.serviceCode.get(serviceId) ?? ''] ?? '按楼栋转为服务工单办理';
      rows.decisions.push({ id: decisionId, meetingId: id, position: ++position, text, outcome: 'orders', createdAt: startsAt });
      for (const o of list) rows.links.push({ decisionId, orderId: o.id! });
    }
    const taskDecision = rng.uuid();
    rows.decisions.push({
      id: taskDecision,
      meetingId: id,
      position: ++position,
      text: plan.taskDecision,
      outcome: 'tasks',
      createdAt: startsAt,
    });
    plan.tasks.forEach((t: Task, i) => {
      const due = new Date(startsAt.getTime() + t.days * DAY);
      rows.tasks.push({
        id: rng.uuid(),
        decisionId: taskDecision,
        position: i,
        title: t.title,
        assignee: t.assignee,
        dueOn: due.toISOString().slice(0, 10),
        doneAt: t.done ? new Date(Math.min(due.getTime(), now.getTime())) : null,
      });
    });
  });
  return rows;
}
export type DemoMeetings = ReturnType<typeof buildDemoMeetings>;
