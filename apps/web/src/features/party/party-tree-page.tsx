import {
  type CreatePartyOrgInput,
  PARTY_ORG_AREA_KINDS,
  PARTY_ORG_CHILDREN,
  PARTY_ORG_KIND_LABELS,
  PARTY_ORG_ROOTS,
  PartyOrgDto,
  type PartyOrgKind,
} from '@linli/contracts';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Popconfirm, Row, Select, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { PageTitle } from '../../components/page-title';
import { api } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { useFormSave } from '../../lib/use-form-save';
import { AreaSelect } from '../areas/area-select';
import { CommunityPicker, useCommunityParam } from './community-picker';
import { FiguresStrip } from './figures-strip';
import { partyKeys, useDeleteOrg, usePartyMembers, usePartyTree, useUpdateOrg } from './party-api';

type TreeNode = { key: string; title: string; children: TreeNode[] };

/** Nests the flat, parents-first list of the API into the Tree's shape. */
function nest(items: readonly PartyOrgDto[], label: (o: PartyOrgDto) => string): TreeNode[] {
  const nodes = new Map(items.map((o) => [o.id, { key: o.id, title: label(o), children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const o of items) (o.parentId && nodes.get(o.parentId) ? nodes.get(o.parentId)!.children : roots).push(nodes.get(o.id)!);
  return roots;
}

/** 党组织: a community's tree bound to its areas, with each organisation's secretary, figures strip and edits. */
export default function PartyTreePage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const tree = usePartyTree(communityId);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ parent: PartyOrgDto | null } | null>(null);
  const items = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const org = items.find((o) => o.id === selected) ?? items[0] ?? null;
  const treeData = useMemo(() => nest(items, (o) => `${o.name} · ${o.figures.members}`), [items]);

  return (
    <>
      <PageTitle extra={<CommunityPicker value={communityId ?? tree.data?.communityId ?? undefined} onChange={setCommunityId} />}>
        {t('party.treeTitle')}
      </PageTitle>
      {tree.isError && <Alert type="error" showIcon message={(tree.error as Error).message} />}
      {tree.data && !tree.data.communityId && <Alert type="info" showIcon message={t('party.chooseCommunity')} />}
      {tree.data?.canCreateRoot && (
        <Button type="primary" onClick={() => setAdding({ parent: null })} data-testid="party-add-root" style={{ marginBottom: 16 }}>
          {t('party.addRoot')}
        </Button>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" loading={tree.isLoading}>
            {items.length === 0 ? (
              <Empty />
            ) : (
              <Tree
                treeData={treeData}
                defaultExpandedKeys={items.filter((o) => o.kind !== 'group').map((o) => o.id)}
                selectedKeys={org ? [org.id] : []}
                onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
                height={560}
                data-testid="party-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {org && (
            <OrgCard key={org.id} org={org} onAdd={() => setAdding({ parent: org })} kindLabel={PARTY_ORG_KIND_LABELS[org.kind][locale]} />
          )}
        </Col>
      </Row>
      {adding && tree.data?.communityId && (
        <AddOrgModal parent={adding.parent} communityId={tree.data.communityId} onClose={() => setAdding(null)} />
      )}
    </>
  );
}

function OrgCard({ org, onAdd, kindLabel }: { org: PartyOrgDto; onAdd: () => void; kindLabel: string }) {
  const { t } = useI18n();
  const update = useUpdateOrg();
  const remove = useDeleteOrg();
  const showError = useShowError();
  const members = usePartyMembers({ orgId: org.id, pageSize: 200 });
  const [name, setName] = useState(org.name);
  return (
    <Card
      size="small"
      title={`${org.name}（${kindLabel}）`}
      data-testid="party-org-card"
      extra={
        <Flex gap={8}>
          {org.abilities.canAddChild && (
            <Button size="small" onClick={onAdd} data-testid="party-add-child">
              {t('party.addChild')}
            </Button>
          )}
          {org.abilities.canDelete && (
            <Popconfirm title={t('party.deleteConfirm')} onConfirm={() => remove.mutate(org.id, { onError: showError })}>
              <Button size="small" danger>
                {t('party.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <FiguresStrip figures={org.figures} />
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('party.area')}>{org.area.name}</Descriptions.Item>
          <Descriptions.Item label={t('party.name')}>
            {org.abilities.canEdit ? (
              <Input
                aria-label={t('party.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                onBlur={() => name !== org.name && update.mutate({ id: org.id, name }, { onError: showError })}
              />
            ) : (
              org.name
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('party.secretary')}>
            {org.abilities.canEdit ? (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 200 }}
                value={org.secretary?.memberId}
                placeholder={t('party.noSecretary')}
                aria-label={t('party.secretary')}
                // the secretary may lie outside the page of members loaded: keep their name as an option
                options={[
                  ...(org.secretary && !members.data?.items.some((m) => m.id === org.secretary!.memberId)
                    ? [{ value: org.secretary.memberId, label: org.secretary.name }]
                    : []),
                  ...(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name })),
                ]}
                onChange={(v?: string) => update.mutate({ id: org.id, secretaryMemberId: v ?? null }, { onError: showError })}
                data-testid="party-secretary"
              />
            ) : (
              (org.secretary?.name ?? t('party.noSecretary'))
            )}
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

function AddOrgModal({ parent, communityId, onClose }: { parent: PartyOrgDto | null; communityId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const kinds: readonly PartyOrgKind[] = parent ? PARTY_ORG_CHILDREN[parent.kind] : PARTY_ORG_ROOTS;
  const { form, save } = useFormSave(
    (v: CreatePartyOrgInput) => api.post('/api/party/orgs', { ...v, parentId: parent?.id ?? null }, PartyOrgDto),
    (_r, { queryClient }) => {
      void queryClient.invalidateQueries({ queryKey: partyKeys.all });
      onClose();
    },
  );
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  return (
    <FormModal
      form={form}
      title={parent ? `${t('party.addChild')} · ${parent.name}` : t('party.addRoot')}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ kind: kinds[0], areaId: parent ? undefined : communityId }}
      testId="party-org-form"
    >
      <Form.Item name="kind" label={t('party.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: PARTY_ORG_KIND_LABELS[k][locale] }))} />
      </Form.Item>
      <Form.Item name="name" label={t('party.name')} rules={[{ required: true }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="areaId" label={t('party.area')} rules={[{ required: true }]}>
        <AreaSelect kinds={kind ? PARTY_ORG_AREA_KINDS[kind] : undefined} testId="party-org-area" />
      </Form.Item>
    </FormModal>
  );
}
