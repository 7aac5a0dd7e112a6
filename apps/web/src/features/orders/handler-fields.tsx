import { Form, Select, Tag } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { useOrgList } from '../orgs/org-api';
import { useHandlerSuggestions } from './order-api';

/**
 * Dispatch and transfer: the handler organisation, suggested ones first (the catalogue's default and where orders
 * like this went lately), then every other organisation in scope; and optionally a person of the chosen one.
 */
export function HandlerFields({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const suggestions = useHandlerSuggestions(orderId);
  const orgs = useOrgList();
  const form = Form.useFormInstance();
  const orgId = Form.useWatch<string | undefined>('handlerOrgId', form);
  const suggested = suggestions.data ?? [];
  const suggestedIds = new Set(suggested.map((s) => s.orgId));
  const others = (orgs.data ?? []).filter((o) => !suggestedIds.has(o.id));
  const people = suggested.find((s) => s.orgId === orgId)?.people ?? [];
  const catalogueDefault = suggested.find((s) => s.source === 'catalogue')?.orgId;
  // the catalogue's default handler is chosen for the user; they may still pick another
  useEffect(() => {
    if (catalogueDefault && !form.getFieldValue('handlerOrgId')) form.setFieldValue('handlerOrgId', catalogueDefault);
  }, [catalogueDefault, form]);
  const options = [
    {
      label: t('orders.move.suggested'),
      options: suggested.map((s) => ({
        value: s.orgId,
        label: (
          <span>
            {s.name}{' '}
            <Tag color={s.source === 'catalogue' ? 'blue' : 'green'} style={{ marginInlineStart: 4 }}>
              {s.source === 'catalogue' ? t('orders.move.source.catalogue') : t('orders.move.source.history', { n: s.orders })}
            </Tag>
          </span>
        ),
        title: s.name,
      })),
    },
    { label: t('orders.move.allOrgs'), options: others.map((o) => ({ value: o.id, label: o.name, title: o.name })) },
  ].filter((g) => g.options.length > 0);
  return (
    <>
      <Form.Item
        name="handlerOrgId"
        label={t('orders.move.handlerOrg')}
        rules={[{ required: true, message: t('orders.move.handlerOrgRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'title' }}
          options={options}
          loading={suggestions.isPending || orgs.isPending}
          onChange={() => form.setFieldValue('handlerUserId', undefined)}
          data-testid="move-handler-org"
        />
      </Form.Item>
      {people.length > 0 && (
        <Form.Item name="handlerUserId" label={t('orders.move.handlerUser')}>
          <Select allowClear options={people.map((p) => ({ value: p.id, label: p.name }))} data-testid="move-handler-user" />
        </Form.Item>
      )}
    </>
  );
}
