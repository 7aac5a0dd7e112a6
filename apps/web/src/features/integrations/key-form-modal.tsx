import type { CreatedOpen311Key } from '@linli/contracts';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { useAreaList } from '../areas/area-api';
import { AreaSelect } from '../areas/area-select';
import { createKey, open311Keys } from './open311-api';
import { SecretOnceModal } from '../../components/secret-once-modal';

/** The communities of my street, offered before any search (the area picker otherwise starts at the street). */
function useStreetCommunities() {
  const tops = useAreaList({});
  const street = tops.data?.find((a) => a.kind === 'street');
  return useAreaList({ parentId: street?.id, kind: 'community' }, Boolean(street)).data ?? [];
}

/** Issues a key; after saving, shows the plain key once with a copy button. */
export function KeyFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const need = useRequiredRule();
  const [made, setMade] = useState<CreatedOpen311Key | null>(null);
  const { form, save } = useFormSave(createKey, async (key, { queryClient }) => {
    setMade(key);
    await queryClient.invalidateQueries({ queryKey: open311Keys.all });
  });
  const communities = useStreetCommunities();
  if (made)
    return (
      <SecretOnceModal
        title={t('open311.keyOnceTitle')}
        warning={t('open311.keyOnce')}
        secret={made.key}
        doneLabel={t('open311.done')}
        onClose={onClose}
        testId="open311-plain-key"
        copyTooltips={[t('open311.copy'), t('open311.copied')]}
      />
    );
  return (
    <FormModal
      form={form}
      title={t('open311.createTitle')}
      okText={t('open311.create')}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="open311-key-form"
    >
      <Form.Item name="name" label={t('open311.name')} rules={[need, { max: 60 }]}>
        <Input placeholder={t('open311.namePlaceholder')} data-testid="open311-key-name" />
      </Form.Item>
      <Form.Item name="communityId" label={t('open311.community')} rules={[need]} extra={t('open311.communityHint')}>
        <AreaSelect kinds={['community']} known={communities} testId="open311-key-community" />
      </Form.Item>
    </FormModal>
  );
}
