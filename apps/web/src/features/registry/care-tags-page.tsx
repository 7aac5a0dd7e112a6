import { EditOutlined } from '@ant-design/icons';
import type { CareTagDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { CreateButton } from '../../components/create-button';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { careTagKeys, putCareTag, useCareTagList } from './care-tag-api';
import { careTagLabel } from './care-tag-model';
import { CareTagFormModal } from './care-tag-form-modal';

/** 关爱标签设置: a community's care tags with their colours and visit frequencies; admins edit and add their own. */
export default function CareTagsPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const communities = me.scopes.flatMap((s) =>
    s.areaId && s.areaName && s.areaKind === 'community' ? [{ id: s.areaId, name: s.areaName, kind: s.areaKind }] : [],
  );
  const [picked, setPicked] = useState<string | undefined>(communities[0]?.id);
  const list = useCareTagList(picked);
  const communityId = list.data?.communityId ?? null;
  const canEdit = Boolean(list.data?.canEdit && communityId);
  const [editing, setEditing] = useState<CareTagDto | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (tag: CareTagDto) => putCareTag(tag.code, { active: !tag.active }, communityId ?? undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careTagKeys.all }),
    onError: showError,
  });

  const columns: TableColumnsType<CareTagDto> = [
    {
      key: 'label',
      title: t('registry.col.tags'),
      render: (_, tag) => (
        <Tag color={tag.color} style={{ fontSize: 14, padding: '2px 10px' }}>
          {careTagLabel(tag, locale)}
        </Tag>
      ),
    },
    { key: 'code', title: t('tags.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    { key: 'labelZh', title: t('tags.labelZh'), dataIndex: 'labelZh' },
    { key: 'labelEn', title: t('tags.labelEn'), dataIndex: 'labelEn' },
    { key: 'appliesTo', title: t('tags.appliesTo'), render: (_, tag) => t(`tags.appliesTo.${tag.appliesTo}`) },
    {
      key: 'visit',
      title: t('tags.visitEvery'),
      render: (_, tag) => (tag.visitEveryDays ? t('tags.everyDays', { n: tag.visitEveryDays }) : t('tags.noVisits')),
    },
    { key: 'kind', title: '', render: (_, tag) => <Tag>{tag.builtIn ? t('tags.builtIn') : t('tags.custom')}</Tag> },
    {
      key: 'active',
      title: t('tags.active'),
      render: (_, tag) => (
        <Switch
          checked={tag.active}
          disabled={!canEdit}
          loading={toggle.isPending && toggle.variables.code === tag.code}
          onChange={() => toggle.mutate(tag)}
          data-testid={`care-tag-active-${tag.code}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, tag) =>
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(tag)} data-testid={`care-tag-edit-${tag.code}`}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageTitle extra={canEdit && <CreateButton testId="care-tag-add" onClick={() => setEditing('new')} label={t('tags.add')} />}>
        {t('tags.title')}
      </PageTitle>
      <Card>
        <Flex vertical gap={12}>
          <Space wrap>
            <span>{t('tags.community')}</span>
            <AreaSelect
              kinds={['community']}
              known={communities}
              value={picked}
              onChange={setPicked}
              placeholder={t('tags.pickCommunity')}
              testId="care-tags-community"
            />
          </Space>
          {list.error && <Alert type="error" showIcon title={list.error.message} />}
          {list.data && !canEdit && <Alert type="info" showIcon title={t('tags.readOnly')} />}
          <Table
            rowKey="code"
            data-testid="care-tags-table"
            loading={list.isFetching}
            dataSource={list.data?.items}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Flex>
      </Card>
      {editing && communityId && (
        <CareTagFormModal
          tag={editing === 'new' ? null : editing}
          taken={list.data?.items.map((i) => i.code) ?? []}
          communityId={communityId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
