import type { CreateOpen311KeyInput, CreatedOpen311Key } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
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
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateOpen311KeyInput>();
  const showError = useShowError(form);
  const [made, setMade] = useState<CreatedOpen311Key | null>(null);
  const communities = useStreetCommunities();
  const save = useMutation({
    mutationFn: createKey,
    onSuccess: async (key) => {
      setMade(key);
      await queryClient.invalidateQueries({ queryKey: open311Keys.all });
    },
    onError: showError,
  });
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
  const need = { required: true, message: t('login.required') };
  return (
    <Modal
      open
      title={t('open311.createTitle')}
      okText={t('open311.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="open311-key-form">
        <Form.Item name="name" label={t('open311.name')} rules={[need, { max: 60 }]}>
          <Input placeholder={t('open311.namePlaceholder')} data-testid="open311-key-name" />
        </Form.Item>
        <Form.Item name="communityId" label={t('open311.community')} rules={[need]} extra={t('open311.communityHint')}>
          <AreaSelect kinds={['community']} known={communities} testId="open311-key-community" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
