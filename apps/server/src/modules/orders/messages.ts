import { type Locale, type OrderEvent, type OrderStatus, ORDER_STATUS_LABELS } from '@linli/contracts';

type Text = Record<Locale, string>;
const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** Names of the moves, for messages that say which move was refused. */
export const ORDER_EVENT_LABELS: Record<OrderEvent, Text> = {
  dispatch: t('派单', 'dispatch'),
  transfer: t('转派', 'transfer'),
  return: t('退单', 'return'),
  accept: t('接单', 'accept'),
  start: t('开始处理', 'start'),
  handle: t('办结', 'handle'),
  request_extension: t('申请延期', 'request an extension'),
  approve_extension: t('批准延期', 'approve the extension'),
  reject_extension: t('驳回延期', 'reject the extension'),
  suspend: t('挂起', 'suspend'),
  resume: t('恢复', 'resume'),
  merge: t('并单', 'merge'),
  withdraw: t('撤回', 'withdraw'),
  confirm: t('确认评价', 'confirm'),
  contest: t('不认可', 'contest'),
  close: t('结案', 'close'),
};

/** Messages the order intake and move verbs write themselves, in both UI languages. */
export const ORDER_MESSAGES = {
  unknownService: () => t('该服务不存在或未在本街道开放', 'This service does not exist or is not offered here'),
  fieldRequired: (label: string) => t(`请填写“${label}”`, `“${label}” is required`),
  fieldType: (label: string) => t(`“${label}”的格式不正确`, `“${label}” has the wrong format`),
  fieldOption: (label: string) => t(`“${label}”的选项无效`, `“${label}” has an option that does not exist`),
  fieldUnknown: () => t('该服务没有这个字段', 'This service has no such field'),
  noHousehold: () => t('你的账号没有关联在住的住户，请联系社区', 'Your account is not linked to a household; contact the community'),
  unknownHousehold: () => t('住户不存在或已迁出', 'Unknown or moved-out household'),
  residentNotInHousehold: () => t('该居民不属于所选住户', 'This resident does not belong to the household'),
  unknownBuilding: () => t('楼栋不存在或不在本社区', 'Unknown building, or not in this community'),
  placeNeeded: () => t('请选择住户或楼栋', 'Choose a household or a building'),
  orgNotServing: () => t('该处置单位不服务本街道', 'This handler organisation does not serve this street'),
  userNotOfOrg: () => t('该人员不是所选处置单位的工作人员', 'This person is not staff of the chosen organisation'),
  mergeTarget: () => t('只能并入本街道另一张未办结的工单', 'An order can only be merged into another open order of the same street'),
  staleVersion: () => t('工单已被他人更新，请刷新后重试', 'Someone else changed this order; reload and try again'),
  illegalMove: (status: OrderStatus, event: OrderEvent) =>
    t(
      `工单当前状态为“${ORDER_STATUS_LABELS[status]['zh-CN']}”，不能${ORDER_EVENT_LABELS[event]['zh-CN']}`,
      `The order is ${ORDER_STATUS_LABELS[status].en.toLowerCase()}; it cannot ${ORDER_EVENT_LABELS[event].en} now`,
    ),
  guard: (guard: 'extension_pending' | 'no_extension_pending' | 'closer_is_handler' | 'outcome') =>
    ({
      extension_pending: t('已有延期申请待审批', 'An extension request is already pending'),
      no_extension_pending: t('没有待审批的延期申请', 'There is no pending extension request'),
      closer_is_handler: t('办理人员不能结案', 'The handler of an order cannot close it'),
      outcome: t('该结案结果不适用于当前状态', 'This outcome does not fit the order’s state'),
    })[guard],
} satisfies Record<string, (...args: never[]) => Text>;
