import { type Rng, weightedTable } from './random.ts';
import type { Sex } from './vietnamese-names.ts';

/**
 * Chinese personal names for the CN demo: a family name drawn by its real frequency, then a given
 * name of one or two characters (two for most people born since the 1970s, one more often before).
 */

/**
 * The most common family names with their share of the population in per mille (national figures of
 * the 2020 household registration: 王 7.1%, 李 7.0%, 张 6.7%, 刘 5.4%, 陈 4.6% ...), rounded; the
 * rest of the hundred commonest share what is left in the last row.
 */
const FAMILY = `
王 71 | 李 70 | 张 67 | 刘 54 | 陈 46 | 杨 31 | 黄 22 | 赵 20 | 吴 19 | 周 19
徐 15 | 孙 15 | 马 14 | 朱 13 | 胡 13 | 郭 11 | 何 11 | 林 10 | 罗 10 | 高 10
郑 8 | 梁 8 | 谢 7 | 宋 6 | 唐 6 | 许 6 | 韩 5 | 冯 5 | 邓 5 | 曹 5
彭 5 | 曾 5 | 肖 5 | 田 5 | 董 4 | 袁 4 | 潘 4 | 于 4 | 蒋 4 | 蔡 4
余 4 | 杜 4 | 叶 4 | 程 4 | 苏 3 | 魏 3 | 吕 3 | 丁 3 | 任 3 | 沈 3
姚 3 | 卢 3 | 姜 3 | 崔 3 | 钟 3 | 谭 3 | 陆 3 | 汪 3 | 范 3 | 金 3
石 3 | 廖 3 | 贾 3 | 夏 3 | 韦 2 | 付 2 | 方 2 | 白 2 | 邹 2 | 孟 2
熊 2 | 秦 2 | 邱 2 | 江 2 | 尹 2 | 薛 2 | 闫 2 | 段 2 | 雷 2 | 侯 2
龙 2 | 史 2 | 陶 2 | 黎 2 | 贺 2 | 顾 2 | 毛 2 | 郝 2 | 龚 2 | 邵 2
`;

export const FAMILY_NAMES = weightedTable(
  FAMILY.trim()
    .split(/[|\n]/)
    .map((cell) => cell.trim().split(/\s+/) as [string, string])
    .map(([name, share]) => [name, Number(share)] as const),
);

/** Characters of men's and women's given names (many are shared; these lean one way). */
const MALE = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰亮建国志文成东海兵江晨博鸿家豪毅德荣昌福兴永贵',
];
const FEMALE = [
  ...'芳娜敏静丽艳娟霞秀英玲桂兰燕萍红婷雪琳慧莹倩佳颖晶洁琴云莉梅丹悦欣怡萱涵雨晴诗梦瑶彤菊香',
];
const SHARED = [...'小子思嘉一雅晓春秋玉金青明天佳'];

/** A given name of one or two characters; two for about 85% of those born from 1975, 55% before. */
export function randomGivenName(rng: Rng, sex: Sex, birthYear: number): string {
  const own = sex === 'female' ? FEMALE : MALE;
  const two = rng.chance(birthYear >= 1975 ? 0.85 : 0.55);
  if (!two) return rng.pick(own);
  const first = rng.chance(0.3) ? rng.pick(SHARED) : rng.pick(own);
  let second = rng.pick(own);
  if (second === first) second = rng.pick(own);
  return `${first}${second}`;
}

/** A whole name, family name first and no space: 王芳, 李建国. */
export function randomChineseName(rng: Rng, sex: Sex, birthYear: number, family?: string): string {
  return `${family ?? rng.weighted(FAMILY_NAMES)}${randomGivenName(rng, sex, birthYear)}`;
}
