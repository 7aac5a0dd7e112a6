import type { AreaNodeDto } from '@linli/contracts';
import { Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { AreaDetail } from './area-detail';
import { AreaSelect } from './area-select';
import { AreaTree } from './area-tree';

export default function AreasPage() {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const handleCreated = (node: AreaNodeDto) => {
    if (node.parentId) setExpanded((keys) => (keys.includes(node.parentId ?? '') ? keys : [...keys, node.parentId ?? '']));
    setSelectedId(node.id);
  };
  return (
    <>
      <PageTitle>{t('areas.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} xl={7}>
          <Card title={t('areas.tree')} styles={{ body: { padding: 12 } }}>
            <AreaSelect
              value={undefined}
              onChange={(id) => id && setSelectedId(id)}
              style={{ width: '100%', marginBottom: 12 }}
              testId="area-search"
            />
            <AreaTree selectedId={selectedId} onSelect={setSelectedId} expanded={expanded} onExpand={setExpanded} />
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17}>
          {selectedId ? (
            <AreaDetail key={selectedId} id={selectedId} onSelect={setSelectedId} onCreated={handleCreated} />
          ) : (
            <Card>
              <Empty description={t('areas.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
