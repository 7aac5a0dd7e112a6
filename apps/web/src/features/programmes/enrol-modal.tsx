import { PROGRAMME_KIND_LABELS } from '@linli/contracts';
import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { ResidentPicker } from '../mediation/resident-picker';
import { enrolResident, useProgrammes } from './programmes-api';

type Values = { programmeId: string; residentId: string };
/** The visit need this enrolment answers: enrolling marks it `ordered`. */
export type NeedRef = { visitId: string; needIndex: number; text: string };

type Props = { programmeId?: string; residentId?: string; need?: NeedRef; onClose: () => void };

/** Enrols a resident in a programme; from a programme (resident picked) or from a visit need (programme picked). */
export function EnrolModal({ programmeId, residentId, need, onClose }: Props) {
  const { t, locale } = useI18n();
  const required = useRequiredRule();
  const programmes = useProgrammes();
  const { form, save } = useFormSave(
    (v: Values) =>
      enrolResident(v.programmeId, { residentId: v.residentId, ...(need ? { visitId: need.visitId, needIndex: need.needIndex } : {}) }),
    async (e, { message, queryClient }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['programmes'] }),
        queryClient.invalidateQueries({ queryKey: ['visits'] }),
      ]);
      void message.success(t('programmes.enrolled.done', { name: e.residentName }));
      onClose();
    },
  );
  const runnable = (programmes.data?.items ?? []).filter((p) => p.abilities.canEnrol);
  return (
    <FormModal
      form={form}
      title={need ? t('programmes.enrolFromNeed', { need: need.text }) : t('programmes.enrol')}
      okText={t('programmes.enrol')}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="enrol-form"
      initialValues={{ programmeId, residentId }}
    >
      <Form.Item name="programmeId" label={t('programmes.programme')} rules={[required]} hidden={programmeId !== undefined}>
        <Select
          size="large"
          data-testid="enrol-programme"
          loading={programmes.isPending}
          options={runnable.map((p) => ({ value: p.id, label: `${PROGRAMME_KIND_LABELS[p.kind][locale]} · ${p.name}` }))}
        />
      </Form.Item>
      <Form.Item name="residentId" label={t('programmes.resident')} rules={[required]}>
        <ResidentPicker testId="enrol-resident" />
      </Form.Item>
    </FormModal>
  );
}

/** The "enrol in a programme" action on an open visit need (shown to those who run programmes). */
export function EnrolFromNeedButton({ need }: { need: NeedRef }) {
  const { t } = useI18n();
  const can = useCan('programmes.write');
  const [open, setOpen] = useState(false);
  if (!can) return null;
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="need-enrol">
        {t('programmes.enrol')}
      </Button>
      {open && <EnrolModal need={need} onClose={() => setOpen(false)} />}
    </>
  );
}
