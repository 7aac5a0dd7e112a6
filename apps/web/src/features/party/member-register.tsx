import { EDUCATION_LABELS, EMPLOYMENT_LABELS, Education, Employment, type PartyStanding } from '@linli/contracts';
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker, type ResidentSearch } from '../mediation/resident-picker';
import { searchPartyResidents, useCreateMember } from './party-api';

type Values = {
  residentId: string;
  orgId: string;
  standing: PartyStanding;
  joinedOn?: Dayjs;
  education?: Education;
  employment: Employment;
};

/** 登记党员: a resident of the community, found by name (no registry needed), put into an organisation of its tree. */
export function RegisterMemberModal(props: { communityId: string; orgs: { id: string; name: string }[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateMember();
  const showError = useShowError(form);
  const search: ResidentSearch = {
    key: `party-${props.communityId}`,
    run: async (q) => {
      const hits = await searchPartyResidents(props.communityId, q);
      return { items: hits.items.map((h) => ({ ...h, address: { text: `${h.age ?? '?'}岁 · ${h.address.text}` } })) };
    },
  };
  return (
    <FormModal
      form={form}
      title={t('pm.register')}
      saving={create.isPending}
      onClose={props.onClose}
      initialValues={{ orgId: props.orgs[0]?.id, standing: 'full', employment: 'retired' }}
      testId="party-member-form"
      onSave={(v) =>
        create.mutate(
          { ...v, registration: 'local', joinedOn: v.joinedOn?.format('YYYY-MM-DD') ?? null, education: v.education ?? null },
          { onSuccess: props.onClose, onError: showError },
        )
      }
    >
      <Form.Item name="residentId" label={t('pm.resident')} rules={[{ required: true, message: t('pm.searchResident') }]}>
        <ResidentPicker testId="party-member-resident" search={search} />
      </Form.Item>
      <Form.Item name="orgId" label={t('party.member.org')} rules={[{ required: true }]}>
        <Select
          options={props.orgs.map((o) => ({ value: o.id, label: o.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="party-member-org"
        />
      </Form.Item>
      <Form.Item name="standing" label={t('pm.standing')}>
        <Select
          options={(['full', 'probationary'] as const).map((s) => ({ value: s, label: t(`pm.standing.${s}`) }))}
          data-testid="party-member-standing"
        />
      </Form.Item>
      <Form.Item name="joinedOn" label={t('pm.joinedOn')}>
        <DatePicker style={{ width: '100%' }} data-testid="party-member-joined" />
      </Form.Item>
      <Form.Item name="education" label={t('party.member.education')}>
        <Select allowClear options={Education.options.map((e) => ({ value: e, label: EDUCATION_LABELS[e][locale] }))} />
      </Form.Item>
      <Form.Item name="employment" label={t('party.member.employment')}>
        <Select options={Employment.options.map((e) => ({ value: e, label: EMPLOYMENT_LABELS[e][locale] }))} />
      </Form.Item>
    </FormModal>
  );
}
