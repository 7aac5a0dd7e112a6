import type { ImportDto } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Result, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { refreshAfterChange } from '../registry/registry-api';
import { CommitPanel } from './commit-panel';
import { commitImport, dryRunImport, getImport, importKeys, isRunning } from './import-api';
import { ImportReportView } from './import-report';
import { initialRows, toMapping, type MappingRow } from './mapping-model';
import { MappingStep } from './mapping-step';
import { UploadStep } from './upload-step';
import { percent, wizardStep } from './wizard-model';

/** 导入户籍登记表: upload → map the columns → dry run with its report → import; the import id lives in the URL. */
export default function ImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [rows, setRows] = useState<MappingRow[] | null>(null);
  const [createMissingFlats, setCreateMissingFlats] = useState(false);
  const [remapping, setRemapping] = useState(false);
  const current = useQuery({
    queryKey: importKeys.one(id ?? ''),
    queryFn: () => getImport(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (q) => (isRunning(q.state.data) ? 800 : false),
    staleTime: 0,
  });
  const dto = id ? current.data : undefined;
  const adopt = (next: ImportDto) => queryClient.setQueryData(importKeys.one(next.id), next);
  const mapping = rows ?? (dto ? initialRows(dto.columns) : []);
  const dryRun = useMutation({
    mutationFn: () => dryRunImport(id ?? '', { mapping: toMapping(mapping), createMissingFlats }),
    onSuccess: (next) => {
      setRemapping(false);
      adopt(next);
    },
    onError: showError,
  });
  const commit = useMutation({
    mutationFn: (onlyValidRows: boolean) => commitImport(id ?? '', { mapping: toMapping(mapping), createMissingFlats, onlyValidRows }),
    onSuccess: adopt,
    onError: showError,
  });
  const restart = () => {
    setRows(null);
    setRemapping(false);
    setParams({}, { replace: true });
  };
  const step = wizardStep(dto, remapping);
  const isDone = dto?.status === 'done';
  useEffect(() => {
    if (isDone) void refreshAfterChange(queryClient);
  }, [isDone, queryClient]);

  return (
    <>
      <PageTitle extra={<Button onClick={() => navigate('/registry')}>{t('imports.back')}</Button>}>{t('imports.title')}</PageTitle>
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('imports.step.upload') },
            { title: t('imports.step.mapping') },
            { title: t('imports.step.check') },
            { title: t('imports.step.commit') },
          ]}
        />
        {id && current.isPending ? (
          <Skeleton active />
        ) : id && current.error ? (
          <Result status="warning" subTitle={current.error.message} extra={<Button onClick={restart}>{t('imports.another')}</Button>} />
        ) : !dto ? (
          <UploadStep
            onUploaded={(next) => {
              adopt(next);
              setRows(initialRows(next.columns));
              setParams({ id: next.id }, { replace: true });
            }}
          />
        ) : step === 1 ? (
          <MappingStep
            dto={dto}
            rows={mapping}
            onRows={setRows}
            createMissingFlats={createMissingFlats}
            onCreateMissingFlats={setCreateMissingFlats}
            onDryRun={() => dryRun.mutate()}
            running={dryRun.isPending}
          />
        ) : isRunning(dto) ? (
          <RunningProgress dto={dto} />
        ) : step === 2 ? (
          <Flex vertical gap={16}>
            {dto.report && <ImportReportView report={dto.report} />}
            {dto.status === 'failed' && !dto.report && <Alert type="error" showIcon title={t('imports.failed')} />}
            <CommitPanel
              dto={dto}
              onCommit={(onlyValid) => commit.mutate(onlyValid)}
              committing={commit.isPending}
              onRemap={() => setRemapping(true)}
              onDryRunAgain={() => dryRun.mutate()}
            />
          </Flex>
        ) : (
          <Flex vertical gap={16}>
            <Result
              status={dto.status === 'done' ? 'success' : 'error'}
              title={dto.status === 'done' ? t('imports.done') : t('imports.failed')}
              subTitle={dto.status === 'done' ? t('imports.doneSub') : undefined}
              data-testid="import-result"
              extra={[
                <Button key="again" onClick={restart} data-testid="import-another">
                  {t('imports.another')}
                </Button>,
                <Button key="registry" type="primary" onClick={() => navigate('/registry')}>
                  {t('imports.toRegistry')}
                </Button>,
              ]}
            />
            {dto.report && <ImportReportView report={dto.report} />}
          </Flex>
        )}
      </Card>
    </>
  );
}

function RunningProgress({ dto }: { dto: ImportDto }) {
  const { t } = useI18n();
  const vars = { done: dto.progress.done, total: dto.progress.total };
  return (
    <div data-testid="import-progress" style={{ padding: '24px 0' }}>
      <Typography.Text>{dto.status === 'checking' ? t('imports.checking', vars) : t('imports.importing', vars)}</Typography.Text>
      <Progress percent={percent(dto.progress)} status="active" />
    </div>
  );
}
