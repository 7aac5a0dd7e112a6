import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../app/i18n';

/** Prints the map page (the print stylesheet hides the controls). */
export function PrintButton({ primary }: { primary?: boolean }) {
  const { t } = useI18n();
  return (
    <Button type={primary ? 'primary' : undefined} icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
      {t('map.print')}
    </Button>
  );
}
