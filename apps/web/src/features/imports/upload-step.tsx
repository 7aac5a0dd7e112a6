import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportDto } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isApiError } from '../../lib/api';
import { withNote } from '../../lib/labels';
import { AreaSelect } from '../areas/area-select';
import { looksLikeXlsx, TEMPLATE_URL, uploadImport } from './import-api';

/** Step 1: the community, the template, and the file with an upload progress bar and plain-language errors. */
export function UploadStep({ onUploaded }: { onUploaded: (dto: ImportDto) => void }) {
  const me = useSession();
  const { t, locale } = useI18n();
  const communities = me.scopes.flatMap((s) =>
    s.areaId && s.areaName && s.areaKind === 'community' ? [{ id: s.areaId, name: s.areaName, kind: s.areaKind }] : [],
  );
  const [communityId, setCommunityId] = useState<string | undefined>(communities[0]?.id);
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadImport({ file, communityId, csrfToken: me.csrfToken, locale, onProgress: setProgress }),
    onMutate: () => {
      setProblem(null);
      setProgress(0);
    },
    onSuccess: onUploaded,
    onError: (err) => {
      if (isApiError(err, 'PAYLOAD_TOO_LARGE')) setProblem(withNote(t('imports.tooLarge'), err.message, locale));
      else setProblem(t('imports.badFile', { reason: err.message }));
    },
  });
  const handleFile = (file: File) => {
    if (!looksLikeXlsx(file.name)) setProblem(t('imports.notXlsx', { name: file.name }));
    else upload.mutate(file);
    return false;
  };

  return (
    <Flex vertical gap={16}>
      <Space wrap align="center">
        <span>{t('imports.community')}</span>
        <AreaSelect
          kinds={['community']}
          known={communities}
          value={communityId}
          onChange={setCommunityId}
          placeholder={t('imports.pickCommunity')}
          style={{ width: 260 }}
          testId="import-community"
        />
        <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download data-testid="import-template">
          {t('imports.template')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={handleFile}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.drop')}</p>
          <p className="ant-upload-hint">{t('imports.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {upload.isPending && (
        <div data-testid="import-progress">
          <Typography.Text>{t('imports.uploading', { name: upload.variables.name })}</Typography.Text>
          <Progress percent={progress} status="active" />
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="import-error" closable onClose={() => setProblem(null)} />}
    </Flex>
  );
}
