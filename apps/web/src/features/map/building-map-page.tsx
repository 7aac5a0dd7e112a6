import { ApartmentOutlined } from '@ant-design/icons';
import type { BuildingMapDto, MapFlatCell } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Empty, Flex, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PrintButton } from './print-button';
import { PageTitle } from '../../components/page-title';
import { HouseholdCard } from '../registry/household-card';
import { BuildingGrid } from './building-grid';
import { mapKeys, useBuildingMap } from './map-api';
import { useMapLabels } from './map-labels';
import { FLAT_FILTERS, type FlatFilter, legendOf, matchesFilters } from './map-model';
import { LayerSwitch, MapCountsRow, MapLegend, ResponsibleList } from './map-panels';
import { useLayerParam } from './use-layer-param';
import { useTagStyle } from './use-tag-style';
import './map.css';

/** 楼栋图: one building's flats coloured by a layer, with its legend, filters, counts and responsible people; printable on A4. */
export default function BuildingMapPage() {
  const { id = '' } = useParams();
  const map = useBuildingMap(id);
  if (map.isPending) return <Skeleton active />;
  if (map.error) return <Result status="warning" subTitle={map.error.message} />;
  return <BuildingMap key={id} map={map.data} />;
}

function BuildingMap({ map }: { map: BuildingMapDto }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [layer, setLayer] = useLayerParam();
  const [filters, setFilters] = useState<FlatFilter[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const tags = useTagStyle(map.building.communityId);
  const labels = useMapLabels(tags);
  const { building, cells } = map;
  const title = [building.compoundName, building.name].filter(Boolean).join(' ');
  const legend = useMemo(() => legendOf(cells, layer, tags), [cells, layer, tags]);
  const presentTags = useMemo(() => tags.order.filter((code) => cells.some((c) => c.tags.includes(code))), [cells, tags]);
  const matching = cells.filter((c) => matchesFilters(c, filters)).length;
  // landscape when the building is wider (flats across) than it is tall (floors)
  const isWide = new Set(cells.map((c) => `${c.unitNo}:${c.position}`)).size > new Set(cells.map((c) => c.floorNo)).size;
  const filterOptions = [
    ...FLAT_FILTERS.map((f) => ({ value: f as FlatFilter, label: t(`map.filter.${f}`) })),
    ...presentTags.map((code) => ({ value: `tag:${code}` as FlatFilter, label: t('map.filter.tag', { tag: tags.label(code) }) })),
  ];
  const readable = new Set(map.sites.map((a) => a.id));
  const linkTo = (id: string, name: string) => (readable.has(id) ? <Link to={`/map/areas/${id}`}>{name}</Link> : name);
  const siteLink = [building.compoundId, building.gridId].find((id) => id && readable.has(id));
  const handleOpen = map.abilities.canOpenHousehold ? (cell: MapFlatCell) => setOpenId(cell.householdId) : null;
  const handleClose = () => {
    setOpenId(null);
    void queryClient.invalidateQueries({ queryKey: mapKeys.building(building.id) });
  };

  return (
    <div className={isWide ? 'building-map-page print-wide' : 'building-map-page'}>
      <PageTitle
        extra={
          <Space className="no-print">
            {siteLink && (
              <Link to={`/map/areas/${siteLink}`}>
                <Button icon={<ApartmentOutlined />} data-testid="to-site-map">
                  {t('map.siteMap')}
                </Button>
              </Link>
            )}
            <PrintButton primary />
          </Space>
        }
      >
        {`${title} ${t('map.title')}`}
      </PageTitle>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 12 }}
        items={[
          ...map.ancestors.map((a) => ({ key: a.id, title: linkTo(a.id, a.name) })),
          ...(building.gridId ? [{ key: 'grid', title: linkTo(building.gridId, building.gridName ?? '') }] : []),
          { key: building.id, title: building.name },
        ]}
      />
      <Card className="map-card">
        <Flex wrap gap={12} align="center" className="map-toolbar no-print">
          <LayerSwitch value={layer} onChange={setLayer} />
          <Select<FlatFilter[]>
            mode="multiple"
            allowClear
            value={filters}
            onChange={setFilters}
            options={filterOptions}
            placeholder={t('map.filterPlaceholder')}
            aria-label={t('map.filterPlaceholder')}
            style={{ minWidth: 260, flex: '1 1 260px', maxWidth: 520 }}
            data-testid="map-filter"
          />
          {filters.length > 0 && (
            <Typography.Text type="secondary" data-testid="map-matches">
              {t('map.matches', { n: matching })}
            </Typography.Text>
          )}
        </Flex>
        <div className="print-only print-meta">
          {t('map.layer')}: {t(`map.layer.${layer}`)} · {t('map.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}
        </div>
        {cells.length === 0 ? (
          <Empty description={t('map.empty')} />
        ) : (
          <BuildingGrid cells={cells} layer={layer} tags={tags} filters={filters} onOpen={handleOpen} />
        )}
        <MapLegend layer={layer} entries={legend} labels={labels} />
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }} className="map-panels">
        <Col xs={24} lg={14}>
          <Card title={t('map.counts')} size="small">
            <MapCountsRow counts={map.counts} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('map.responsible')} size="small">
            <ResponsibleList people={map.responsible} />
          </Card>
        </Col>
      </Row>
      <HouseholdCard householdId={openId} open={openId !== null} onClose={handleClose} />
    </div>
  );
}
