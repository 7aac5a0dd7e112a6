import { EditOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { UserDto } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction, useConfirm } from '../../lib/use-form-save';
import { CreateButton } from '../../components/create-button';
import { usePagination } from '../../lib/use-pagination';
import { useCan, useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { scopeLabel } from '../../lib/labels';
import { listUsers, updateUser, userKeys } from './user-api';
import { UserFormModal } from './user-form-modal';

export default function UsersPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const confirm = useConfirm();
  const canWrite = useCan('users.write');
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const query = { q: q || undefined, ...page };
  const users = useQuery({ queryKey: userKeys.list(query), queryFn: () => listUsers(query), placeholderData: keepPreviousData });
  const pagination = usePagination(page, users.data?.total, setPage);
  const setActive = useAction(
    (v: { user: UserDto; active: boolean }) => updateUser(v.user.id, { active: v.active }),
    async (_, { message, queryClient }) => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  );
  const toggleActive = (user: UserDto) => {
    if (!user.active) return setActive.mutate({ user, active: true });
    confirm(t('users.deactivate'), t('users.confirmDeactivate', { name: user.displayName }), () =>
      setActive.mutateAsync({ user, active: false }),
    );
  };

  const columns: TableColumnsType<UserDto> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'scopes',
      title: t('users.scopes'),
      render: (_, u) => (
        <Flex wrap gap={4}>
          {u.scopes.map((s, i) => (
            <Tag key={i}>{scopeLabel(s, locale)}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) => <Tag color={u.active ? 'green' : 'default'}>{u.active ? t('users.active') : t('users.inactive')}</Tag>,
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      render: (_, u) => (u.lastLoginAt ? dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('users.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => (
        <Space>
          {u.abilities.canEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
              {t('common.edit')}
            </Button>
          )}
          {u.abilities.canDeactivate && u.id !== me.user.id && (
            <Button
              size="small"
              danger={u.active}
              icon={u.active ? <StopOutlined /> : <CheckCircleOutlined />}
              onClick={() => toggleActive(u)}
              data-testid={`user-toggle-${u.username}`}
            >
              {u.active ? t('users.deactivate') : t('users.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle extra={canWrite && <CreateButton testId="user-create" onClick={() => setEditing('new')} />}>{t('users.title')}</PageTitle>
      <Card>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ maxWidth: 360, marginBottom: 16 }}
          data-testid="user-search"
        />
        <Table
          rowKey="id"
          data-testid="users-table"
          loading={users.isFetching}
          dataSource={users.data?.items}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={pagination}
        />
      </Card>
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
