import { DeleteOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { AREA_CHILD_KINDS, type AreaNodeDto } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction, useConfirm } from '../../lib/use-form-save';
import { areaKindLabel } from '../../lib/labels';
import { areaKeys, deleteArea, getArea, getLayout } from './area-api';
import { AreaFormModal, type AreaFormMode } from './area-form-modal';
import { FloorPlan } from './floor-plan';
import { LayoutEditor } from './layout-editor';
import { MapLinkButton } from '../map/map-link';

type Props = { id: string; onSelect: (id: string | null) => void; onCreated: (node: AreaNodeDto) => void };

/** One node: where it sits, its facts, the actions its abilities allow and, for a building, its floor plan. */
export function AreaDetail({ id, onSelect, onCreated }: Props) {
  const { t, locale } = useI18n();
  const confirm = useConfirm();
  const [form, setForm] = useState<AreaFormMode | null>(null);
  const [layoutOpen, setLayoutOpen] = useState(false);
  const detail = useQuery({ queryKey: areaKeys.detail(id), queryFn: () => getArea(id) });
  const node = detail.data;
  const isBuilding = node?.kind === 'building';
  const layout = useQuery({ queryKey: areaKeys.layout(id), queryFn: () => getLayout(id), enabled: isBuilding });
  const grid = useQuery({
    queryKey: areaKeys.detail(node?.gridId ?? ''),
    queryFn: () => getArea(node?.gridId ?? ''),
    enabled: Boolean(node?.gridId),
  });
  const remove = useAction(
    () => deleteArea(id),
    async (_, { message, queryClient }) => {
      message.success(t('common.deleted'));
      onSelect(node?.parentId ?? null);
      queryClient.removeQueries({ queryKey: areaKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: areaKeys.all });
    },
  );

  if (detail.isPending) return <Skeleton active />;
  if (detail.error) return <Result status="warning" subTitle={detail.error.message} />;
  if (!node) return null;

  const canAdd = node.abilities.canAddChild && AREA_CHILD_KINDS[node.kind].length > 0;
  const confirmDelete = () => confirm(t('common.delete'), t('common.confirmDelete', { name: node.name }), () => remove.mutateAsync());

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Flex align="center" gap={8}>
            <Tag color="red">{areaKindLabel(node.kind, locale)}</Tag>
            <span data-testid="area-title">{node.name}</span>
          </Flex>
        }
        extra={
          <Space wrap>
            <MapLinkButton node={node} />
            {canAdd && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ type: 'add', parent: node })}
                data-testid="area-add-child"
              >
                {t('areas.addChild')}
              </Button>
            )}
            {node.abilities.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setForm({ type: 'edit', node })} data-testid="area-edit">
                {t('areas.rename')}
              </Button>
            )}
            {node.abilities.canDelete && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} loading={remove.isPending} data-testid="area-delete">
                {t('common.delete')}
              </Button>
            )}
          </Space>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[...node.ancestors, node].map((a) => ({
            key: a.id,
            title: a.id === node.id ? a.name : <a onClick={() => onSelect(a.id)}>{a.name}</a>,
          }))}
        />
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          items={[
            { key: 'kind', label: t('areas.kind'), children: areaKindLabel(node.kind, locale) },
            { key: 'code', label: t('areas.code'), children: <code>{node.code}</code> },
            { key: 'name', label: t('areas.name'), children: node.name },
            { key: 'children', label: t('areas.children'), children: node.childCount },
            ...(isBuilding
              ? [
                  { key: 'grid', label: t('areas.grid'), children: grid.data?.name ?? (node.gridId ? '…' : t('common.none')) },
                  { key: 'units', label: t('areas.units'), children: node.units ?? 0 },
                  { key: 'floors', label: t('areas.floors'), children: node.floors ?? 0 },
                ]
              : []),
          ]}
        />
      </Card>
      {isBuilding && (
        <Card
          title={t('layout.title')}
          extra={
            node.abilities.canEdit && (
              <Button icon={<TableOutlined />} onClick={() => setLayoutOpen(true)} disabled={!layout.data} data-testid="layout-edit">
                {t('layout.edit')}
              </Button>
            )
          }
        >
          {layout.isPending ? (
            <Skeleton active />
          ) : layout.error ? (
            <Result status="warning" subTitle={layout.error.message} />
          ) : (
            <FloorPlan flats={layout.data.flats} />
          )}
        </Card>
      )}
      {isBuilding && layout.data && (
        <LayoutEditor buildingId={node.id} flats={layout.data.flats} open={layoutOpen} onClose={() => setLayoutOpen(false)} />
      )}
      {form && (
        <AreaFormModal
          mode={form}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            if (form.type === 'add') onCreated(saved);
          }}
        />
      )}
    </Space>
  );
}
