import type { FlatDto } from '@linli/contracts';
import { Empty, Flex, Tooltip, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { flatGrid, floorLabel } from './layout-model';

/** The building map: top floor first, one column group per unit, one cell per flat; occupied flats stand out. */
export function FloorPlan({ flats }: { flats: readonly FlatDto[] }) {
  const { t } = useI18n();
  const grid = useMemo(() => flatGrid(flats), [flats]);
  if (flats.length === 0) return <Empty description={t('layout.empty')} />;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="floor-plan" data-testid="floor-plan">
        <thead>
          <tr>
            <th />
            {grid.units.map((u, i) => (
              <Fragment key={u.unitNo}>
                {i > 0 && <th className="unit-gap" />}
                <th colSpan={Math.max(1, u.width)}>{t('layout.unit', { n: u.unitNo })}</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.floors.map((floorNo) => (
            <tr key={floorNo}>
              <th scope="row">{t('layout.floor', { n: floorLabel(floorNo) })}</th>
              {grid.units.map((u, i) => {
                const here = grid.at(u.unitNo, floorNo);
                const blanks = Math.max(1, u.width) - here.length;
                return (
                  <Fragment key={u.unitNo}>
                    {i > 0 && <td className="unit-gap" />}
                    {here.map((f) => (
                      <Tooltip key={f.id} title={f.householdCount > 0 ? t('layout.hasHousehold') : t('layout.vacant')}>
                        <td className={f.householdCount > 0 ? 'flat occupied' : 'flat'} data-flat={f.flatNo}>
                          {f.flatNo}
                        </td>
                      </Tooltip>
                    ))}
                    {blanks > 0 && <td colSpan={blanks} />}
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
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
