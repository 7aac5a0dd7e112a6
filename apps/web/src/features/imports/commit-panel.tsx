import type { ImportDto } from '@linli/contracts';
import { Alert, App, Button, Checkbox, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { canCommit } from './wizard-model';

type Props = {
  dto: ImportDto;
  onCommit: (onlyValidRows: boolean) => void;
  committing: boolean;
  onRemap: () => void;
  onDryRunAgain: () => void;
};

/** Under the dry run's report: import only the valid rows or nothing, change the mapping, check again, or import. */
export function CommitPanel({ dto, onCommit, committing, onRemap, onDryRunAgain }: Props) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [onlyValidRows, setOnlyValidRows] = useState(false);
  const report = dto.report;
  const hasErrors = (report?.errorCount ?? 0) > 0;
  const allowed = canCommit(dto, onlyValidRows);
  const confirm = () => {
    if (!report) return;
    const sum = (c: { created: number; updated: number }) => c.created + c.updated;
    modal.confirm({
      title: t('imports.confirmCommit'),
      content: t('imports.confirmCommitBody', { households: sum(report.households), residents: sum(report.residents) }),
      okText: t('imports.commit'),
      cancelText: t('common.cancel'),
      onOk: () => onCommit(onlyValidRows),
    });
  };
  return (
    <Flex vertical gap={12}>
      {hasErrors && (
        <Checkbox checked={onlyValidRows} onChange={(e) => setOnlyValidRows(e.target.checked)} data-testid="import-only-valid">
          {t('imports.onlyValidRows')}
        </Checkbox>
      )}
      {hasErrors && !onlyValidRows && <Alert type="warning" showIcon title={t('imports.commitBlocked')} />}
      <Flex justify="end" gap={8} wrap>
        <Button onClick={onRemap} data-testid="import-remap">
          {t('imports.remap')}
        </Button>
        <Button onClick={onDryRunAgain} data-testid="import-dry-run-again">
          {t('imports.dryRunAgain')}
        </Button>
        {dto.abilities.canCommit && (
          <Button type="primary" size="large" disabled={!allowed} loading={committing} onClick={confirm} data-testid="import-commit">
            {t('imports.commit')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
