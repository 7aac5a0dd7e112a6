import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingKind, type MeetingStatus } from '@linli/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

const COLOR: Record<MeetingStatus, string> = { draft: 'default', held: 'blue', closed: 'green' };

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="meeting-status">
      {MEETING_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { locale } = useI18n();
  return <Tag color={kind === 'joint' ? 'purple' : 'geekblue'}>{MEETING_KIND_LABELS[kind][locale]}</Tag>;
}
