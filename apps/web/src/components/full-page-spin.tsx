import { Flex, Spin } from 'antd';
import { useI18n } from '../app/i18n';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
