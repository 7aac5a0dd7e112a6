import type { Rng } from './rng.js';

/** "王71 李66 …" → [['王', 71], ['李', 66], …] */
function parseTable(table: string): [string, number][] {
  return table.split(' ').map((e) => [e.replace(/\d+$/, ''), Number(e.match(/\d+$/)![0])]);
}

/** Common surnames with rough frequencies (per mille), tilted towards Jiangsu; 单 and 欧阳 exercise pinyin. */
const SURNAMES = parseTable(
  '王71 李66 张64 刘52 陈60 杨30 黄20 赵19 吴24 周20 徐22 孙16 马12 朱18 胡13 郭11 何10 高11 林9 罗7 ' +
    '郑8 梁6 谢7 宋6 唐7 许8 韩6 冯5 邓4 曹6 彭4 曾3 肖4 田4 董5 袁5 潘5 于4 蒋6 蔡5 ' +
    '余4 杜4 叶5 程4 苏4 魏4 吕4 丁6 任3 沈6 姚4 卢3 姜4 崔3 钟3 谭2 陆6 汪4 范3 金4 ' +
    '石3 贾2 夏4 方3 邹3 孟2 秦3 江3 薛3 顾5 毛2 龚2 邵3 钱4 严3 戴4 仇2 卞2 殷2 单1 ' +
    '欧阳1',
);

type Era = 'old' | 'middle' | 'young' | 'child';
const split = (s: string) => s.split(' ');

/** Given names by era of birth and sex, the way they sound for that generation. */
const GIVEN: Record<Era, { 1: string[]; 2: string[] }> = {
  old: {
    1: split('建国 建华 国庆 国强 德明 德福 志刚 志明 正华 长海 永生 福生 金宝 宝林 玉山 文华 洪 根生 万福 庆 明 忠 家富 桂林'),
    2: split('秀英 桂英 秀兰 桂兰 玉兰 淑珍 凤英 秀珍 玉珍 桂芳 兰英 玉梅 翠英 凤兰 素珍 金凤 美华 惠 芳 萍 月娥 巧云'),
  },
  middle: {
    1: split('伟 军 勇 强 斌 刚 建军 卫东 卫国 红兵 海 平 华 东 峰 建平 国华 小平 文斌 晓东 永红 春华'),
    2: split('丽 敏 静 红 燕 霞 萍 红梅 丽华 春梅 秀云 晓红 玉红 海燕 艳 娟 芳 丽娟 冬梅 小红 美玲 雪梅'),
  },
  young: {
    1: split('磊 鹏 浩 杰 超 涛 明 亮 俊 飞 帅 凯 健 晨 宇 鑫 海涛 志强 俊杰 文杰 晓明 振宇'),
    2: split('婷 丹 晶 雪 琳 倩 颖 洁 璐 莉 婷婷 丹丹 晓燕 佳 雅琪 梦 思雨 文静 晓丽 婧 露 蕾'),
  },
  child: {
    1: split('子轩 浩然 宇轩 梓豪 俊熙 浩宇 一鸣 子墨 博文 宇航 皓轩 睿 泽宇 铭 宸 思远 天佑 沐阳 嘉豪 晨阳'),
    2: split('梓涵 欣怡 一诺 雨桐 可馨 子涵 诗涵 语嫣 思琪 梦琪 佳怡 若曦 紫萱 雨涵 欣妍 婉清 依诺 安琪 芷若 沐晴'),
  },
};

function eraOf(birthYear: number): Era {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1980) return 'middle';
  if (birthYear < 2000) return 'young';
  return 'child';
}

export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function givenName(rng: Rng, sex: 1 | 2, birthYear: number): string {
  return rng.pick(GIVEN[eraOf(birthYear)][sex]);
}
