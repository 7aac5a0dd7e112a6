import { orderLabelMessages } from './labels-messages';
import { orderListMessages } from './list-messages';
import { orderMoveMessages } from './move-messages';
import { orderDetailMessages } from './detail-messages';
import { orderIntakeMessages } from './intake-messages';
import { orderFieldMessages } from './field-messages';

/** Orders (e服务超市): one dictionary for the feature, gathered from its parts and spread once into zh.ts / en.ts. */
export const ordersMessages = {
  zh: {
    ...orderLabelMessages.zh,
    ...orderListMessages.zh,
    ...orderMoveMessages.zh,
    ...orderDetailMessages.zh,
    ...orderIntakeMessages.zh,
    ...orderFieldMessages.zh,
  },
  en: {
    ...orderLabelMessages.en,
    ...orderListMessages.en,
    ...orderMoveMessages.en,
    ...orderDetailMessages.en,
    ...orderIntakeMessages.en,
    ...orderFieldMessages.en,
  },
};
