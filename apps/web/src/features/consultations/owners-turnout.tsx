import type { OwnerVoteDto, VoteTopicDto } from '@linli/contracts';
import { Card, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n';

const TWO_THIRDS = 200 / 3;
const pct = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);

/** One participation measure as a bar, with the 2/3 line drawn across it. */
function Bar({
  label,
  part,
  total,
  reached,
  unit,
  testId,
}: {
  label: string;
  part: number;
  total: number;
  reached: boolean;
  unit: string;
  testId: string;
}) {
  const { t } = useI18n();
  const p = pct(part, total);
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text>
        {label}: {part.toLocaleString('zh-CN')} / {total.toLocaleString('zh-CN')} {unit} ({p}%)
      </Typography.Text>{' '}
      <Tag color={reached ? 'green' : 'orange'}>{reached ? t('consult.owners.reached') : t('consult.owners.short')}</Tag>
      <div style={{ position: 'relative' }}>
        <Progress percent={p} showInfo={false} strokeColor={reached ? '#52c41a' : '#fa8c16'} />
        <div
          title={t('consult.owners.line')}
          style={{ position: 'absolute', left: `${TWO_THIRDS}%`, top: 0, bottom: 0, borderLeft: '2px dashed #cf1322' }}
        />
      </div>
    </div>
  );
}

type Row = NonNullable<OwnerVoteDto['options']>[number] & { label: string };

/** An owners' vote: participation by exclusive area and by owners against the 2/3 lines, then consent per option. */
export function OwnersTurnout({ topic: c }: { topic: VoteTopicDto & { owners: OwnerVoteDto } }) {
  const { t } = useI18n();
  const o = c.owners;
  const rule = t(`consult.owners.rule.${o.rule}`);
  const columns: TableColumnsType<Row> = [
    { key: 'label', title: t('consult.col.option'), dataIndex: 'label' },
    {
      key: 'area',
      title: t('consult.owners.area'),
      render: (_, r) => `${r.area.toLocaleString('zh-CN')} m² (${pct(r.area, o.voted.area)}%)`,
    },
    { key: 'owners', title: t('consult.owners.owners'), render: (_, r) => `${r.owners} (${pct(r.owners, o.voted.owners)}%)` },
    {
      key: 'passes',
      title: rule,
      render: (_, r) => (r.passes ? <Tag color="green">{t('consult.owners.passes')}</Tag> : <Tag>{t('consult.owners.fails')}</Tag>),
    },
  ];
  const rows = o.options?.map((x) => ({ ...x, label: c.options.find((op) => op.key === x.key)?.label ?? x.key }));
  return (
    <Card size="small" title={t('consult.owners.title')} data-testid="consult-owners">
      <Bar
        label={t('consult.owners.area')}
        part={o.voted.area}
        total={o.total.area}
        reached={o.areaReached}
        unit="m²"
        testId="owners-area"
      />
      <Bar
        label={t('consult.owners.owners')}
        part={o.voted.owners}
        total={o.total.owners}
        reached={o.ownersReached}
        unit={t('consult.owners.unit')}
        testId="owners-count"
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('consult.owners.explain', { flats: o.voted.flats, total: o.total.flats, rule })}
      </Typography.Paragraph>
      {rows && <Table rowKey="key" size="small" pagination={false} scroll={{ x: 480 }} columns={columns} dataSource={rows} />}
    </Card>
  );
}
