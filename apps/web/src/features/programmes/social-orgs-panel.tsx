import { PROGRAMME_KIND_LABELS, SOCIAL_WORKER_QUALIFICATION_LABELS } from '@linli/contracts';
import { Alert, Button, Card, Col, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSocialOrgs } from './programmes-api';
import { WorkerFormModal } from './worker-form-modal';

/** 三社联动: the street's social organisations, their social workers with qualifications, and the programmes they run. */
export function SocialOrgsPanel() {
  const { t, locale } = useI18n();
  const orgs = useSocialOrgs();
  const [adding, setAdding] = useState<{ id: string; name: string } | null>(null);
  if (orgs.isPending) return <Skeleton active />;
  if (orgs.isError) return <Alert type="error" showIcon message={orgs.error.message} />;
  return (
    <section className="programmes-social" data-testid="social-orgs">
      <Typography.Title level={4}>{t('programmes.socialOrgs')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {orgs.data.items.map((o) => (
          <Col xs={24} md={12} key={o.id}>
            <Card
              size="small"
              title={o.name}
              extra={
                o.abilities.canAddWorker && (
                  <Button size="small" onClick={() => setAdding(o)} data-testid="worker-add">
                    {t('programmes.addWorkerShort')}
                  </Button>
                )
              }
            >
              <Space wrap size={4} style={{ marginBottom: 8 }}>
                {o.programmes.map((p) => (
                  <Tag key={p.id} color="blue">
                    {PROGRAMME_KIND_LABELS[p.kind][locale]} · {p.name}
                  </Tag>
                ))}
              </Space>
              <List
                size="small"
                header={t('programmes.workers', { n: o.workers.length })}
                dataSource={o.workers}
                renderItem={(w) => (
                  <List.Item>
                    <span>{w.name}</span>
                    <Typography.Text type="secondary">
                      {SOCIAL_WORKER_QUALIFICATION_LABELS[w.qualification][locale]}
                      {w.certificateNo ? ` · ${w.certificateNo}` : ''}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {adding && <WorkerFormModal org={adding} onClose={() => setAdding(null)} />}
    </section>
  );
}
