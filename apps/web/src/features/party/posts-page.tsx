import {
  type CreatePostInput,
  HOLDER_STATUS_LABELS,
  POST_AREA_KINDS,
  POST_KIND_LABELS,
  PostKind,
  type PostDto,
  type PostState,
} from '@linli/contracts';
import { Alert, Button, Card, Drawer, Flex, Form, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { CommunityPicker, useCommunityParam } from './community-picker';
import { DutyLogPanel } from './duty-log-panel';
import { HolderActions } from './holder-actions';
import { useAssignPost, useCoverage, useCreatePost, usePartyMembers, usePosts } from './party-api';

/** 设岗定责: coverage (the uncovered grids and buildings first), the posts with their holders, claims to confirm, duty logs. */
export default function PostsPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const [state, setState] = useState<PostState | 'all'>('all');
  const [page, setPage] = useState(1);
  const [defining, setDefining] = useState(false);
  const [logOf, setLogOf] = useState<PostDto | null>(null);
  const posts = usePosts({ communityId, state: state === 'all' ? undefined : state, page, pageSize: 50 });
  const coverage = useCoverage(communityId);
  const cov = coverage.data;
  const uncovered = (rows: { id: string; name: string; compoundName: string | null; covered: boolean }[]) => rows.filter((r) => !r.covered);
  const columns = [
    { title: t('posts.kind'), key: 'kind', render: (_: unknown, p: PostDto) => POST_KIND_LABELS[p.kind][locale] },
    { title: t('posts.titleField'), dataIndex: 'title', key: 'title' },
    { title: t('posts.area'), key: 'area', render: (_: unknown, p: PostDto) => p.area.name },
    {
      title: t('posts.holder'),
      key: 'holder',
      render: (_: unknown, p: PostDto) =>
        p.holder ? (
          <Flex gap={4} wrap>
            {p.holder.name}
            <Tag color={p.holder.status === 'active' ? 'green' : 'orange'}>{HOLDER_STATUS_LABELS[p.holder.status][locale]}</Tag>
          </Flex>
        ) : (
          <Tag>{t('posts.open')}</Tag>
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p: PostDto) => (
        <Flex gap={8} wrap>
          <HolderActions post={p} />
          {p.abilities.canAssign && <AssignButton post={p} />}
          {p.holder?.status === 'active' && (
            <Button size="small" onClick={() => setLogOf(p)} data-testid="post-log">
              {t('posts.log')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        extra={
          posts.data?.canCreate && (
            <Button type="primary" onClick={() => setDefining(true)} data-testid="post-define">
              {t('posts.define')}
            </Button>
          )
        }
      >
        {t('posts.title')}
      </PageTitle>
      <Flex vertical gap={16}>
        <CommunityPicker value={communityId ?? cov?.communityId} onChange={setCommunityId} />
        {coverage.isError && <Alert type="info" showIcon message={(coverage.error as Error).message} />}
        {cov && (
          <Card size="small" title={t('posts.coverage')} data-testid="post-coverage">
            <Flex vertical gap={8}>
              <Flex wrap gap={8}>
                {cov.byKind.map((k) => (
                  <Tag key={k.kind}>
                    {POST_KIND_LABELS[k.kind][locale]} {t('posts.byKind', { held: k.held, posts: k.posts, claimed: k.claimed })}
                  </Tag>
                ))}
              </Flex>
              <Typography.Text strong>{t('posts.uncoveredGrids')}</Typography.Text>
              <Flex wrap gap={4} data-testid="uncovered-grids">
                {uncovered(cov.grids).map((g) => (
                  <Tag color="red" key={g.id}>
                    {g.name}
                  </Tag>
                ))}
                {uncovered(cov.grids).length === 0 && t('posts.allCovered')}
              </Flex>
              <Typography.Text strong>{t('posts.uncoveredBuildings')}</Typography.Text>
              <Flex wrap gap={4} data-testid="uncovered-buildings">
                {uncovered(cov.buildings).map((b) => (
                  <Tag color="red" key={b.id}>
                    {b.compoundName} {b.name}
                  </Tag>
                ))}
                {uncovered(cov.buildings).length === 0 && t('posts.allCovered')}
              </Flex>
            </Flex>
          </Card>
        )}
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v as PostState | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '—' },
            ...(['open', 'claimed', 'held'] as const).map((s) => ({ value: s, label: t(`posts.state.${s}`) })),
          ]}
        />
        <Table<PostDto>
          rowKey="id"
          size="small"
          loading={posts.isFetching}
          dataSource={posts.data?.items ?? []}
          columns={columns}
          scroll={{ x: 800 }}
          pagination={{ current: page, pageSize: 50, total: posts.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          data-testid="posts-table"
        />
      </Flex>
      {defining && <DefinePostModal onClose={() => setDefining(false)} />}
      <Drawer
        open={Boolean(logOf)}
        onClose={() => setLogOf(null)}
        title={logOf ? `${logOf.title} · ${logOf.holder?.name ?? ''}` : ''}
        width={420}
      >
        {logOf?.holder && <DutyLogPanel holderId={logOf.holder.id} canLog={logOf.holder.canLog} />}
      </Drawer>
    </>
  );
}

function AssignButton({ post }: { post: PostDto }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const members = usePartyMembers({ communityId: post.communityId, q: q || undefined, pageSize: 20 });
  const assign = useAssignPost();
  const showError = useShowError();
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} data-testid="post-assign">
        {t('posts.assign')}
      </Button>
    );
  return (
    <Select
      autoFocus
      open
      size="small"
      style={{ width: 180 }}
      placeholder={t('posts.memberToAssign')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.org.name}` }))}
      onBlur={() => setOpen(false)}
      onChange={(memberId: string) => assign.mutate({ id: post.id, memberId }, { onError: showError, onSettled: () => setOpen(false) })}
      data-testid="post-assign-member"
    />
  );
}

function DefinePostModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<CreatePostInput>();
  const create = useCreatePost();
  const showError = useShowError(form);
  const kind = Form.useWatch('kind', form) ?? 'grid_info_officer';
  return (
    <FormModal
      form={form}
      title={t('posts.define')}
      saving={create.isPending}
      onClose={onClose}
      initialValues={{ kind: 'grid_info_officer' }}
      testId="post-form"
      onSave={(v) => create.mutate({ ...v, partyOrgId: null }, { onSuccess: onClose, onError: showError })}
    >
      <Form.Item name="kind" label={t('posts.kind')} rules={[{ required: true }]}>
        <Select options={PostKind.options.map((k) => ({ value: k, label: POST_KIND_LABELS[k][locale] }))} />
      </Form.Item>
      <Form.Item name="title" label={t('posts.titleField')}>
        <Input maxLength={60} placeholder={POST_KIND_LABELS[kind][locale]} />
      </Form.Item>
      <Form.Item name="areaId" label={t('posts.area')} rules={[{ required: true }]}>
        <AreaSelect kinds={POST_AREA_KINDS[kind]} testId="post-area" />
      </Form.Item>
      <Form.Item name="duties" label={t('posts.duties')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
