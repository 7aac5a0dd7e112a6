import { type Text, text } from '@linli/contracts';

/** Messages the posts module writes itself, in both UI languages. */
export const POST_MESSAGES = {
  areaKindWrong: () => text('这类岗位不能设在所选区域层级', 'This kind of post cannot cover an area of this level'),
  orgElsewhere: () => text('党组织须属于同一社区', 'The party organisation must belong to the same community'),
  taken: () => text('该岗位已被认领或有人在岗', 'This post has already been claimed or is held'),
  inactive: () => text('该岗位已停用', 'This post is switched off'),
  notMember: () => text('只有本社区在册党员可以认领岗位', 'Only registered party members of this community can claim posts'),
  holderRequired: () => text('请选择一名党员或居民', 'Choose a party member or a resident'),
  personElsewhere: () => text('所选人员不在本社区', 'This person does not belong to the community'),
  notHeld: () => text('只能为在岗的岗位记录履职', 'Duties are recorded on a held post only'),
  futureDate: () => text('日期不能晚于今天', 'The date cannot be in the future'),
  beforeHolding: () => text('日期早于上岗日期', 'The date is before the post was taken'),
  moveState: (from: string, event: string) => text(`当前状态（${from}）下不能执行“${event}”`, `Cannot ${event} a holding that is ${from}`),
} satisfies Record<string, (...args: never[]) => Text>;
