import { AREA_KIND_LABELS, type AreaKind, type Locale } from '@linli/contracts';

type Text = Record<Locale, string>;
type FlatName = { unitNo: number; flatNo: string };
const zh = (k: AreaKind) => AREA_KIND_LABELS[k]['zh-CN'];
const en = (k: AreaKind) => AREA_KIND_LABELS[k].en.toLowerCase();

/** Messages the areas module writes itself, in both UI languages. */
export const AREA_MESSAGES = {
  codeTaken: () => ({ 'zh-CN': '该代码已被使用', en: 'This code is already in use' }),
  childKind: (parent: AreaKind, kind: AreaKind) => ({
    'zh-CN': `${zh(parent)}下不能添加${zh(kind)}`,
    en: `A ${en(kind)} cannot be added under a ${en(parent)}`,
  }),
  gridRequired: () => ({ 'zh-CN': '楼栋须指定所属网格', en: 'A building needs the grid that manages it' }),
  gridElsewhere: () => ({ 'zh-CN': '所选网格须属于本社区', en: 'The grid must belong to the same community' }),
  gridOnlyForBuildings: () => ({ 'zh-CN': '只有楼栋可以指定网格', en: 'Only a building names a grid' }),
  hasChildren: () => ({ 'zh-CN': '该区域下还有下级区域或楼栋，不能删除', en: 'This area still has areas or buildings under it' }),
  hasHouseholds: () => ({ 'zh-CN': '该区域内还有住户档案，不能删除', en: 'Households are still registered in this area' }),
  hasUsers: () => ({ 'zh-CN': '还有用户被分配到该区域，不能删除', en: 'Users are still assigned to this area' }),
  hasOrgs: () => ({ 'zh-CN': '还有处置单位挂在该区域，不能删除', en: 'Handler organisations are still attached to this area' }),
  inUse: () => ({ 'zh-CN': '该区域仍被其他记录引用，不能删除', en: 'Other records still refer to this area' }),
  floorZero: () => ({ 'zh-CN': '楼层不能为0（地下层用负数）', en: 'There is no floor 0 (basements are negative)' }),
  floorRepeated: () => ({ 'zh-CN': '同一单元内楼层不能重复', en: 'A floor appears twice in this unit' }),
  unitRepeated: () => ({ 'zh-CN': '单元号不能重复', en: 'A unit number appears twice' }),
  flatsOccupied: (flats: FlatName[]) => ({
    'zh-CN': `以下房屋有住户，不能删除：${flats.map((f) => `${f.unitNo}单元${f.flatNo}室`).join('、')}`,
    en: `These flats have households and cannot be removed: ${flats.map((f) => `unit ${f.unitNo} flat ${f.flatNo}`).join(', ')}`,
  }),
} satisfies Record<string, (...args: never[]) => Text>;
