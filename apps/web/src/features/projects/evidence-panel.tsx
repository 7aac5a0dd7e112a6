import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvidenceNoteInput, ProjectDto } from '@linli/contracts';
import { Button, Card, Form, Input, List, Space, Typography, Upload } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useProjectActions } from './projects-api';

/** Evidence: files (PDF, images) and written notes; the buyer and the provider's staff add them. */
export function EvidencePanel({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { note, upload } = useProjectActions(p.id);
  const [form] = Form.useForm<EvidenceNoteInput>();
  const showError = useShowError(form);
  const canAdd = p.abilities.includes('evidence');
  return (
    <Card
      size="small"
      title={t('projects.evidence')}
      extra={
        canAdd && (
          <Upload
            accept="application/pdf,image/jpeg,image/png,image/webp"
            showUploadList={false}
            customRequest={({ file }) => upload.mutate(file as File, { onError: showError })}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="evidence-upload">
              {t('projects.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={p.evidence}
        locale={{ emptyText: t('projects.noEvidence') }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                e.file ? (
                  <a href={`/api/projects/${p.id}/evidence/${e.id}/content`} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {e.title}
                  </a>
                ) : (
                  e.title
                )
              }
              description={
                <Space direction="vertical" size={0}>
                  {e.note && <span>{e.note}</span>}
                  <Typography.Text type="secondary">
                    {e.by} · {e.at.slice(0, 10)}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {canAdd && (
        <Form form={form} layout="inline" onFinish={(v) => note.mutate(v, { onError: showError, onSuccess: () => form.resetFields() })}>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('projects.noteTitle')} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('projects.noteText')} />
          </Form.Item>
          <Button htmlType="submit" loading={note.isPending}>
            {t('projects.addNote')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
