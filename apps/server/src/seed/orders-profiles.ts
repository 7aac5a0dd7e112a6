import type { FieldValue, ServiceCategoryCode } from '@linli/contracts';
import type { Rng } from './rng.js';

/**
 * How often residents order each demo service and what they write: orders a day over both communities, a
 * multiplier per month (1–12), who asks, and description templates.
 */
export type OrderProfile = {
  perDay: number;
  season?: Partial<Record<number, number>>;
  /** asked by or for an older resident (65+); 'child': a household with a child of 6–12 */
  who?: 'elder' | 'child';
  /** only in buildings with a lift */
  liftOnly?: boolean;
  texts: readonly string[];
  values?: (rng: Rng, placedAt: Date) => Record<string, FieldValue>;
};

const WINTER = { 12: 1.5, 1: 1.6, 2: 1.3 };
const at = (placedAt: Date, days: number, hour: number) => {
  const d = new Date(placedAt.getTime() + days * 86_400_000);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
};

export const ORDER_PROFILES: Record<string, OrderProfile> = {
  'water-power-repair': {
    perDay: 7,
    season: { ...WINTER, 7: 1.2, 8: 1.3 },
    texts: [
      '卫生间水管接头漏水，楼下天花板已经渗水',
      '家里突然跳闸，总闸推不上去',
      '厨房下水道堵塞，水排不下去',
      '水表井盖附近一直冒水',
      '楼道总阀漏水，地面全是水',
      '天冷水管冻裂了，家里停水',
      '厨房插座冒火花，不敢用电',
      '闻到燃气味，已关总阀，请尽快来人查看',
    ],
    values: (rng) => ({
      kind: rng.weighted([
        ['water', 5],
        ['power', 3],
        ['drain', 2],
        ['gas', 0.4],
      ] as const),
    }),
  },
  'common-cleaning': {
    perDay: 3,
    texts: [
      '楼道里堆了很多杂物和纸箱，影响通行',
      '垃圾分类点好几天没清运，气味很大',
      '电梯厅地面很脏，有宠物粪便',
      '单元门口有人乱丢建筑垃圾',
      '楼道扶手积灰严重，希望清扫',
    ],
  },
  'lift-fault': {
    perDay: 1.2,
    liftOnly: true,
    texts: [
      '电梯停在8楼不动了，按键没反应',
      '电梯运行时有很大的异响',
      '电梯门关不上，反复开合',
      '有人被困电梯内，已按警铃',
      '电梯显示屏不亮，停运了',
    ],
    values: (rng) => ({ trapped: rng.chance(0.15) ? 'yes' : 'no' }),
  },
  greenery: {
    perDay: 1.5,
    season: { 1: 0.5, 2: 0.5, 3: 1.3, 4: 1.6, 5: 1.6, 6: 1.4, 7: 1.3, 12: 0.5 },
    texts: ['楼前的树枝伸到窗户里了，请修剪', '台风后有枯枝挂在树上，怕砸到人', '草坪里蚊虫太多，请打药', '绿化带被人种了菜，请处理'],
  },
  parking: {
    perDay: 2.5,
    texts: [
      '有车长期占用消防通道',
      '电动车在楼道里充电，很危险',
      '小区门口乱停车，车开不出去',
      '车位被陌生车辆占用',
      '非机动车棚的充电桩坏了',
    ],
  },
  'meal-aid': {
    perDay: 2,
    who: 'elder',
    texts: ['老人一个人在家做饭不方便，申请送餐', '想在长者食堂订午餐', '老伴住院了，申请这段时间送餐上门', '申请助餐补贴和每日送餐'],
    values: (rng) => ({ meals: rng.chance(0.4) ? ['lunch', 'dinner'] : ['lunch'] }),
  },
  'bath-aid': {
    perDay: 1,
    who: 'elder',
    season: { 6: 1.4, 7: 1.6, 8: 1.6, 9: 1.2 },
    texts: ['老人卧床，需要上门助浴', '母亲行动不便，自己洗澡有危险，申请助浴', '家里卫生间太小，申请助浴服务'],
    values: (rng, placedAt) => ({ preferred_at: at(placedAt, rng.int(1, 4), rng.pick([9, 10, 14, 15])) }),
  },
  'appliance-repair': {
    perDay: 3,
    season: { 6: 1.4, 7: 2.2, 8: 2, 12: 1.2, 1: 1.4 },
    texts: ['空调不制冷，外机不转', '冰箱冷藏室不凉了', '洗衣机脱水时晃得厉害', '热水器打不着火，没有热水', '电视机开机没有画面'],
    values: (rng, placedAt) => ({
      appliance: rng.weighted([
        ['ac', 4],
        ['fridge', 2],
        ['washer', 2],
        ['heater', 2],
        ['tv', 1],
        ['other', 0.5],
      ] as const),
      preferred_at: at(placedAt, rng.int(1, 3), rng.pick([9, 10, 14, 16])),
    }),
  },
  'home-haircut': {
    perDay: 1.2,
    who: 'elder',
    season: { 1: 1.8, 2: 1.2, 9: 1.2 },
    texts: ['老人腿脚不便，想请理发师上门', '快过年了，给爷爷预约上门理发', '奶奶卧床，需要上门理发'],
    values: (rng, placedAt) => ({ preferred_at: at(placedAt, rng.int(1, 6), rng.pick([9, 10, 15])) }),
  },
  'stairwell-renovation': {
    perDay: 0.8,
    texts: ['楼道墙皮大面积脱落', '楼道灯坏了很久，晚上看不见台阶', '楼道里的飞线很乱，存在安全隐患', '希望楼道加装扶手，方便老人上下楼'],
  },
  'lift-retrofit': {
    perDay: 0.5,
    texts: ['我们单元想加装电梯，想了解政策和补贴', '加装电梯意见征询怎么进行', '一楼住户反对加装电梯，怎么协调'],
    values: (rng) => ({ consent_share: rng.int(50, 100) }),
  },
  'rain-sewage': {
    perDay: 0.7,
    season: { 6: 2.5, 7: 2.2, 8: 1.5 },
    texts: ['下雨后楼前积水很深，进出不便', '雨污分流施工后路面没有恢复', '化粪池返水，气味很大', '窨井盖松动，车过时响声很大'],
  },
  'neighbour-dispute': {
    perDay: 1.5,
    texts: [
      '楼上每天深夜有很大的噪音，沟通无果',
      '邻居把杂物堆在公共楼道，协商不了',
      '楼上漏水到我家，对方不愿意维修',
      '邻居养狗不拴绳，多次发生冲突',
    ],
    values: (rng) => ({ other_party: `${rng.int(1, 6)}0${rng.int(1, 3)}` }),
  },
  'property-fee-dispute': {
    perDay: 0.8,
    season: { 1: 1.5, 12: 1.3 },
    texts: ['物业服务不到位，对物业费收费有异议', '物业费涨价没有公示', '车位管理费收费标准不清楚'],
  },
  'renovation-noise': {
    perDay: 1,
    season: { 3: 1.4, 4: 1.4, 9: 1.3, 10: 1.4 },
    texts: ['隔壁周末一早就装修电钻，严重扰民', '装修建筑垃圾堆在楼道好几天', '中午午休时间还在装修'],
  },
  'family-dispute': {
    perDay: 0.6,
    season: { 2: 1.6, 10: 1.2 },
    texts: ['子女之间对老人赡养有分歧，希望调解', '家庭财产分割产生矛盾', '婆媳矛盾比较严重，希望社区帮忙'],
  },
  errands: {
    perDay: 2.2,
    who: 'elder',
    texts: ['请帮忙代买米和油', '帮老人代缴水电费', '代办老年卡年审', '帮忙去药店买常用药'],
  },
  'hospital-escort': {
    perDay: 1.5,
    who: 'elder',
    season: { 12: 1.3, 1: 1.4, 2: 1.2 },
    texts: ['子女在外地，需要志愿者陪同去医院复查', '老人要做检查，需要有人陪同', '陪同去苏北医院取药'],
    values: (rng, placedAt) => ({
      preferred_at: at(placedAt, rng.int(1, 5), rng.pick([8, 9])),
      hospital: rng.pick(['苏北人民医院', '扬州市第一人民医院', '邗江区人民医院', '竹西社区卫生服务中心']),
    }),
  },
  'red-butler-visit': {
    perDay: 2,
    who: 'elder',
    texts: ['家里灯泡坏了，老人够不着', '纱窗破了，请帮忙换一下', '门锁不好开，请帮忙看看', '想请人帮忙搬一下家具'],
  },
  'after-school-class': {
    perDay: 1.2,
    who: 'child',
    season: { 2: 0.5, 7: 0.2, 8: 0.2, 9: 2, 10: 1.2 },
    texts: ['孩子放学后家里没人，申请四点半课堂', '想给孩子报名作业辅导', '申请暑期托管'],
    values: (rng) => ({ grade: rng.pick(['g1', 'g2', 'g3', 'g4', 'g5', 'g6']) }),
  },
  counselling: {
    perDay: 0.8,
    texts: ['最近睡不好，情绪低落，想找人聊聊', '孩子青春期叛逆，家长很焦虑', '老伴去世后一直走不出来'],
  },
  'legal-advice': {
    perDay: 1,
    texts: ['房东不退押金，想咨询怎么办', '公司拖欠工资，想咨询维权途径', '想咨询遗嘱怎么写才有效', '交通事故赔偿问题咨询'],
  },
};

