import type { LegalTopic } from '@linli/contracts';
import type { handlerOrgs, legalConsultations, legalDutySlots } from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import { makeLandline } from './ids.js';
import type { SeedHousehold } from './people.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
/** Anping's own center (the seed calls it the first public-interest legal service center in Yangzhou). */
export const ANPING_LEGAL_CENTER = '安平社区公益法律服务中心';
/** Consultations in the year before the seed's `now`: 8 a month. */
export const LEGAL_CONSULTATIONS_A_YEAR = 96;

const LAWYERS = [
  { lawyerName: '周文斌', firm: '江苏维扬律师事务所' },
  { lawyerName: '吴晓燕', firm: '江苏扬州汉江律师事务所' },
  { lawyerName: '钱立新', firm: '江苏维扬律师事务所' },
];
const ADVICE: Record<LegalTopic, [string, string]> = {
  family: ['离婚后孩子抚养费如何确定', '可协商确定，协商不成可起诉，一般按月收入的 20%–30% 计算'],
  inheritance: ['父母去世后老房子如何继承', '无遗嘱按法定继承，第一顺序继承人均分，建议先协商再办理继承公证'],
  labour: ['公司拖欠工资三个月怎么办', '保留考勤和工资凭证，可向劳动监察投诉或申请劳动仲裁，仲裁不收费'],
  property: ['物业费能否以服务差为由拒交', '不能以此为由拒交，可收集证据要求物业整改，或通过业委会协商和调解解决'],
  neighbour: ['楼上漏水损坏我家天花板如何索赔', '先协商，保留照片和维修票据，协商不成可申请人民调解或起诉'],
  contract: ['借给朋友的钱不还怎么办', '保留借条和转账记录，先催告，诉讼时效三年，可起诉或申请支付令'],
  consumer: ['预付卡商家跑路如何维权', '保留购卡凭证，向市场监管部门投诉，涉嫌诈骗可报警'],
  other: ['老人赡养问题咨询', '子女有赡养义务，可协商赡养协议，协商不成可申请调解或起诉'],
};
const TOPICS: readonly (readonly [LegalTopic, number])[] = [
  ['family', 18],
  ['inheritance', 16],
  ['labour', 14],
  ['property', 16],
  ['neighbour', 12],
  ['contract', 10],
  ['consumer', 5],
  ['other', 5],
];

/** Anping's center, the lawyers on duty there and at the street's center, and a year of consultations. */
export function buildDemoLegal(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  streetCenterId: string;
  households: readonly SeedHousehold[];
}) {
  const { rng, now, areas } = input;
  const anping = areas.communities[0]!.node;
  const center: typeof handlerOrgs.$inferInsert = {
    id: rng.uuid(),
    kind: 'legal_center',
    name: ANPING_LEGAL_CENTER,
    phone: makeLandline(rng),
    areaId: anping.id,
    districtId: anping.districtId!,
    streetId: anping.streetId!,
    communityId: anping.id,
  };
  const slot = (orgId: string, weekday: number, startsAt: string, endsAt: string, l: (typeof LAWYERS)[number]) => ({
    id: rng.uuid(),
    orgId,
    weekday,
    startsAt,
    endsAt,
    ...l,
  });
  const slots: (typeof legalDutySlots.$inferInsert)[] = [
    ...[1, 2, 3, 4, 5].map((d) => slot(center.id!, d, '09:00', '11:30', LAWYERS[(d - 1) % 3]!)),
    slot(center.id!, 6, '09:00', '12:00', LAWYERS[0]!),
    slot(input.streetCenterId, 2, '14:00', '17:00', LAWYERS[1]!),
    slot(input.streetCenterId, 4, '14:00', '17:00', LAWYERS[2]!),
  ];
  const people = input.households.filter((h) => h.community.node === anping).flatMap((h) => h.members.filter((p) => p.age >= 25));
  const consultations: (typeof legalConsultations.$inferInsert)[] = Array.from({ length: LEGAL_CONSULTATIONS_A_YEAR }, (_, i) => {
    const topic = rng.weighted(TOPICS);
    const day = new Date(now.getTime() - (364 - Math.floor((i * 364) / LEGAL_CONSULTATIONS_A_YEAR)) * DAY);
    return {
      id: rng.uuid(),
      orgId: center.id!,
      districtId: anping.districtId!,
      streetId: anping.streetId!,
      communityId: anping.id,
      consultedOn: day.toISOString().slice(0, 10),
      topic,
      question: ADVICE[topic][0],
      advice: ADVICE[topic][1],
      lawyerName: LAWYERS[i % LAWYERS.length]!.lawyerName,
      residentId: rng.chance(0.7) ? rng.pick(people).id : null,
      recordedBy: null,
    };
  });
  return { center, slots, consultations };
}
