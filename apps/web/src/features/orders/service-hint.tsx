import type { ServiceDto } from '@linli/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatDuration } from './order-clock';
import { durationParts } from './clock-model';

/** The chosen service's time limits and default handler, so the clerk can tell the caller what to expect. */
export function ServiceHint({ service }: { service: ServiceDto }) {
  const { t } = useI18n();
  const span = (minutes: number) => formatDuration(t, durationParts(minutes * 60_000));
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="intake-service-hint">
      {t('orders.intake.serviceHint', {
        dispatch: span(service.timeLimits.dispatchMinutes),
        handle: span(service.timeLimits.handleHours * 60),
        org: service.defaultHandlerOrgName ?? t('orders.intake.none'),
      })}
      {service.description ? ` · ${service.description}` : ''}
    </Typography.Paragraph>
  );
}
