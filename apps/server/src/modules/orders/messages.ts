import { type OrderEvent, type OrderStatus, ORDER_STATUS_LABELS, type Text, text } from '@linli/contracts';

/** Names of the moves, for messages that say which move was refused. */
export const ORDER_EVENT_LABELS: Record<OrderEvent, Text> = {
  dispatch: text('派单', 'dispatch'),
  transfer: text('转派', 'transfer'),
  return: text('退单', 'return'),
  accept: text('接单', 'accept'),
  start: text('开始处理', 'start'),
  handle: text('办结', 'handle'),
  request_extension: text('申请延期', 'request an extension'),
  approve_extension: text('批准延期', 'approve the extension'),
  reject_extension: text('驳回延期', 'reject the extension'),
  suspend: text('挂起', 'suspend'),
  resume: text('恢复', 'resume'),
  merge: text('并单', 'merge'),
  withdraw: text('撤回', 'withdraw'),
  confirm: text('确认评价', 'confirm'),
  contest: text('不认可', 'contest'),
  close: text('结案', 'close'),
};

/** Messages the order verbs write themselves, in both UI languages. */
export const ORDER_MESSAGES = {
  unknownService: () => text('该服务不存在或未在本街道开放', 'This service does not exist or is not offered here'),
  fieldRequired: (label: string) => text(`请填写“${label}”`, `“${label}” is required`),
  fieldType: (label: string) => text(`“${label}”的格式不正确`, `“${label}” has the wrong format`),
  fieldOption: (label: string) => text(`“${label}”的选项无效`, `“${label}” has an option that does not exist`),
  fieldUnknown: () => text('该服务没有这个字段', 'This service has no such field'),
  noHousehold: () => text('你的账号没有关联在住的住户，请联系社区', 'Your account is not linked to a household; contact the community'),
  residentNotInHousehold: () => text('该居民不属于所选住户', 'This resident does not belong to the household'),
  unknownBuilding: () => text('楼栋不存在或不在本社区', 'Unknown building, or not in this community'),
  placeNeeded: () => text('请选择住户或楼栋', 'Choose a household or a building'),
  orgNotServing: () => text('该处置单位不服务本工单所在的区域', "This handler organisation does not serve the order's area"),
  userNotOfOrg: () => text('该人员不是所选处置单位的工作人员', 'This person is not staff of the chosen organisation'),
  mergeTarget: () => text('只能并入本街道另一张未办结的工单', 'An order can only be merged into another open order of the same street'),
  staleVersion: () => text('工单已被他人更新，请刷新后重试', 'Someone else changed this order; reload and try again'),
  illegalMove: (status: OrderStatus, event: OrderEvent) =>
    text(
      `工单当前状态为“${ORDER_STATUS_LABELS[status]['zh-CN']}”，不能${ORDER_EVENT_LABELS[event]['zh-CN']}`,
      `The order is ${ORDER_STATUS_LABELS[status].en.toLowerCase()}; it cannot ${ORDER_EVENT_LABELS[event].en} now`,
    ),
  guard: (guard: 'extension_pending' | 'no_extension_pending' | 'closer_is_handler' | 'outcome') =>
    ({
      extension_pending: text('已有延期申请待审批', 'An extension request is already pending'),
      no_extension_pending: text('没有待审批的延期申请', 'There is no pending extension request'),
      closer_is_handler: text('办理人员不能结案', 'The handler of an order cannot close it'),
      outcome: text('该结案结果不适用于当前状态', 'This outcome does not fit the order’s state'),
    })[guard],
} satisfies Record<string, (...args: never[]) => Text>;
