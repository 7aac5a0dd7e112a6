import { IMPORT_FIELD_LABELS, ImportField, REQUIRED_IMPORT_FIELDS, type ImportDto } from '@linli/contracts';
import { Alert, Button, Checkbox, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n';
import { analyse, columnLetter, setField, type MappingRow } from './mapping-model';

type Props = {
  dto: ImportDto;
  rows: MappingRow[];
  onRows: (rows: MappingRow[]) => void;
  createMissingFlats: boolean;
  onCreateMissingFlats: (v: boolean) => void;
  onDryRun: () => void;
  running: boolean;
};

const IGNORE = '__ignore';

/** Step 2: each sheet column and the field it fills; recognised ones preselected, the rest chosen by hand. */
export function MappingStep({ dto, rows, onRows, createMissingFlats, onCreateMissingFlats, onDryRun, running }: Props) {
  const { t, locale } = useI18n();
  const state = analyse(rows);
  const fieldLabel = (f: ImportField) => IMPORT_FIELD_LABELS[f][locale];
  const list = (fields: readonly ImportField[]) => fields.map(fieldLabel).join(t('common.listSeparator'));
  const options = [
    { value: IGNORE, label: t('imports.ignore') },
    ...ImportField.options.map((f) => ({ value: f, label: REQUIRED_IMPORT_FIELDS.includes(f) ? `${fieldLabel(f)} *` : fieldLabel(f) })),
  ];
  const columns: TableColumnsType<MappingRow> = [
    {
      key: 'col',
      title: t('imports.column'),
      width: 70,
      render: (_, r) => <Typography.Text code>{columnLetter(r.index)}</Typography.Text>,
    },
    { key: 'header', title: t('imports.header'), render: (_, r) => <Typography.Text strong>{r.header}</Typography.Text> },
    {
      key: 'field',
      title: t('imports.field'),
      render: (_, r) => (
        <Flex gap={8} align="center">
          <Select
            value={r.field ?? IGNORE}
            onChange={(v: string) => onRows(setField(rows, r.index, v === IGNORE ? null : ImportField.parse(v)))}
            options={options}
            status={r.field && state.duplicates.includes(r.field) ? 'error' : undefined}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            data-testid={`import-map-${r.index}`}
          />
          {r.auto && r.auto === r.field && <Tag color="green">{t('imports.auto')}</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="import-mapping">
      <Typography.Text>
        {t('imports.file')}: <b>{dto.fileName}</b> · {t('imports.rows', { n: dto.rowCount })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('imports.required', { fields: list(REQUIRED_IMPORT_FIELDS) })}</Typography.Text>
      <Table rowKey="index" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
      {state.missing.length > 0 && <Alert type="warning" showIcon title={t('imports.missing', { fields: list(state.missing) })} />}
      {state.duplicates.map((f) => (
        <Alert key={f} type="error" showIcon title={t('imports.duplicate', { field: fieldLabel(f) })} />
      ))}
      <Checkbox checked={createMissingFlats} onChange={(e) => onCreateMissingFlats(e.target.checked)} data-testid="import-create-flats">
        {t('imports.createMissingFlats')}
      </Checkbox>
      <Flex justify="end">
        <Button type="primary" size="large" disabled={!state.isReady} loading={running} onClick={onDryRun} data-testid="import-dry-run">
          {t('imports.dryRun')}
        </Button>
      </Flex>
    </Flex>
  );
}
