import { AREA_CHILD_KINDS, isValidAreaCode, type AreaDetailDto, type AreaKind, type AreaNodeDto } from '@linli/contracts';
import { Form, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { areaKindLabel, withNote } from '../../lib/labels';
import { areaKeys, createArea, updateArea, useAreaList } from './area-api';

export type AreaFormMode = { type: 'add'; parent: AreaDetailDto } | { type: 'edit'; node: AreaDetailDto };
type Values = { kind: AreaKind; code: string; name: string; gridId?: string };

const CODE_SUFFIX: Record<AreaKind, string> = {
  district: '',
  street: '001',
  community: '001',
  grid: '001',
  compound: '-01',
  building: '-001',
};

/** The community above a node (or the node itself), whose grids a building may be managed by. */
function communityOf(detail: AreaDetailDto): string | undefined {
  return [...detail.ancestors, detail].find((a) => a.kind === 'community')?.id;
}

type Props = { mode: AreaFormMode; onClose: () => void; onSaved: (node: AreaNodeDto) => void };

/** Adds a child node (kind limited by AREA_CHILD_KINDS) or edits a node's name and grid. */
export function AreaFormModal({ mode, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const need = useRequiredRule();
  const { form, save } = useFormSave(
    (v: Values): Promise<AreaNodeDto> =>
      mode.type === 'add'
        ? createArea({ kind: v.kind, parentId: mode.parent.id, code: v.code, name: v.name, gridId: needsGrid ? v.gridId : undefined })
        : updateArea(mode.node.id, { name: v.name, ...(needsGrid ? { gridId: v.gridId ?? null } : {}) }),
    async (node, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.all });
      message.success(t('common.saved'));
      onSaved(node);
    },
  );
  const base = mode.type === 'add' ? mode.parent : mode.node;
  const childKinds = mode.type === 'add' ? AREA_CHILD_KINDS[mode.parent.kind] : [];
  const kind = Form.useWatch('kind', form) ?? (mode.type === 'add' ? childKinds[0] : mode.node.kind);
  const needsGrid = kind === 'building';
  const communityId = communityOf(base);
  const grids = useAreaList({ parentId: communityId, kind: 'grid' }, needsGrid && Boolean(communityId));

  const initial: Partial<Values> =
    mode.type === 'add'
      ? { kind: childKinds[0], code: mode.parent.code }
      : { kind: mode.node.kind, code: mode.node.code, name: mode.node.name, gridId: mode.node.gridId ?? undefined };
  const parentCode = mode.type === 'add' ? mode.parent.code : '';
  const codeHint = t('areas.codeHint', { example: `${parentCode}${CODE_SUFFIX[kind]}` });

  return (
    <FormModal
      form={form}
      title={mode.type === 'add' ? t('areas.addTitle', { name: mode.parent.name }) : t('areas.editTitle', { name: mode.node.name })}
      initialValues={initial}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="area-form"
    >
      <Form.Item name="kind" label={t('areas.kind')} rules={[need]}>
        <Select
          disabled={mode.type === 'edit'}
          options={(mode.type === 'add' ? childKinds : [mode.node.kind]).map((k) => ({ value: k, label: areaKindLabel(k, locale) }))}
          data-testid="area-kind"
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('areas.code')}
        extra={mode.type === 'add' ? codeHint : undefined}
        rules={[
          need,
          {
            validator: (_, v: string) =>
              mode.type === 'edit' || !v || isValidAreaCode(kind, v.trim(), parentCode)
                ? Promise.resolve()
                : Promise.reject(new Error(codeHint)),
          },
        ]}
      >
        <Input disabled={mode.type === 'edit'} data-testid="area-code" />
      </Form.Item>
      <Form.Item name="name" label={t('areas.name')} rules={[need, { max: 80 }]}>
        <Input data-testid="area-name" />
      </Form.Item>
      {needsGrid && (
        <Form.Item
          name="gridId"
          label={t('areas.grid')}
          rules={mode.type === 'add' ? [need] : []}
          extra={grids.data?.length === 0 ? t('areas.noGrids') : undefined}
        >
          <Select
            loading={grids.isPending}
            allowClear={mode.type === 'edit'}
            options={(grids.data ?? []).map((g) => ({ value: g.id, label: withNote(g.name, g.code, locale) }))}
            data-testid="area-grid"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
