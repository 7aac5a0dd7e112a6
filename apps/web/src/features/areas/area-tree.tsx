import type { AreaNodeDto, Locale } from '@linli/contracts';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useState, type Key } from 'react';
import { useI18n } from '../../app/i18n';
import { areaKindLabel } from '../../lib/labels';
import { areaKeys, listAreas, useAreaList } from './area-api';

function toTreeData(nodes: readonly AreaNodeDto[], childrenOf: Map<string, AreaNodeDto[]>, locale: Locale): TreeDataNode[] {
  return nodes.map((n) => {
    const children = childrenOf.get(n.id);
    return {
      key: n.id,
      title: (
        <span data-testid={`area-node-${n.code}`}>
          {n.name} <small style={{ color: 'rgba(0,0,0,0.45)' }}>{areaKindLabel(n.kind, locale)}</small>
        </span>
      ),
      isLeaf: n.childCount === 0,
      children: children ? toTreeData(children, childrenOf, locale) : undefined,
    };
  });
}

type Props = { selectedId: string | null; onSelect: (id: string) => void; expanded: string[]; onExpand: (keys: string[]) => void };

/**
 * The area tree: top nodes from GET /api/areas, children loaded on expand from ?parentId=.
 * Each level is a cached query, so invalidating ['areas'] after a write refreshes every open level.
 */
export function AreaTree({ selectedId, onSelect, expanded, onExpand }: Props) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const roots = useAreaList({});
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const levels = useQueries({
    queries: loadedIds.map((parentId) => ({ queryKey: areaKeys.list({ parentId }), queryFn: () => listAreas({ parentId }) })),
  });
  const childrenOf = new Map<string, AreaNodeDto[]>();
  loadedIds.forEach((id, i) => {
    const data = levels[i]?.data;
    if (data) childrenOf.set(id, data);
  });
  const treeData = toTreeData(roots.data ?? [], childrenOf, locale);

  const loadData = async (node: { key: Key }) => {
    const parentId = String(node.key);
    await queryClient.fetchQuery({ queryKey: areaKeys.list({ parentId }), queryFn: () => listAreas({ parentId }) });
    setLoadedIds((ids) => (ids.includes(parentId) ? ids : [...ids, parentId]));
  };

  if (roots.isPending) return <Skeleton active />;
  if (!roots.data?.length) return <Empty description={t('areas.empty')} />;
  return (
    <Tree
      data-testid="area-tree"
      showLine
      blockNode
      treeData={treeData}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => onExpand(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
    />
  );
}
