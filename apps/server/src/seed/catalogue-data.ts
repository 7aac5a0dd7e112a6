import { type ServiceCategoryCode, type ServiceField, TIME_LIMIT_PRESETS } from '@linli/contracts';

type Preset = keyof typeof TIME_LIMIT_PRESETS;

/**
 * Who handles a service's orders: a named organisation of the street, the property company of the order's
 * compound, or the community's own volunteer team.
 */
export type HandlerRule = { org: string } | 'compound_property' | 'community_volunteers';

export type DemoServiceDef = {
  code: string;
  category: ServiceCategoryCode;
  name: string;
  description: string;
  keywords: string[];
  fields?: ServiceField[];
  preset: Preset;
  emergency?: boolean;
  handler: HandlerRule;
};

const opt = (pairs: string): { key: string; name: string }[] =>
  pairs.split(' ').map((p) => {
    const [key, name] = p.split(':');
    return { key: key!, name: name! };
  });
const field = (f: Omit<ServiceField, 'hint' | 'required' | 'options'> & Partial<ServiceField>): ServiceField => ({
  hint: '',
  required: false,
  options: [],
  ...f,
});
const preferredTime = field({ code: 'preferred_at', label: '希望上门时间', type: 'datetime' });

/** The demo street's catalogue: the six categories of the e-service supermarket and their sub-services. */
export const DEMO_SERVICES: readonly DemoServiceDef[] = [
  {
    code: 'water-power-repair',
    category: 'property',
    name: '水电维修',
    description: '室内外水管漏水、停水、跳闸、插座线路故障等报修，24 小时内处置。',
    keywords: ['漏水', '停电', '跳闸', '水管'],
    fields: [
      field({
        code: 'kind',
        label: '故障类型',
        type: 'singlevaluelist',
        required: true,
        options: opt('water:漏水/停水 power:停电/跳闸 drain:下水堵塞 gas:燃气异味'),
      }),
    ],
    preset: 'utility',
    handler: 'compound_property',
  },
  {
    code: 'common-cleaning',
    category: 'property',
    name: '公共区域保洁',
    description: '楼道、电梯厅、绿地和垃圾分类点的清扫保洁。',
    keywords: ['楼道', '垃圾', '卫生'],
    preset: 'general',
    handler: 'compound_property',
  },
  {
    code: 'lift-fault',
    category: 'property',
    name: '电梯故障',
    description: '电梯困人、停运、异响。困人请同时拨打电梯内的应急电话。',
    keywords: ['电梯', '困人'],
    fields: [
      field({ code: 'trapped', label: '是否有人被困', type: 'singlevaluelist', required: true, options: opt('yes:有人被困 no:无人被困') }),
    ],
    preset: 'emergency',
    emergency: true,
    handler: 'compound_property',
  },
  {
    code: 'greenery',
    category: 'property',
    name: '绿化养护',
    description: '树木修剪、枯枝清理、草坪养护、病虫害防治。',
    keywords: ['树', '草坪', '修剪'],
    preset: 'general',
    handler: 'compound_property',
  },
  {
    code: 'parking',
    category: 'property',
    name: '停车管理',
    description: '乱停乱放、占用消防通道、非机动车充电棚问题。',
    keywords: ['停车', '消防通道', '电动车'],
    preset: 'general',
    handler: 'compound_property',
  },
  {
    code: 'meal-aid',
    category: 'home_service',
    name: '助餐',
    description: '为老年人提供长者食堂就餐或送餐上门。',
    keywords: ['送餐', '长者食堂'],
    fields: [field({ code: 'meals', label: '每日餐次', type: 'multivaluelist', options: opt('lunch:午餐 dinner:晚餐') })],
    preset: 'general',
    handler: { org: '乐龄社会工作服务中心' },
  },
  {
    code: 'bath-aid',
    category: 'home_service',
    name: '助浴',
    description: '为失能、半失能老人提供上门助浴服务。',
    keywords: ['洗澡', '失能'],
    fields: [preferredTime],
    preset: 'general',
    handler: { org: '乐龄社会工作服务中心' },
  },
  {
    code: 'appliance-repair',
    category: 'home_service',
    name: '家电维修',
    description: '空调、冰箱、洗衣机、热水器等家电上门维修，材料费自理。',
    keywords: ['空调', '冰箱', '热水器'],
    fields: [
      field({
        code: 'appliance',
        label: '家电类型',
        type: 'singlevaluelist',
        required: true,
        options: opt('ac:空调 fridge:冰箱 washer:洗衣机 heater:热水器 tv:电视 other:其他'),
      }),
      preferredTime,
    ],
    preset: 'general',
    handler: { org: '乐龄社会工作服务中心' },
  },
  {
    code: 'home-haircut',
    category: 'home_service',
    name: '上门理发',
    description: '志愿理发师每月上门为行动不便的老人理发。',
    keywords: ['理发'],
    fields: [preferredTime],
    preset: 'general',
    handler: 'community_volunteers',
  },
  {
    code: 'stairwell-renovation',
    category: 'renovation',
    name: '楼道改造',
    description: '楼道墙面粉刷、扶手、照明和线缆整治。',
    keywords: ['楼道', '墙面', '扶手'],
    preset: 'complex',
    handler: { org: '城管科' },
  },
  {
    code: 'lift-retrofit',
    category: 'renovation',
    name: '加装电梯咨询',
    description: '多层住宅加装电梯的政策、意见征询和流程咨询。',
    keywords: ['加装电梯'],
    fields: [field({ code: 'consent_share', label: '本单元已同意户数占比（%）', type: 'number' })],
    preset: 'complex',
    handler: { org: '社会事务科' },
  },
  {
    code: 'rain-sewage',
    category: 'renovation',
    name: '雨污分流',
    description: '雨污分流改造中的管道、路面恢复和积水问题。',
    keywords: ['积水', '管道', '路面'],
    preset: 'complex',
    handler: { org: '城管科' },
  },
  {
    code: 'neighbour-dispute',
    category: 'mediation',
    name: '邻里纠纷',
    description: '噪音、漏水、公共空间占用等邻里矛盾的调解。',
    keywords: ['噪音', '邻居'],
    fields: [field({ code: 'other_party', label: '对方房号', type: 'string' })],
    preset: 'complex',
    handler: { org: '竹西街道公益法律服务中心' },
  },
  {
    code: 'property-fee-dispute',
    category: 'mediation',
    name: '物业费纠纷',
    description: '物业服务质量与物业费收缴争议的调解。',
    keywords: ['物业费'],
    preset: 'complex',
    handler: { org: '竹西街道公益法律服务中心' },
  },
  {
    code: 'renovation-noise',
    category: 'mediation',
    name: '装修扰民',
    description: '装修时间、噪音和建筑垃圾堆放问题。',
    keywords: ['装修', '噪音'],
    preset: 'general',
    handler: { org: '城管科' },
  },
  {
    code: 'family-dispute',
    category: 'mediation',
    name: '家庭矛盾',
    description: '赡养、婚姻、继承等家庭矛盾的调解。',
    keywords: ['赡养', '婚姻'],
    preset: 'complex',
    handler: { org: '竹西街道公益法律服务中心' },
  },
  {
    code: 'errands',
    category: 'volunteer',
    name: '代购代办',
    description: '为独居、高龄老人代购生活用品，代办证件和缴费。',
    keywords: ['代购', '代办'],
    preset: 'general',
    handler: 'community_volunteers',
  },
  {
    code: 'hospital-escort',
    category: 'volunteer',
    name: '陪同就医',
    description: '志愿者陪同老人到医院挂号、就诊、取药。',
    keywords: ['就医', '医院'],
    fields: [preferredTime, field({ code: 'hospital', label: '医院', type: 'string' })],
    preset: 'general',
    handler: 'community_volunteers',
  },
  {
    code: 'red-butler-visit',
    category: 'volunteer',
    name: '红管家上门',
    description: '党员志愿者上门帮忙解决小修小补和生活难题。',
    keywords: ['红管家', '上门'],
    preset: 'general',
    handler: 'community_volunteers',
  },
  {
    code: 'after-school-class',
    category: 'social_org',
    name: '四点半课堂',
    description: '放学后的作业辅导和兴趣活动，周一至周五 16:30–18:00。',
    keywords: ['作业', '托管'],
    fields: [
      field({
        code: 'grade',
        label: '孩子年级',
        type: 'singlevaluelist',
        required: true,
        options: opt('g1:一年级 g2:二年级 g3:三年级 g4:四年级 g5:五年级 g6:六年级'),
      }),
    ],
    preset: 'general',
    handler: { org: '向阳花青少年服务社' },
  },
  {
    code: 'counselling',
    category: 'social_org',
    name: '心理疏导',
    description: '社工提供的心理咨询和情绪疏导。',
    keywords: ['心理', '情绪'],
    preset: 'general',
    handler: { org: '乐龄社会工作服务中心' },
  },
  {
    code: 'legal-advice',
    category: 'social_org',
    name: '法律咨询',
    description: '律师值班解答租赁、劳动、婚姻家庭等法律问题。',
    keywords: ['律师', '法律'],
    preset: 'general',
    handler: { org: '竹西街道公益法律服务中心' },
  },
];
