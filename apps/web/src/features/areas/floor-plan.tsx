import type { FlatDto } from '@linli/contracts';
import { Empty, Flex, Tooltip, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { UnitFloorTable } from './unit-floor-table';

/** The building map: top floor first, one column group per unit, one cell per flat; occupied flats stand out. */
export function FloorPlan({ flats }: { flats: readonly FlatDto[] }) {
  const { t } = useI18n();
  if (flats.length === 0) return <Empty description={t('layout.empty')} />;
  return (
    <div style={{ overflowX: 'auto' }}>
      <UnitFloorTable
        flats={flats}
        className="floor-plan"
        testId="floor-plan"
        unitTitle={(n) => t('layout.unit', { n })}
        floorTitle={(n) => t('layout.floor', { n })}
        flatKey={(f) => f.id}
        renderFlat={(f) => (
          <Tooltip title={f.householdCount > 0 ? t('layout.hasHousehold') : t('layout.vacant')}>
            <td className={f.householdCount > 0 ? 'flat occupied' : 'flat'} data-flat={f.flatNo}>
              {f.flatNo}
            </td>
          </Tooltip>
        )}
      />
      <Flex gap={16} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('layout.flats', { n: flats.length })}</Typography.Text>
        <span>
          <span className="legend-swatch occupied" /> {t('layout.hasHousehold')}
        </span>
        <span>
          <span className="legend-swatch" /> {t('layout.vacant')}
        </span>
      </Flex>
    </div>
  );
}
