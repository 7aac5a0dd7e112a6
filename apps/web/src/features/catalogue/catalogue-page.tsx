import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ServiceCategoryCode, ServiceDto, ServiceField } from '@linli/contracts';
import { Alert, Button, Card, Empty, List, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useCatalogue } from './catalogue-api';
import { ServiceEditor } from './service-editor';
import { humanHours, humanMinutes } from './time-limits';

function FieldTags({ fields }: { fields: ServiceField[] }) {
  const { t } = useI18n();
  if (fields.length === 0) return <Typography.Text type="secondary">{t('catalogue.noFields')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {fields.map((f) => (
        <Tag key={f.code} color={f.required ? 'blue' : undefined}>
          {f.label} · {t(`catalogue.type.${f.type}`)}
          {f.required ? ` · ${t('catalogue.required')}` : ''}
          {f.options.length > 0 ? `（${f.options.map((o) => o.name).join(' / ')}）` : ''}
        </Tag>
      ))}
    </Space>
  );
}

function ServiceItem({ service, onEdit }: { service: ServiceDto; onEdit: () => void }) {
  const { t, locale } = useI18n();
  const l = service.timeLimits;
  return (
    <List.Item
      data-testid={`service-${service.code}`}
      actions={
        service.abilities.canEdit
          ? [
              <Button key="edit" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`service-edit-${service.code}`}>
                {t('common.edit')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{service.name}</span>
            <Typography.Text type="secondary" code>
              {service.code}
            </Typography.Text>
            {service.emergency && <Tag color="red">{t('catalogue.emergency')}</Tag>}
            {!service.active && <Tag>{t('catalogue.inactive')}</Tag>}
            <Tag color="gold">
              {t('catalogue.handleLimit')} {humanHours(l.handleHours, locale)}
            </Tag>
          </Space>
        }
        description={
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {service.description && <span>{service.description}</span>}
            <Typography.Text type="secondary">
              {t('catalogue.limits', {
                dispatch: humanMinutes(l.dispatchMinutes, locale),
                accept: humanMinutes(l.acceptMinutes, locale),
                handle: humanHours(l.handleHours, locale),
                confirm: humanHours(l.confirmHours, locale),
                close: humanHours(l.closeHours, locale),
              })}
            </Typography.Text>
            <span>
              {t('catalogue.defaultHandler')}：{service.defaultHandlerOrgName ?? t('catalogue.byPlace')}
            </span>
            <FieldTags fields={service.fields} />
          </Space>
        }
      />
    </List.Item>
  );
}

/** The street's catalogue in six category tabs; editors add and edit services in a drawer. */
export default function CataloguePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const catalogue = useCatalogue(params.get('streetId') ?? undefined);
  const [tab, setTab] = useState<ServiceCategoryCode>('property');
  const [editing, setEditing] = useState<ServiceDto | 'new' | null>(null);
  if (catalogue.isLoading) return <Spin />;
  if (catalogue.isError || !catalogue.data) return <Alert type="error" message={t('common.error')} />;
  const data = catalogue.data;
  const names = Object.fromEntries(data.categories.map((c) => [c.code, c.name]));
  return (
    <>
      <PageTitle
        extra={
          data.abilities.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="service-create">
              {t('catalogue.create')}
            </Button>
          )
        }
      >
        {t('catalogue.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('catalogue.intro', { street: data.street.name })}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as ServiceCategoryCode);
            if (params.has('tab')) setParams({});
          }}
          items={data.categories.map((c) => ({
            key: c.code,
            label: `${c.name} (${c.services.length})`,
            children: c.services.length ? (
              <List
                itemLayout="vertical"
                dataSource={c.services}
                renderItem={(s) => <ServiceItem service={s} onEdit={() => setEditing(s)} />}
              />
            ) : (
              <Empty description={t('catalogue.empty')} />
            ),
          }))}
          data-testid="catalogue-tabs"
        />
      </Card>
      {editing && (
        <ServiceEditor
          service={editing === 'new' ? null : editing}
          street={data.street}
          category={tab}
          categoryNames={names}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
