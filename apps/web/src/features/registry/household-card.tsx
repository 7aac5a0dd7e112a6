import { EditOutlined, ExportOutlined, HomeOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import type { HouseholdDto, ResidentDto } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Grid, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { isApiError } from '../../lib/api';
import { VisitsPanel } from '../visits/visits-panel';
import { HouseholdProgrammes } from '../programmes/household-programmes';
import { CareTagList } from './care-tags';
import { HistoryTimeline } from './history-timeline';
import { HouseholdActionModal, type CardAction } from './household-actions';
import { HouseholdMembers } from './household-members';
import { getHousehold, registryKeys } from './registry-api';
import { statusLabel, tenureLabel } from './registry-labels';
import { RevealDialog } from './reveal-dialog';
import './registry.css';

type Props = { householdId: string | null; open: boolean; onClose: () => void };

/** 户档案: a drawer (the full screen on a phone) with the household, its members, the changes it allows and its history. */
export function HouseholdCard({ householdId, open, onClose }: Props) {
  const { t } = useI18n();
  const isPhone = !Grid.useBreakpoint().sm;
  const household = useQuery({
    queryKey: registryKeys.household(householdId ?? ''),
    queryFn: () => getHousehold(householdId ?? ''),
    enabled: open && Boolean(householdId),
  });
  const data = household.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={data ? data.address.text : t('card.title')}
      rootClassName="household-card"
      destroyOnHidden
    >
      <div data-testid="household-card">
        {household.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : household.error ? (
          <Result status="warning" subTitle={isApiError(household.error, 'NOT_FOUND') ? t('card.notFound') : household.error.message} />
        ) : (
          data && <HouseholdBody household={data} />
        )}
      </div>
    </Drawer>
  );
}

function HouseholdBody({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const [action, setAction] = useState<CardAction | null>(null);
  const [revealing, setRevealing] = useState<ResidentDto | null>(null);
  const { abilities, address } = household;
  const isActive = household.status === 'active';
  const active = household.members.filter((m) => m.status === 'active').length;
  const canProgrammes = useCan('programmes.read');

  return (
    <>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" className="household-facts" data-testid="household-facts">
        <Descriptions.Item label={t('card.address')} span={{ xs: 1, sm: 2 }}>
          {address.text}
        </Descriptions.Item>
        <Descriptions.Item label={t('card.tenure')}>{tenureLabel(t, household.tenure)}</Descriptions.Item>
        <Descriptions.Item label={t('card.status')}>
          <Tag color={isActive ? 'green' : 'default'}>{statusLabel(t, household.status)}</Tag>
        </Descriptions.Item>
        {address.gridName && <Descriptions.Item label={t('card.grid')}>{address.gridName}</Descriptions.Item>}
        <Descriptions.Item label={t('card.lastVisit')}>{household.lastVisitOn ?? t('card.never')}</Descriptions.Item>
        {household.nextVisitDue && <Descriptions.Item label={t('card.nextVisit')}>{household.nextVisitDue}</Descriptions.Item>}
        {household.tags.length > 0 && (
          <Descriptions.Item label={t('card.tags')} span={{ xs: 1, sm: 2 }}>
            <CareTagList codes={household.tags} communityId={address.communityId} />
          </Descriptions.Item>
        )}
      </Descriptions>

      {isActive && (abilities.canEdit || abilities.canMove) && (
        <Space wrap className="household-actions" data-testid="household-actions">
          {abilities.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setAction({ kind: 'editHousehold' })} data-testid="household-edit">
              {t('action.editHousehold')}
            </Button>
          )}
          {abilities.canMove && (
            <>
              <Button icon={<UserAddOutlined />} onClick={() => setAction({ kind: 'addMember' })} data-testid="household-add-member">
                {t('action.addMember')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setAction({ kind: 'transfer' })} data-testid="household-transfer">
                {t('action.transfer')}
              </Button>
              <Button
                danger
                icon={<ExportOutlined />}
                onClick={() => setAction({ kind: 'moveOutHousehold' })}
                data-testid="household-move-out"
              >
                {t('action.moveOutHousehold')}
              </Button>
            </>
          )}
        </Space>
      )}

      <Tabs
        defaultActiveKey="members"
        items={[
          {
            key: 'members',
            label: (
              <span>
                <HomeOutlined /> {t('card.members', { n: active })}
              </span>
            ),
            children: <HouseholdMembers household={household} onAction={setAction} onReveal={setRevealing} />,
          },
          { key: 'visits', label: t('card.visits'), children: <VisitsPanel householdId={household.id} /> },
          ...(canProgrammes
            ? [{ key: 'programmes', label: t('programmes.household'), children: <HouseholdProgrammes householdId={household.id} /> }]
            : []),
          {
            key: 'history',
            label: t('card.history'),
            children: (
              <HistoryTimeline
                householdId={household.id}
                communityId={address.communityId}
                names={Object.fromEntries(household.members.map((m) => [m.id, m.name]))}
              />
            ),
          },
        ]}
      />
      {action && <HouseholdActionModal household={household} action={action} onClose={() => setAction(null)} />}
      {revealing && <RevealDialog member={revealing} onClose={() => setRevealing(null)} />}
    </>
  );
}
