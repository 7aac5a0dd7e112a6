import type { AreaNodeDto } from '@linli/contracts';
import { Card, Col, Empty, Flex, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { areaKindLabel, scopeLabel } from '../../lib/labels';
import { useAreaList } from '../areas/area-api';
import { SupermarketCard } from './supermarket-card';

// ECharts is the heaviest dependency: load it after the welcome has rendered.
const ChildrenChart = lazy(() => import('./children-chart').then((m) => ({ default: m.ChildrenChart })));

export default function OverviewPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const canReadAreas = me.abilities.includes('areas.read');
  const tops = useAreaList({}, canReadAreas);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const top: AreaNodeDto | undefined = tops.data?.find((a) => a.id === chosenId) ?? tops.data?.[0];

  return (
    <>
      <PageTitle>{t('overview.title')}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="welcome">
          {t('overview.welcome', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('overview.yourRoles')}</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 8 }} data-testid="my-scopes">
          {me.scopes.map((s, i) => (
            <Tag key={i} color="red" style={{ fontSize: 14, padding: '2px 10px' }}>
              {scopeLabel(s, locale)}
            </Tag>
          ))}
        </Flex>
      </Card>
      <SupermarketCard />
      {!canReadAreas ? (
        <Card>
          <Empty description={t('overview.noAreaAccess')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card title={t('overview.topAreas')} loading={tops.isPending}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {(tops.data ?? []).map((a) => (
                  <Flex key={a.id} justify="space-between" gap={8}>
                    <span>
                      <Tag>{areaKindLabel(a.kind, locale)}</Tag>
                      {a.name}
                    </span>
                    <Typography.Text type="secondary">{t('overview.childCount', { n: a.childCount })}</Typography.Text>
                  </Flex>
                ))}
                {tops.data?.length === 0 && <Empty description={t('areas.empty')} />}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            {top && (
              <Card
                title={t('overview.childrenOf', { name: top.name })}
                extra={
                  tops.data && tops.data.length > 1 ? (
                    <Select
                      value={top.id}
                      onChange={setChosenId}
                      options={tops.data.map((a) => ({ value: a.id, label: a.name }))}
                      style={{ minWidth: 160 }}
                    />
                  ) : null
                }
              >
                <Suspense fallback={<Skeleton active />}>
                  <ChildrenChart parent={top} />
                </Suspense>
              </Card>
            )}
          </Col>
        </Row>
      )}
    </>
  );
}
