import { ApartmentOutlined } from '@ant-design/icons';
import type { AreaKind } from '@linli/contracts';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';

/** Where the map of a node lives: a building's own map, or the site map of a community, compound or grid. */
export function mapPathOf(node: { id: string; kind: AreaKind }): string | null {
  if (node.kind === 'building') return `/map/buildings/${node.id}`;
  return node.kind === 'community' || node.kind === 'compound' || node.kind === 'grid' ? `/map/areas/${node.id}` : null;
}

/** The "楼栋图" button of the areas page, for those who may read the registry. */
export function MapLinkButton({ node }: { node: { id: string; kind: AreaKind } }) {
  const { t } = useI18n();
  const canRead = useCan('registry.read');
  const path = mapPathOf(node);
  if (!canRead || !path) return null;
  return (
    <Link to={path}>
      <Button icon={<ApartmentOutlined />} data-testid="area-map-link">
        {t('map.open')}
      </Button>
    </Link>
  );
}
