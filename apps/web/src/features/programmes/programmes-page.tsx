import { CARE_TAG_LABELS, CareTag, PROGRAMME_KIND_LABELS, type ProgrammeDto } from '@linli/contracts';
import { Alert, Button, Card, Col, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { HouseholdCard } from '../registry/household-card';
import { useProgrammes, useUnserved } from './programmes-api';
import { SocialOrgsPanel } from './social-orgs-panel';
import './programmes.css';

const tagLabel = (code: string, locale: 'zh-CN' | 'en') =>
  CareTag.safeParse(code).success ? CARE_TAG_LABELS[code as CareTag][locale] : code;

/** 一老一小: the programmes in scope as cards; choosing one lists who in the user's grids is eligible but not served. */
export default function ProgrammesPage() {
  const { t } = useI18n();
  const list = useProgrammes();
  const [chosen, setChosen] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  return (
    <div className="programmes-page">
      <PageTitle>{t('programmes.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('programmes.unservedHint')}</Typography.Paragraph>
      {list.data.items.length === 0 && <Empty description={t('programmes.none')} />}
      <Row gutter={[12, 12]}>
        {list.data.items.map((p) => (
          <Col xs={24} md={12} xl={8} key={p.id}>
            <ProgrammeCard
              programme={p}
              active={chosen === p.id}
              onChoose={() => setChosen(chosen === p.id ? null : p.id)}
              onOpen={setOpenId}
            />
          </Col>
        ))}
      </Row>
      <SocialOrgsPanel />
      <HouseholdCard householdId={openId} open={openId !== null} onClose={() => setOpenId(null)} />
    </div>
  );
}

type CardProps = { programme: ProgrammeDto; active: boolean; onChoose: () => void; onOpen: (householdId: string) => void };

function ProgrammeCard({ programme: p, active, onChoose, onOpen }: CardProps) {
  const { t, locale } = useI18n();
  const range = p.maxAge !== null ? `${p.minAge ?? 0}–${p.maxAge}` : p.minAge !== null ? `≥ ${p.minAge}` : null;
  return (
    <Card
      size="small"
      hoverable
      className={active ? 'programme-card programme-card-active' : 'programme-card'}
      onClick={onChoose}
      title={
        <Space wrap size={4}>
          <Tag color="blue">{PROGRAMME_KIND_LABELS[p.kind][locale]}</Tag>
          <span>{p.name}</span>
        </Space>
      }
      data-testid="programme-card"
    >
      <Typography.Text type="secondary">
        {t('programmes.provider')}：{p.provider?.name ?? '—'} · {t('programmes.venue')}：{p.venue || '—'}
      </Typography.Text>
      <div className="programme-figures">
        <strong>{t('programmes.enrolled', { n: p.enrolled })}</strong>
        <span>{t('programmes.sessions', { n: p.sessions })}</span>
        <span>{t('programmes.attendances', { n: p.attendances })}</span>
      </div>
      <Space wrap size={4}>
        {range && <Tag>{t('programmes.age', { range })}</Tag>}
        {p.eligibleTags.map((c) => (
          <Tag key={c} color="orange">
            {tagLabel(c, locale)}
          </Tag>
        ))}
      </Space>
      {active && <UnservedList programmeId={p.id} onOpen={onOpen} />}
    </Card>
  );
}

function UnservedList({ programmeId, onOpen }: { programmeId: string; onOpen: (householdId: string) => void }) {
  const { t, locale } = useI18n();
  const unserved = useUnserved(programmeId);
  if (unserved.isPending) return <Skeleton active />;
  if (unserved.isError) return <Alert type="error" showIcon message={unserved.error.message} />;
  return (
    <List
      className="programme-unserved"
      header={<strong>{t('programmes.unserved', { n: unserved.data.total })}</strong>}
      dataSource={unserved.data.items}
      locale={{ emptyText: t('programmes.allServed') }}
      renderItem={(r) => (
        <List.Item onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="large" onClick={() => onOpen(r.householdId)}>
            {r.name}
          </Button>
          <Space wrap size={4}>
            {r.age !== null && <span>{t('programmes.years', { n: r.age })}</span>}
            {r.tags.map((c) => (
              <Tag key={c}>{tagLabel(c, locale)}</Tag>
            ))}
          </Space>
        </List.Item>
      )}
      data-testid="programme-unserved"
    />
  );
}
