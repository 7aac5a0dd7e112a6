import { ORDER_STAGES, SERVICE_CATEGORY_LABELS, STAGE_DUE_FIELD, type OrderDto } from '@linli/contracts';
import { Descriptions, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { formatFieldValue } from './field-values';
import { useCatalogue } from './order-api';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** What the order is about, who and where, and how it went: every fact the detail page shows. */
export function OrderFacts({ order: o }: { order: OrderDto }) {
  const { t, locale } = useI18n();
  const catalogue = useCatalogue();
  const service = catalogue.data?.categories.flatMap((c) => c.services).find((s) => s.id === o.service.id);
  const consent = o.consent && (['in_person', 'phone', 'written'] as const).find((m) => m === o.consent?.method);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="order-facts">
      <Descriptions.Item label={t('orders.detail.service')} span={2}>
        {SERVICE_CATEGORY_LABELS[o.service.category][locale]} / {o.service.name}
        {o.service.emergency && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('orders.emergency')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.description')} span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{o.description}</span>
      </Descriptions.Item>
      {o.fieldLabels.flatMap((f) => {
        const value = o.fields[f.code];
        if (value === undefined) return [];
        return [
          <Descriptions.Item key={f.code} label={f.label}>
            {formatFieldValue(
              value,
              service?.fields.find((sf) => sf.code === f.code),
            )}
          </Descriptions.Item>,
        ];
      })}
      <Descriptions.Item label={t('orders.detail.place')} span={2}>
        {o.place || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.contact')}>
        {[o.contactName, o.contactPhone].filter(Boolean).join(' ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.channel')}>
        {t(`orders.channel.${o.channel}`)}
        {o.consent && (
          <Tag style={{ marginInlineStart: 8 }} data-testid="order-consent">
            {t('orders.detail.consent')}：{consent ? t(`orders.consent.${consent}`) : o.consent.method}
            {o.consent.note ? ` · ${o.consent.note}` : ''}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.placedBy')}>{o.placedBy?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.placedAt')}>{time(o.placedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.handler')}>{o.handlerOrg?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.handlerUser')}>{o.handlerUser?.name ?? '—'}</Descriptions.Item>
      {o.extension && (
        <Descriptions.Item label={t('orders.detail.extension')} span={2}>
          <Tag color="purple">{t('orders.detail.extensionText', { n: o.extension.hours, reason: o.extension.reason })}</Tag>
        </Descriptions.Item>
      )}
      {(o.reworkCount > 0 || o.extensionCount > 0) && (
        <Descriptions.Item label={t('orders.detail.counts')} span={2}>
          {t('orders.detail.countsText', { rework: o.reworkCount, ext: o.extensionCount })}
        </Descriptions.Item>
      )}
      {o.rating && (
        <Descriptions.Item label={t('orders.detail.rating')} span={2}>
          <Flex wrap gap={4}>
            <Tag color={o.rating === 'unsatisfied' ? 'red' : 'green'}>{t(`orders.rating.${o.rating}`)}</Tag>
            {o.ratingReasons.map((r) => (
              <Tag key={r}>{r}</Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      )}
      {o.outcome && <Descriptions.Item label={t('orders.detail.outcome')}>{t(`orders.outcome.${o.outcome}`)}</Descriptions.Item>}
      {o.closedAt && <Descriptions.Item label={t('orders.detail.closedAt')}>{time(o.closedAt)}</Descriptions.Item>}
      {o.mergedInto && (
        <Descriptions.Item label={t('orders.detail.mergedInto')} span={2}>
          <Link to={`/orders/${o.mergedInto.id}`}>{o.mergedInto.orderNo}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The deadline of every stage reached so far; the running one in bold. */
export function OrderDeadlines({ order }: { order: OrderDto }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={1} data-testid="order-deadlines">
      {ORDER_STAGES.filter((s) => order.deadlines[STAGE_DUE_FIELD[s]]).map((s) => (
        <Descriptions.Item key={s} label={t(`orders.detail.due.${s}`)}>
          <span style={{ fontWeight: order.clock.stage === s ? 600 : undefined }}>{time(order.deadlines[STAGE_DUE_FIELD[s]])}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
