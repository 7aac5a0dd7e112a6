import type { FlatDto } from '@linli/contracts';
import { Fragment, useMemo, type ReactNode } from 'react';
import { flatGrid, floorLabel } from './layout-model';

type Props<F> = {
  flats: readonly F[];
  className: string;
  testId: string;
  unitTitle: (unitNo: number) => string;
  floorTitle: (floor: string) => string;
  flatKey: (flat: F) => string;
  /** one `<td>` per flat */
  renderFlat: (flat: F) => ReactNode;
  /** a `<colgroup>` (floor column, gap columns, one column per flat) for tables that size their columns */
  withColumns?: boolean;
};

/** The unit × floor table of a building: top floor first, one column group per unit as wide as its widest floor. */
export function UnitFloorTable<F extends Pick<FlatDto, 'unitNo' | 'floorNo' | 'flatNo'>>(props: Props<F>) {
  const { flats, className, testId, unitTitle, floorTitle, flatKey, renderFlat, withColumns } = props;
  const grid = useMemo(() => flatGrid(flats), [flats]);
  return (
    <table className={className} data-testid={testId}>
      {withColumns && (
        <colgroup>
          <col className="col-floor" />
          {grid.units.map((u, i) => (
            <Fragment key={u.unitNo}>
              {i > 0 && <col className="col-gap" />}
              {Array.from({ length: Math.max(1, u.width) }, (_, k) => (
                <col key={k} />
              ))}
            </Fragment>
          ))}
        </colgroup>
      )}
      <thead>
        <tr>
          <th />
          {grid.units.map((u, i) => (
            <Fragment key={u.unitNo}>
              {i > 0 && <th className="unit-gap" />}
              <th colSpan={Math.max(1, u.width)}>{unitTitle(u.unitNo)}</th>
            </Fragment>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.floors.map((floorNo) => (
          <tr key={floorNo}>
            <th scope="row">{floorTitle(floorLabel(floorNo))}</th>
            {grid.units.map((u, i) => {
              const here = grid.at(u.unitNo, floorNo);
              const blanks = Math.max(1, u.width) - here.length;
              return (
                <Fragment key={u.unitNo}>
                  {i > 0 && <td className="unit-gap" />}
                  {here.map((f) => (
                    <Fragment key={flatKey(f)}>{renderFlat(f)}</Fragment>
                  ))}
                  {blanks > 0 && <td colSpan={blanks} />}
                </Fragment>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
