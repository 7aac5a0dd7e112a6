import { defineMessages } from '../../app/i18n/define';

/** The notification bell and its list. */
export const notificationsMessages = defineMessages(
  {
    'notifications.bell': '通知',
    'notifications.title': '通知',
    'notifications.readAll': '全部已读',
    'notifications.empty': '暂无通知',
    'notifications.unread': '{n} 条未读',
  },
  {
    'notifications.bell': 'Notifications',
    'notifications.title': 'Notifications',
    'notifications.readAll': 'Mark all read',
    'notifications.empty': 'No notifications',
    'notifications.unread': '{n} unread',
  },
);
