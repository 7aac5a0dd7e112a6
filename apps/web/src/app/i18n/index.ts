export { I18nProvider, useI18n } from './provider';
export { labelIn, translate, type MessageKey, type Translate } from './translate';
