import { DragOutlined, SaveOutlined } from '@ant-design/icons';
import type { SiteBuilding, SiteMapDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Empty, Flex, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PrintButton } from './print-button';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { mapKeys, putPositions, useSiteMap } from './map-api';
import { useMapLabels } from './map-labels';
import { type Layer, type LegendEntry, PARTY_COLOR, RENTED_COLOR, TYPE_COLORS, VACANT_COLOR, VOLUNTEER_COLOR } from './map-model';
import { LayerSwitch, MapCountsRow, MapLegend } from './map-panels';
import { moveBuilding, positionsOf, positionsToSave } from './site-arrange';
import { SiteGrid } from './site-grid';
import { useLayerParam } from './use-layer-param';
import { type TagLook, useTagStyle } from './use-tag-style';
import './map.css';

/** Every building of a community, compound or grid at a glance, laid out like the site; staff may arrange it. */
export default function SiteMapPage() {
  const { id = '' } = useParams();
  const site = useSiteMap(id);
  if (site.isPending) return <Skeleton active />;
  if (site.error) return <Result status="warning" subTitle={site.error.message} />;
  return <SiteMap key={id} site={site.data} />;
}

function siteLegend(site: SiteMapDto, layer: Layer, tags: TagLook): LegendEntry[] {
  const { counts } = site;
  switch (layer) {
    case 'tags':
      return tags.order
        .filter((code) => site.tagCounts[code])
        .map((code) => ({ key: code, color: tags.colorOf(code), count: site.tagCounts[code] ?? 0 }));
    case 'type':
      return [{ key: 'floating', color: TYPE_COLORS.floating, count: counts.floating }];
    case 'party':
      return [
        { key: 'party', color: PARTY_COLOR, count: counts.partyMembers },
        { key: 'volunteer', color: VOLUNTEER_COLOR, count: counts.volunteers },
      ];
    case 'occupancy':
      return [
        { key: 'vacant', color: VACANT_COLOR, count: counts.vacant },
        { key: 'rented', color: RENTED_COLOR, count: counts.rented },
      ];
  }
}

function SiteMap({ site }: { site: SiteMapDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [layer, setLayer] = useLayerParam();
  const [tag, setTag] = useState<string | null>(null);
  const [arranging, setArranging] = useState(false);
  const [positions, setPositions] = useState(() => positionsOf(site.buildings));
  const tags = useTagStyle(site.communityId);
  const labels = useMapLabels(tags);
  const legend = useMemo(() => siteLegend(site, layer, tags), [site, layer, tags]);
  const save = useMutation({
    mutationFn: () => putPositions(site.area.id, { positions: positionsToSave(site.buildings, positions) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(mapKeys.site(site.area.id), saved);
      setPositions(positionsOf(saved.buildings));
      setArranging(false);
      message.success(t('map.layoutSaved'));
      void queryClient.invalidateQueries({ queryKey: ['map', 'site'] });
    },
    onError: showError,
  });
  const changes = positionsToSave(site.buildings, positions).length;
  const handleCancel = () => {
    setPositions(positionsOf(site.buildings));
    setArranging(false);
  };
  const handleOpen = (b: SiteBuilding) => navigate(`/map/buildings/${b.id}?layer=${layer}`);

  return (
    <div className="site-map-page print-wide">
      <PageTitle
        extra={
          <Space className="no-print" wrap>
            {site.abilities.canArrange && !arranging && (
              <Button icon={<DragOutlined />} onClick={() => setArranging(true)} data-testid="arrange-toggle">
                {t('map.arrange')}
              </Button>
            )}
            {arranging && (
              <>
                <Button onClick={handleCancel}>{t('map.cancel')}</Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={changes === 0}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                  data-testid="arrange-save"
                >
                  {t('map.saveLayout')}
                </Button>
              </>
            )}
            <PrintButton />
          </Space>
        }
      >
        {t('map.siteTitle', { name: site.area.name })}
      </PageTitle>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 12 }}
        items={[...site.ancestors, site.area].map((a) => ({
          key: a.id,
          title: site.sites.some((s) => s.id === a.id) ? <Link to={`/map/areas/${a.id}`}>{a.name}</Link> : a.name,
        }))}
      />
      <Card className="map-card">
        <Flex wrap gap={12} align="center" className="map-toolbar no-print">
          <LayerSwitch value={layer} onChange={setLayer} />
          {layer === 'tags' && (
            <Select
              allowClear
              value={tag ?? undefined}
              onChange={(v?: string) => setTag(v ?? null)}
              placeholder={t('map.allTags')}
              aria-label={t('map.allTags')}
              options={tags.order.map((code) => ({ value: code, label: tags.label(code) }))}
              style={{ minWidth: 180 }}
              data-testid="site-tag"
            />
          )}
        </Flex>
        {arranging && <Alert type="info" showIcon title={t('map.arrangeHint')} style={{ marginBottom: 12 }} className="no-print" />}
        {site.buildings.length === 0 ? (
          <Empty description={t('map.noBuildings')} />
        ) : (
          <SiteGrid
            buildings={site.buildings}
            positions={positions}
            siteName={site.area.name}
            layer={layer}
            tag={tag}
            tags={tags}
            labels={labels}
            arranging={arranging}
            onMove={(id, to) => setPositions((p) => moveBuilding(p, id, to))}
            onOpen={handleOpen}
          />
        )}
        <MapLegend layer={layer} entries={legend} labels={labels} />
        <Typography.Text type="secondary" className="map-shade-note">
          {t('map.shadeNote')}
        </Typography.Text>
      </Card>
      <Card title={t('map.counts')} size="small" style={{ marginTop: 16 }}>
        <MapCountsRow counts={site.counts} />
      </Card>
    </div>
  );
}
