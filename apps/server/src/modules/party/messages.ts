import { type Text, text } from '@linli/contracts';

/** Messages the party module writes itself, in both UI languages. */
export const PARTY_MESSAGES = {
  communityRequired: () => text('请选择社区', 'Choose a community'),
  kindNotHere: () => text('这一级组织不能设在所选上级之下', 'This kind of organisation cannot sit under the chosen parent'),
  areaKindWrong: () => text('所选区域的层级与组织层级不符', 'The area does not fit this level of organisation'),
  areaOutsideParent: () => text('所选区域不在上级组织的区域之内', "The area lies outside the parent organisation's area"),
  childOutsideArea: () => text('下级组织的区域不在新区域之内', "A child organisation's area lies outside the new area"),
  rootExists: () => text('该社区已有党组织根节点', 'This community already has a root party organisation'),
  notEmpty: () => text('组织下还有下级组织、党员或岗位，不能删除', 'The organisation still has children, members or posts'),
  secretaryNotMember: () =>
    text('书记须是本组织（含下级）的在册党员', 'The secretary must be an active member of this organisation or below'),
  residentRequired: () =>
    text('请选择本社区居民，或填写姓名、性别和出生日期', 'Choose a resident of the community, or give name, sex and birth date'),
  residentElsewhere: () => text('该居民不在本社区或已迁出', 'This resident does not live in the community'),
  alreadyMember: () => text('该居民已是在册党员', 'This resident is already a registered party member'),
  orgElsewhere: () => text('只能转到同一社区的党组织', 'A member can only move within the same community'),
  leftOnRequired: () => text('请填写离开日期', 'Give the date the membership ended here'),
  futureDate: () => text('日期不能晚于今天', 'The date cannot be in the future'),
  noAccountHere: () =>
    text(
      '只有在本社区报到、住在别处且尚无账号的在职党员可开通账号',
      'Only an in-service member reporting here who lives elsewhere and has no account can be given one',
    ),
} satisfies Record<string, (...args: never[]) => Text>;
