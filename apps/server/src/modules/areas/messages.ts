import { AREA_KIND_LABELS, type AreaKind, type Text, text } from '@linli/contracts';

type FlatName = { unitNo: number; flatNo: string };
const zh = (k: AreaKind) => AREA_KIND_LABELS[k]['zh-CN'];
const en = (k: AreaKind) => AREA_KIND_LABELS[k].en.toLowerCase();

/** Messages the areas module writes itself, in both UI languages. */
export const AREA_MESSAGES = {
  codeTaken: () => text('该代码已被使用', 'This code is already in use'),
  childKind: (parent: AreaKind, kind: AreaKind) =>
    text(`${zh(parent)}下不能添加${zh(kind)}`, `A ${en(kind)} cannot be added under a ${en(parent)}`),
  gridRequired: () => text('楼栋须指定所属网格', 'A building needs the grid that manages it'),
  gridElsewhere: () => text('所选网格须属于本社区', 'The grid must belong to the same community'),
  gridOnlyForBuildings: () => text('只有楼栋可以指定网格', 'Only a building names a grid'),
  hasChildren: () => text('该区域下还有下级区域或楼栋，不能删除', 'This area still has areas or buildings under it'),
  hasHouseholds: () => text('该区域内还有住户档案，不能删除', 'Households are still registered in this area'),
  hasUsers: () => text('还有用户被分配到该区域，不能删除', 'Users are still assigned to this area'),
  hasOrgs: () => text('还有处置单位挂在该区域，不能删除', 'Handler organisations are still attached to this area'),
  inUse: () => text('该区域仍被其他记录引用，不能删除', 'Other records still refer to this area'),
  floorZero: () => text('楼层不能为0（地下层用负数）', 'There is no floor 0 (basements are negative)'),
  floorRepeated: () => text('同一单元内楼层不能重复', 'A floor appears twice in this unit'),
  unitRepeated: () => text('单元号不能重复', 'A unit number appears twice'),
  flatsOccupied: (flats: FlatName[]) =>
    text(
      `以下房屋有住户，不能删除：${flats.map((f) => `${f.unitNo}单元${f.flatNo}室`).join('、')}`,
      `These flats have households and cannot be removed: ${flats.map((f) => `unit ${f.unitNo} flat ${f.flatNo}`).join(', ')}`,
    ),
} satisfies Record<string, (...args: never[]) => Text>;
