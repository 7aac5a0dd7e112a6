import { defineMessages } from '../../app/i18n/define';

/** Orders on a phone: the card list, the next step after a move, the closing queue. */
export const orderFieldMessages = defineMessages(
  {
    'orders.card.handler': '处置单位：{name}',
    'orders.next.title': '下一步',
    'orders.next.accept': '接单',
    'orders.next.start': '开始处置',
    'orders.next.handle': '处置完成后点“办结”，上传现场照片',
    'orders.next.waitRating': '等待居民评价，评价后由街道结案',
    'orders.next.waitClose': '等待街道结案',
    'orders.next.done': '本单已终结',
    'orders.next.none': '暂无需要您做的事',
    'orders.kept': '刚刚处理的工单',
    'orders.desk.tab.closing': '结案队列',
    'orders.desk.close': '结案',
    'orders.closing.intro': '居民已确认（或评价期已过）的工单，选择结案结果后即可结案。',
    'orders.closing.empty': '没有等待结案的工单',
  },
  {
    'orders.card.handler': 'Handler: {name}',
    'orders.next.title': 'Next step',
    'orders.next.accept': 'Accept',
    'orders.next.start': 'Start work',
    'orders.next.handle': 'When the work is done, press "Handle" and add photos',
    'orders.next.waitRating': 'Waiting for the resident to rate; then the street closes it',
    'orders.next.waitClose': 'Waiting for the street to close it',
    'orders.next.done': 'This order has ended',
    'orders.next.none': 'Nothing for you to do now',
    'orders.kept': 'Just handled',
    'orders.desk.tab.closing': 'To close',
    'orders.desk.close': 'Close',
    'orders.closing.intro': 'Orders the resident confirmed (or whose rating time has passed): choose the outcome and close.',
    'orders.closing.empty': 'No orders waiting to be closed',
  },
);
