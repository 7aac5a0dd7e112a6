import type { MediationStatus } from '@linli/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

const COLORS: Record<MediationStatus, string> = { open: 'processing', agreed: 'success', failed: 'warning', withdrawn: 'default' };

export function StatusTag({ status }: { status: MediationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="mediation-status" data-status={status}>
      {t(`mediation.status.${status}`)}
    </Tag>
  );
}
