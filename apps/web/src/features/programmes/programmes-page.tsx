import { EditOutlined } from '@ant-design/icons';
import { PROGRAMME_KIND_LABELS, type ProgrammeDto } from '@linli/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { CreateButton } from '../../components/create-button';
import { PageTitle } from '../../components/page-title';
import { HouseholdCard } from '../registry/household-card';
import { ProgrammeDrawer } from './programme-drawer';
import { ProgrammeFormModal } from './programme-form-modal';
import { useProgrammes } from './programmes-api';
import { SocialOrgsPanel } from './social-orgs-panel';
import { UnservedList, tagLabel } from './unserved-list';
import './programmes.css';

/** 一老一小: the programmes in scope as cards; choosing one lists who in the user's grids is eligible but not served. */
export default function ProgrammesPage() {
  const { t } = useI18n();
  const list = useProgrammes();
  const [chosen, setChosen] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const canCreate = useCan('programmes.write');
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  const managed = list.data.items.find((p) => p.id === managing);
  const edited = list.data.items.find((p) => p.id === editing);
  return (
    <div className="programmes-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>{t('programmes.title')}</PageTitle>
        <Space wrap>
          <Link to="/programmes/unserved" data-testid="programmes-unserved-link">
            {t('programmes.unservedTitle')}
          </Link>
          {canCreate && <CreateButton onClick={() => setCreating(true)} testId="programme-create" label={t('programmes.create')} />}
        </Space>
      </Flex>
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
              onManage={() => setManaging(p.id)}
              onEdit={() => setEditing(p.id)}
            />
          </Col>
        ))}
      </Row>
      <SocialOrgsPanel />
      <HouseholdCard householdId={openId} open={openId !== null} onClose={() => setOpenId(null)} />
      {managed && <ProgrammeDrawer programme={managed} onClose={() => setManaging(null)} />}
      {creating && <ProgrammeFormModal onClose={() => setCreating(false)} />}
      {edited && <ProgrammeFormModal programme={edited} onClose={() => setEditing(null)} />}
    </div>
  );
}

type CardProps = {
  programme: ProgrammeDto;
  active: boolean;
  onChoose: () => void;
  onOpen: (householdId: string) => void;
  onManage: () => void;
  onEdit: () => void;
};

function ProgrammeCard({ programme: p, active, onChoose, onOpen, onManage, onEdit }: CardProps) {
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
      extra={
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          {p.abilities.canEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="programme-edit">
              {t('programmes.edit')}
            </Button>
          )}
          <Button size="small" onClick={onManage} data-testid="programme-manage">
            {t('programmes.manage')}
          </Button>
        </Space>
      }
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
      {active && <UnservedList programme={p} onOpen={onOpen} />}
    </Card>
  );
}
