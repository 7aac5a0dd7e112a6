import { type Text, text } from '@linli/contracts';

/** Messages the property module writes itself, in both UI languages. */
export const PROPERTY_MESSAGES = {
  notPropertyCompany: () => text('请选择本街道的物业公司', 'Choose a property company of this street'),
  contractStartRequired: () => text('请填写合同开始日期', 'Enter the start of the contract'),
  contractEndBeforeStart: () => text('合同结束日期不能早于开始日期', 'The contract cannot end before it starts'),
  noContractWithoutCompany: () => text('无物业小区不填写合同期限', 'A compound without a property company has no contract period'),
} satisfies Record<string, (...args: never[]) => Text>;