/** Residents of Anping are older: more home and volunteer services; Green Yangyuan has more tenants and cars. */
export const COMMUNITY_MIX: Record<'anping' | 'lvyang', Partial<Record<ServiceCategoryCode, number>>> = {
  anping: { home_service: 1.35, volunteer: 1.3, renovation: 1.2, social_org: 0.8 },
  lvyang: { home_service: 0.7, volunteer: 0.7, mediation: 1.2, social_org: 1.2, renovation: 0.8 },
};

/** Mondays are busiest, weekends quiet (getUTCDay of local time: 0 Sunday). */
export const WEEKDAY_FACTOR = [0.7, 1.25, 1.1, 1.05, 1.05, 1.0, 0.8];

/** Weights of the local hour an order is placed at. */
export const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 0.15],
  [1, 0.1],
  [2, 0.1],
  [3, 0.1],
  [4, 0.1],
  [5, 0.2],
  [6, 0.6],
  [7, 1.5],
  [8, 3],
  [9, 4],
  [10, 4],
  [11, 3],
  [12, 1.5],
  [13, 2],
  [14, 3],
  [15, 3],
  [16, 3],
  [17, 2.2],
  [18, 1.6],
  [19, 1.6],
  [20, 1.3],
  [21, 0.9],
  [22, 0.5],
  [23, 0.3],
];

export const RATING_REASONS = {
  satisfied: ['响应及时', '态度热情', '处理彻底', '师傅很专业', '解决了大问题'],
  basic: ['处理时间偏长', '沟通还可以更及时', '基本解决', '上门比约定晚'],
  unsatisfied: ['问题没有彻底解决', '上门不及时', '态度不好', '反复找了好几次'],
} as const;

/** Names that sign the timeline: desk staff per community, the street's closers, staff per handler organisation. */
export const STAFF_NAMES = {
  desk: { anping: ['李秀梅', '孙丽华', '黄伟'], lvyang: ['陈静', '何敏', '杨帆'] },
  grid: { anping: ['刘建国', '吴芳', '徐涛'], lvyang: ['刘洋', '马丽', '朱军'] },
  street: ['周建华', '钱晓东'],
  handler: ['孙师傅', '王师傅', '钱师傅', '郑工', '冯主任', '蒋老师', '沈律师', '韩社工', '杨志愿者', '许志愿者'],
} as const;
