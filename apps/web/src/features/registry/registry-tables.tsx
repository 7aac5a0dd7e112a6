import { codeLabel, type HouseholdListItem, type ResidentSearchItem } from '@linli/contracts';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n';
import { usePagination } from '../../lib/use-pagination';
import { CareTagList } from './care-tags';
import { RESIDENT_TYPE_COLORS, residentTypeLabel, statusLabel, tenureLabel } from './registry-labels';
import { REGISTRY_PAGE_SIZES } from './search-query';

type Paged<T> = { items: T[]; total: number; totalCapped?: boolean } | undefined;
type Common<T> = {
  data: Paged<T>;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (householdId: string) => void;
};

/** The table both tabs share: server paging, the registry's empty text, a double click opens the household. */
function RegistryTable<T extends { id: string }>(
  props: Common<T> & { testId: string; columns: TableColumnsType<T>; householdOf: (row: T) => string },
) {
  const { t } = useI18n();
  const pagination = usePagination(
    props,
    props.data?.total,
    (next) => props.onPage(next.page, next.pageSize),
    REGISTRY_PAGE_SIZES,
    props.data?.totalCapped,
  );
  return (
    <Table
      rowKey="id"
      data-testid={props.testId}
      loading={props.loading}
      dataSource={props.data?.items}
      columns={props.columns}
      scroll={{ x: 'max-content' }}
      pagination={pagination}
      locale={{ emptyText: t('registry.empty') }}
      onRow={(r) => ({ onDoubleClick: () => props.onOpen(props.householdOf(r)) })}
    />
  );
}

const mono = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Residents found: one row each, a click opens the household card. ID and phone come masked from the server. */
export function ResidentTable(props: Common<ResidentSearchItem>) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<ResidentSearchItem> = [
    {
      key: 'name',
      title: t('registry.col.name'),
      render: (_, r) => (
        <Typography.Link strong onClick={() => props.onOpen(r.householdId)}>
          {r.name}
        </Typography.Link>
      ),
    },
    { key: 'sex', title: t('registry.col.sex'), render: (_, r) => codeLabel('sex', r.sex, locale) },
    { key: 'age', title: t('registry.col.age'), dataIndex: 'age', align: 'right' },
    { key: 'idNumber', title: t('registry.col.idNumber'), render: (_, r) => <span style={mono}>{r.idNumber ?? '—'}</span> },
    { key: 'phone', title: t('registry.col.phone'), render: (_, r) => <span style={mono}>{r.phone ?? '—'}</span> },
    { key: 'address', title: t('registry.col.address'), render: (_, r) => r.address.text },
    { key: 'tags', title: t('registry.col.tags'), render: (_, r) => <CareTagList codes={r.tags} communityId={r.address.communityId} /> },
    {
      key: 'type',
      title: t('registry.col.type'),
      render: (_, r) => (
        <>
          <Tag color={RESIDENT_TYPE_COLORS[r.residentType]}>{residentTypeLabel(t, r.residentType)}</Tag>
          {r.status !== 'active' && <Tag>{statusLabel(t, r.status)}</Tag>}
        </>
      ),
    },
  ];
  return <RegistryTable {...props} testId="registry-table" columns={columns} householdOf={(r) => r.householdId} />;
}

/** Households: address, head, size, tenure, tags, status. */
export function HouseholdTable(props: Common<HouseholdListItem>) {
  const { t } = useI18n();
  const columns: TableColumnsType<HouseholdListItem> = [
    {
      key: 'address',
      title: t('registry.col.address'),
      render: (_, h) => (
        <Typography.Link strong onClick={() => props.onOpen(h.id)}>
          {h.address.text}
        </Typography.Link>
      ),
    },
    { key: 'head', title: t('registry.col.head'), render: (_, h) => h.headName ?? '—' },
    { key: 'members', title: t('registry.col.members'), align: 'right', render: (_, h) => t('registry.members', { n: h.memberCount }) },
    { key: 'tenure', title: t('registry.col.tenure'), render: (_, h) => tenureLabel(t, h.tenure) },
    { key: 'tags', title: t('registry.col.tags'), render: (_, h) => <CareTagList codes={h.tags} communityId={h.address.communityId} /> },
    {
      key: 'status',
      title: t('registry.col.status'),
      render: (_, h) => <Tag color={h.status === 'active' ? 'green' : 'default'}>{statusLabel(t, h.status)}</Tag>,
    },
  ];
  return <RegistryTable {...props} testId="household-table" columns={columns} householdOf={(h) => h.id} />;
}
