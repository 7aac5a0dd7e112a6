import { ACTIVITY_KIND_LABELS, type ActivityDto } from '@linli/contracts';
import { Alert, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCommunityParam } from '../party/community-picker';
import { CommunityTitle } from './community-title';
import { NewActivityButton } from './activity-form';
import { useActivities } from './api';

/** /volunteering: activities of the scope, newest first, with places, waitlist and people served. */
export default function ActivitiesPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const list = useActivities({ communityId, pageSize: 100 });
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <CommunityTitle
        title={t('act.title')}
        communityId={communityId}
        onCommunity={setCommunityId}
        action={<NewActivityButton communityId={communityId} />}
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<ActivityDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 720 }}
        data-testid="activities-table"
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('act.titleField'), render: (_, a) => <Link to={`/volunteering/activities/${a.id}`}>{a.title}</Link> },
          { title: t('act.kind'), render: (_, a) => ACTIVITY_KIND_LABELS[a.kind][locale] },
          { title: t('act.time'), render: (_, a) => dt.format(new Date(a.startsAt)) },
          { title: t('act.place'), dataIndex: 'place' },
          { title: t('act.capacity'), render: (_, a) => `${a.confirmed}/${a.capacity}${a.waitlisted ? ` +${a.waitlisted}` : ''}` },
          { title: t('act.peopleServed'), dataIndex: 'peopleServed' },
          { title: '', render: (_, a) => <Tag>{t(`act.status.${a.status}`)}</Tag> },
        ]}
      />
    </>
  );
}
