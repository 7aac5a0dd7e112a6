import type { HistoryEntryDto, HouseholdStatus, ResidentStatus, ResidentType, Tenure } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Empty, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useCareTags } from './care-tag-api';
import { describeTag } from './care-tag-model';
import { actionKey, fieldKey, formatValue } from './history-model';
import { getHouseholdHistory, registryKeys } from './registry-api';
import { residentTypeLabel, statusLabel, tenureLabel } from './registry-labels';

/** Who changed which field from what to what, newest first. */
type Props = { householdId: string; communityId: string; names: Record<string, string> };

export function HistoryTimeline({ householdId, communityId, names }: Props) {
  const { t, locale } = useI18n();
  const { tags } = useCareTags(communityId);
  const history = useQuery({ queryKey: registryKeys.history(householdId), queryFn: () => getHouseholdHistory(householdId) });
  if (history.isPending) return <Skeleton active />;
  if (history.error) return <Result status="warning" subTitle={history.error.message} />;
  if (history.data.length === 0) return <Empty description={t('history.empty')} />;

  const labels = {
    locale,
    tenure: (v: Tenure) => tenureLabel(t, v),
    status: (v: ResidentStatus | HouseholdStatus) => statusLabel(t, v),
    residentType: (v: ResidentType) => residentTypeLabel(t, v),
    tagLabel: (code: string) => describeTag(tags, code, locale).label,
    yes: t('history.yes'),
    no: t('history.no'),
  };
  const value = (field: string, v: string | null) =>
    v === null || v === '' ? t('history.emptyValue') : formatValue(fieldKey(field), v, labels);
  const title = (e: HistoryEntryDto) => {
    const key = actionKey(e.action);
    return key ? t(`history.action.${key}`) : e.action;
  };

  return (
    <Timeline
      data-testid="household-history"
      items={history.data.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Typography.Text strong>{title(e)}</Typography.Text>{' '}
            <Tag>
              {t(`history.entity.${e.entityType}`)}
              {e.entityType === 'resident' && names[e.entityId] ? ` · ${names[e.entityId]}` : ''}
            </Tag>
            <Typography.Text type="secondary">
              {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {t('history.by', { name: e.actorName ?? t('history.system') })}
            </Typography.Text>
            {e.changes.length > 0 && (
              <ul className="history-changes">
                {e.changes.map((c, i) => {
                  const key = fieldKey(c.field);
                  return (
                    <li key={i}>
                      <span className="history-field">{key ? t(`history.field.${key}`) : c.field}</span>
                      {': '}
                      <del>{value(c.field, c.from)}</del> → <ins>{value(c.field, c.to)}</ins>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
