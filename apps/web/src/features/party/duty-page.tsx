import type { PostDto } from '@linli/contracts';
import { Alert, Card, Collapse, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { DutyLogPanel } from './duty-log-panel';
import { HolderActions } from './holder-actions';
import { useMyPosts } from './party-api';

function PostCard({ post }: { post: PostDto }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={post.title} extra={<Tag>{post.area.name}</Tag>} data-testid="duty-post">
      <Flex vertical gap={8}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {post.duties}
        </Typography.Paragraph>
        <HolderActions post={post} />
        {post.holder?.status === 'active' && (
          <Collapse
            size="small"
            items={[
              { key: 'log', label: t('posts.log'), children: <DutyLogPanel holderId={post.holder.id} canLog={post.holder.canLog} /> },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

/** 我的岗位: a party member's posts with their duty logs, and the open posts of their community to claim; made for a phone. */
export default function DutyPage() {
  const { t } = useI18n();
  const mine = useMyPosts();
  if (mine.isLoading) return <Spin />;
  if (mine.isError) return <Alert type="error" showIcon message={(mine.error as Error).message} />;
  if (!mine.data?.member) return <Alert type="info" showIcon message={t('duty.notMember')} data-testid="duty-not-member" />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }} data-testid="duty-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('duty.title')} · {t('posts.logTotal', { hours: mine.data.member.hours })}
      </Typography.Title>
      {mine.data.holdings.length === 0 && <Empty description={t('duty.none')} />}
      {mine.data.holdings.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('duty.openPosts')}
      </Typography.Title>
      {mine.data.open.length === 0 && <Empty description={t('duty.none')} />}
      {mine.data.open.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
    </Flex>
  );
}
