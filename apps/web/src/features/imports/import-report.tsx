import type { ImportCounts, ImportProblem, ImportReport } from '@linli/contracts';
import { Alert, Col, Flex, Input, Row, Statistic, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { filterProblems } from './wizard-model';

/** The row-by-row report of a dry run or a commit: what would change (or did), and every problem with its row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const truncated = report.errors.length < report.errorCount;
  return (
    <Flex vertical gap={12} data-testid="import-report">
      {report.errorCount === 0 ? (
        <Alert type="success" showIcon title={t('imports.reportOk')} data-testid="import-report-ok" />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('imports.reportErrors', { n: report.errorCount })}
          description={truncated ? t('imports.reportTruncated', { shown: report.errors.length, n: report.errorCount }) : undefined}
          data-testid="import-report-errors"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <CountsCard title={t('imports.households')} counts={report.households} testId="import-counts-households" />
        </Col>
        <Col xs={24} md={12}>
          <CountsCard title={t('imports.residents')} counts={report.residents} testId="import-counts-residents" />
        </Col>
      </Row>
      {report.missingFlats > 0 && <Typography.Text>{t('imports.missingFlats', { n: report.missingFlats })}</Typography.Text>}
      {report.skippedRows.length > 0 && (
        <Typography.Text type="warning" data-testid="import-skipped">
          {t('imports.skipped', { n: report.skippedRows.length })}: {report.skippedRows.join(', ')}
        </Typography.Text>
      )}
      {(report.errors.length > 0 || report.warnings.length > 0) && (
        <Tabs
          items={[
            ...(report.errors.length > 0
              ? [
                  {
                    key: 'errors',
                    label: `${t('imports.tabErrors')} (${report.errorCount})`,
                    children: <ProblemTable problems={report.errors} />,
                  },
                ]
              : []),
            ...(report.warnings.length > 0
              ? [
                  {
                    key: 'warnings',
                    label: `${t('imports.tabWarnings')} (${report.warnings.length})`,
                    children: (
                      <>
                        <Typography.Paragraph type="secondary">{t('imports.warnings', { n: report.warnings.length })}</Typography.Paragraph>
                        <ProblemTable problems={report.warnings} />
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}

function CountsCard({ title, counts, testId }: { title: string; counts: ImportCounts; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="import-counts" data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Flex gap={24} wrap>
        <Statistic title={t('imports.created')} value={counts.created} />
        <Statistic title={t('imports.updated')} value={counts.updated} />
        <Statistic title={t('imports.unchanged')} value={counts.unchanged} />
      </Flex>
    </div>
  );
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const shown = filterProblems(problems, filter);
  const columns: TableColumnsType<ImportProblem> = [
    { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
    { key: 'column', title: t('imports.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
    { key: 'problem', title: t('imports.problem'), dataIndex: 'problem' },
  ];
  return (
    <Flex vertical gap={8}>
      <Input.Search allowClear placeholder={t('imports.filter')} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 360 }} />
      <Table
        rowKey={(p) => `${p.row}-${p.column ?? ''}-${p.problem}`}
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        data-testid="import-problems"
      />
    </Flex>
  );
}
