import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../app/i18n';

/** The primary "New" button of a list page's title bar. */
export function CreateButton({ onClick, testId, label }: { onClick: () => void; testId: string; label?: string }) {
  const { t } = useI18n();
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label ?? t('common.create')}
    </Button>
  );
}
