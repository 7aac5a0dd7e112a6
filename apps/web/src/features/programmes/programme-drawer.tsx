import type { EnrolmentDto, ProgrammeDto } from '@linli/contracts';
import { Alert, Button, Drawer, Flex, Form, Input, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { EnrolModal } from './enrol-modal';
import { endEnrolment, useEnrolments } from './programmes-api';
import { SessionForm } from './session-form';

/** One programme's beneficiaries: enrol, end an enrolment with its reason, record a session with attendance. */
export function ProgrammeDrawer({ programme, onClose }: { programme: ProgrammeDto; onClose: () => void }) {
  const { t } = useI18n();
  const enrolments = useEnrolments(programme.id);
  const [enrolling, setEnrolling] = useState(false);
  const [ending, setEnding] = useState<EnrolmentDto | null>(null);
  const run = programme.abilities.canEnrol;
  return (
    <Drawer open onClose={onClose} title={programme.name} width="min(100vw, 560px)" data-testid="programme-drawer">
      {enrolments.isPending && <Skeleton active />}
      {enrolments.isError && <Alert type="error" showIcon message={enrolments.error.message} />}
      {enrolments.data && (
        <Flex vertical gap={12}>
          {run && (
            <Button type="primary" size="large" block onClick={() => setEnrolling(true)} data-testid="programme-enrol">
              {t('programmes.enrol')}
            </Button>
          )}
          <List
            size="small"
            bordered
            header={<strong>{t('programmes.enrolled', { n: enrolments.data.items.length })}</strong>}
            dataSource={enrolments.data.items}
            data-testid="programme-enrolments"
            renderItem={(e) => (
              <List.Item
                actions={
                  run
                    ? [
                        <Button key="end" danger type="link" onClick={() => setEnding(e)} data-testid="enrolment-end">
                          {t('programmes.end')}
                        </Button>,
                      ]
                    : []
                }
              >
                <span>{e.residentName}</span>
                <Typography.Text type="secondary">{t('programmes.since', { date: e.enrolledOn })}</Typography.Text>
              </List.Item>
            )}
          />
          {programme.abilities.canRecordSession && <SessionForm programmeId={programme.id} enrolled={enrolments.data.items} />}
        </Flex>
      )}
      {enrolling && <EnrolModal programmeId={programme.id} onClose={() => setEnrolling(false)} />}
      {ending && <EndEnrolmentModal programmeId={programme.id} enrolment={ending} onClose={() => setEnding(null)} />}
    </Drawer>
  );
}

type EndValues = { reason: string };

function EndEnrolmentModal({ programmeId, enrolment, onClose }: { programmeId: string; enrolment: EnrolmentDto; onClose: () => void }) {
  const { t } = useI18n();
  const required = useRequiredRule();
  const { form, save } = useFormSave(
    (v: EndValues) => endEnrolment(programmeId, enrolment.id, v),
    async (_e, { queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      onClose();
    },
  );
  return (
    <FormModal
      form={form}
      title={t('programmes.endTitle', { name: enrolment.residentName })}
      okText={t('programmes.end')}
      okButtonProps={{ danger: true }}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="end-enrolment-form"
    >
      <Form.Item name="reason" label={t('programmes.endReason')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={200} data-testid="end-reason" />
      </Form.Item>
    </FormModal>
  );
}
