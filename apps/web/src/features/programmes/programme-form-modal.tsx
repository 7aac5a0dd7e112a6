import {
  CARE_TAG_LABELS,
  CareTag,
  type CreateProgrammeInput,
  PROGRAMME_KIND_LABELS,
  type ProgrammeDto,
  ProgrammeKind,
} from '@linli/contracts';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { AreaSelect } from '../areas/area-select';
import { createProgramme, updateProgramme, useSocialOrgs } from './programmes-api';

type Values = Omit<CreateProgrammeInput, 'providerOrgId' | 'minAge' | 'maxAge' | 'capacity'> & {
  providerOrgId?: string;
  minAge?: number;
  maxAge?: number;
  capacity?: number;
};

/** The form's values of a stored programme (empty numbers and no provider as blank fields). */
const valuesOf = (p: ProgrammeDto): Values => ({
  communityId: p.communityId,
  kind: p.kind,
  name: p.name,
  providerOrgId: p.provider?.id,
  venue: p.venue,
  eligibleTags: p.eligibleTags,
  minAge: p.minAge ?? undefined,
  maxAge: p.maxAge ?? undefined,
  capacity: p.capacity ?? undefined,
});

/**
 * Staff start a care programme, or edit one (`programme`): its kind, provider organisation, venue and who may join
 * (care tags, age band, capacity). An edit keeps the programme's community.
 */
export function ProgrammeFormModal({ programme, onClose }: { programme?: ProgrammeDto; onClose: () => void }) {
  const { t, locale } = useI18n();
  const required = useRequiredRule();
  const orgs = useSocialOrgs();
  const community = useSession().scopes.find((s) => s.areaKind === 'community')?.areaId ?? undefined;
  const { form, save } = useFormSave(
    ({ communityId, ...v }: Values) => {
      const input = {
        ...v,
        providerOrgId: v.providerOrgId ?? null,
        minAge: v.minAge ?? null,
        maxAge: v.maxAge ?? null,
        capacity: v.capacity ?? null,
      };
      return programme ? updateProgramme(programme.id, input) : createProgramme({ ...input, communityId });
    },
    async (p, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      void message.success(t(programme ? 'programmes.updated' : 'programmes.created', { name: p.name }));
      onClose();
    },
  );
  return (
    <FormModal
      form={form}
      title={programme ? t('programmes.editTitle', { name: programme.name }) : t('programmes.create')}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="programme-form"
      initialValues={programme ? valuesOf(programme) : { communityId: community, eligibleTags: [], venue: '' }}
    >
      <Form.Item name="communityId" label={t('programmes.community')} rules={[required]} hidden={programme !== undefined}>
        <AreaSelect kinds={['community']} testId="programme-community" placeholder={t('programmes.community')} />
      </Form.Item>
      <Form.Item name="kind" label={t('programmes.kind')} rules={[required]}>
        <Select
          data-testid="programme-kind"
          options={ProgrammeKind.options.map((k) => ({ value: k, label: PROGRAMME_KIND_LABELS[k][locale] }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('programmes.name')} rules={[required]}>
        <Input maxLength={100} data-testid="programme-name" />
      </Form.Item>
      <Form.Item name="providerOrgId" label={t('programmes.provider')}>
        <Select
          allowClear
          data-testid="programme-provider"
          loading={orgs.isPending}
          options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="venue" label={t('programmes.venue')}>
        <Input maxLength={200} data-testid="programme-venue" />
      </Form.Item>
      <Form.Item name="eligibleTags" label={t('programmes.eligibleTags')} extra={t('programmes.eligibleTagsHint')}>
        <Select
          mode="multiple"
          data-testid="programme-tags"
          options={CareTag.options.map((c) => ({ value: c, label: CARE_TAG_LABELS[c][locale] }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="minAge" label={t('programmes.minAge')}>
          <InputNumber min={0} max={150} data-testid="programme-min-age" />
        </Form.Item>
        <Form.Item name="maxAge" label={t('programmes.maxAge')}>
          <InputNumber min={0} max={150} data-testid="programme-max-age" />
        </Form.Item>
        <Form.Item name="capacity" label={t('programmes.capacity')}>
          <InputNumber min={1} max={10000} data-testid="programme-capacity" />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
