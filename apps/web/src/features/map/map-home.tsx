import { ROLE_ABILITIES } from '@linli/contracts';
import { Button, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { areaKindLabel, withNote } from '../../lib/labels';
import { getArea, useAreaList } from '../areas/area-api';
import { AreaSelect } from '../areas/area-select';
import { mapPathOf } from './map-link';

/** /map: straight to the map of the user's one area, else a chooser that drills down from the top of their scope. */
export default function MapHome() {
  const me = useSession();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [parent, setParent] = useState<{ id: string; name: string } | null>(null);
  const readers = me.scopes.filter((s) => s.areaId && s.areaKind && ROLE_ABILITIES[s.role].includes('registry.read'));
  const only = readers.length === 1 ? readers[0] : undefined;
  const direct = only?.areaId && only.areaKind ? mapPathOf({ id: only.areaId, kind: only.areaKind }) : null;
  const list = useAreaList(parent ? { parentId: parent.id } : {}, !direct);
  if (direct) return <Navigate to={direct} replace />;
  const handlePick = async (id: string) => {
    const path = mapPathOf(await getArea(id));
    if (path) navigate(path);
  };

  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <Card title={t('map.chooseTitle')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('map.chooseHint')}</Typography.Text>
          <AreaSelect
            kinds={['community', 'compound', 'grid', 'building']}
            onChange={(id) => id && void handlePick(id)}
            style={{ width: '100%', maxWidth: 480 }}
            testId="map-area-search"
          />
          {parent && (
            <Button type="link" onClick={() => setParent(null)} style={{ paddingInline: 0 }}>
              ← {parent.name}
            </Button>
          )}
          {list.isPending ? (
            <Skeleton active />
          ) : !list.data?.length ? (
            <Empty description={t('map.noScope')} />
          ) : (
            <List
              data-testid="map-area-list"
              dataSource={list.data}
              renderItem={(a) => {
                const path = mapPathOf(a);
                const label = withNote(a.name, areaKindLabel(a.kind, locale), locale);
                return (
                  <List.Item>
                    {path ? <Link to={path}>{label}</Link> : <a onClick={() => setParent({ id: a.id, name: a.name })}>{label} →</a>}
                  </List.Item>
                );
              }}
            />
          )}
        </Space>
      </Card>
    </>
  );
}
