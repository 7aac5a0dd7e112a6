import { CheckSquareOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import { useTopics } from './consultations-api';
import { TopicStatus, shortTime } from './topic-status';

/** /portal/votes: the consultations put to the resident's household, newest first. */
export function PortalVotesPage() {
  const { t } = useI18n();
  const list = useTopics(1, 50);
  return (
    <PortalFrame title={t('consult.title')} back="/portal">
      {list.isLoading && <Spin />}
      {list.data?.items.length === 0 && <Empty description={t('consult.portalEmpty')} />}
      <Flex vertical gap={12}>
        {list.data?.items.map((c) => (
          <Link key={c.id} to={`/portal/votes/${c.id}`} data-testid="portal-vote-card">
            <Card size="small" hoverable>
              <Typography.Text strong>{c.title}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <TopicStatus topic={c} />
                <Typography.Text type="secondary">{t('consult.closesOn', { at: shortTime(c.closesAt) })}</Typography.Text>
              </div>
            </Card>
          </Link>
        ))}
      </Flex>
    </PortalFrame>
  );
}

/** The portal's way to the consultations. */
export function PortalVotesLink() {
  const { t } = useI18n();
  return (
    <Link to="/portal/votes">
      <Button size="large" block icon={<CheckSquareOutlined />} style={{ marginTop: 16 }} data-testid="portal-votes">
        {t('consult.portalLink')}
      </Button>
    </Link>
  );
}
