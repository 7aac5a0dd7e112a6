import { PrinterOutlined } from '@ant-design/icons';
import type { Attendance, MeetingDto } from '@linli/contracts';
import { INVITEE_ROLE_LABELS } from '@linli/contracts';
import { Alert, App, Button, Card, Col, Flex, Input, List, Result, Row, Segmented, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { DecisionsCard } from './decisions-card';
import { useMeeting, useMeetingActions } from './meetings-api';
import { MeetingKindTag, MeetingStatusTag } from './status-tag';

/** One meeting: agenda, invitees with attendance (ticked on a phone), minutes, and decisions with their progress. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const m = useMeeting(id);
  if (m.isPending) return <Skeleton active />;
  if (m.isError)
    return isApiError(m.error, 'NOT_FOUND') ? (
      <Result status="404" title={t('meetings.notFound')} />
    ) : (
      <Alert type="error" message={m.error.message} />
    );
  return <MeetingView m={m.data} />;
}

function MeetingView({ m }: { m: MeetingDto }) {
  const { t } = useI18n();
  const { advance } = useMeetingActions(m.id);
  const showError = useShowError();
  const next = m.status === 'draft' ? 'held' : m.status === 'held' ? 'closed' : null;
  return (
    <>
      <PageTitle
        extra={
          <Link to={`/meetings/${m.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="minutes-print">
              {t('meetings.print')}
            </Button>
          </Link>
        }
      >
        {m.title}
      </PageTitle>
      <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <MeetingStatusTag status={m.status} />
        <MeetingKindTag kind={m.kind} />
        <span>
          {m.communityName} · {dayjs(m.startsAt).format('YYYY-MM-DD HH:mm')} · {m.place}
        </span>
        {next && m.abilities.includes('advance') && (
          <Button
            size="small"
            type={next === 'held' ? 'primary' : 'default'}
            loading={advance.isPending}
            onClick={() => advance.mutate({ status: next }, { onError: showError })}
            data-testid={`meeting-${next}`}
          >
            {next === 'held' ? t('meetings.hold') : t('meetings.close')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('meetings.agenda')}>
              <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="meeting-agenda-list">
                {m.agenda.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ol>
            </Card>
            <AttendanceCard m={m} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <MinutesCard m={m} />
            <DecisionsCard m={m} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

const MARKS: Attendance[] = ['present', 'absent', 'excused'];

function AttendanceCard({ m }: { m: MeetingDto }) {
  const { t, locale } = useI18n();
  const { attendance } = useMeetingActions(m.id);
  const showError = useShowError();
  const canMark = m.abilities.includes('attendance');
  return (
    <Card
      size="small"
      title={t('meetings.invitees')}
      extra={<span data-testid="attendance-count">{t('meetings.attendanceCount', { present: m.present, invited: m.invited })}</span>}
    >
      <List
        size="small"
        dataSource={m.invitees}
        renderItem={(i) => (
          <List.Item data-testid="meeting-invitee">
            <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
              <span>
                {i.name} <Tag>{INVITEE_ROLE_LABELS[i.role][locale]}</Tag>
              </span>
              {canMark ? (
                <Segmented<Attendance>
                  size="small"
                  value={i.attendance}
                  options={MARKS.map((a) => ({ value: a, label: t(`meetings.${a}`) }))}
                  onChange={(a) => attendance.mutate({ marks: [{ inviteeId: i.id, attendance: a }] }, { onError: showError })}
                  data-testid="attendance-mark"
                />
              ) : (
                <Tag color={i.attendance === 'present' ? 'green' : undefined}>{t(`meetings.${i.attendance}`)}</Tag>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function MinutesCard({ m }: { m: MeetingDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { update } = useMeetingActions(m.id);
  const showError = useShowError();
  const [text, setText] = useState(m.minutes);
  const canEdit = m.abilities.includes('edit');
  return (
    <Card size="small" title={t('meetings.minutes')}>
      {canEdit ? (
        <Flex vertical gap={8}>
          <Input.TextArea rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="meeting-minutes" />
          <Button
            onClick={() =>
              update.mutate({ minutes: text }, { onSuccess: () => void message.success(t('meetings.saved')), onError: showError })
            }
            loading={update.isPending}
            style={{ alignSelf: 'flex-start' }}
            data-testid="minutes-save"
          >
            {t('meetings.saveMinutes')}
          </Button>
        </Flex>
      ) : (
        <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes || '—'}</p>
      )}
    </Card>
  );
}
