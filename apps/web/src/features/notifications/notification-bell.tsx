import { BellOutlined } from '@ant-design/icons';
import type { NotificationDto } from '@linli/contracts';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { orderLink } from './feed-model';
import { useMarkAllRead, useMarkRead, useNotificationFeed } from './notification-api';

/** The bell in a header: unread count, live; a click opens the latest notifications, each linking to its order. */
export function NotificationBell({ portal = false, size }: { portal?: boolean; size?: 'large' }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const feed = useNotificationFeed();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = feed.data?.unread ?? 0;

  const handleOpen = (n: NotificationDto) => {
    if (!n.read) markRead.mutate(n.id);
    const to = orderLink(n.orderId, portal);
    setOpen(false);
    if (to) navigate(to);
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {feed.data?.items.length ? (
        <List
          size="small"
          dataSource={feed.data.items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              onClick={() => handleOpen(n)}
              style={{ cursor: 'pointer', opacity: n.read ? 0.6 : 1, paddingInline: 0 }}
              data-testid={`notification-${n.id}`}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read} style={{ whiteSpace: 'normal' }}>
                    {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    {n.body && (
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                        {n.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          size={size}
          icon={<BellOutlined />}
          aria-label={`${t('notifications.bell')}${unread ? ` · ${t('notifications.unread', { n: unread })}` : ''}`}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
