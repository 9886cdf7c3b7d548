// How a figure is bounded or approximated ("近60亿元", "90%以上", "不得低于95%"): the qualifier codes, the Chinese
// words that say them, and the sign a chart draws before the value. The parser and the extractor read the same words.
import { z } from 'astro/zod';

export const QUALIFIERS = ['', 'approx', 'gt', 'ge', 'lt', 'le'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const qualifierSchema = z.enum(QUALIFIERS);

/** Words before the number. A longer word comes before any word it ends with (不得低于 before 低于, 将近 before 近). */
export const PREFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['不能高于', 'le'],
  ['不得高于', 'le'],
  ['不能超过', 'le'],
  ['不得超过', 'le'],
  ['不能低于', 'ge'],
  ['不得低于', 'ge'],
  ['至少', 'ge'],
  ['最多', 'le'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不超过', 'le'],
  ['不高于', 'le'],
  ['不足', 'lt'],
  ['不到', 'lt'],
  ['超过', 'gt'],
  ['高于', 'gt'],
  ['多于', 'gt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['大约', 'approx'],
  ['将近', 'approx'],
  ['接近', 'approx'],
  ['约', 'approx'],
  ['近', 'approx'],
  ['逾', 'gt'],
  ['超', 'gt'],
];
/** Words after the unit ("90%以上", "500人左右"). */
export const SUFFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['以上', 'ge'],
  ['以下', 'le'],
  ['以内', 'le'],
  ['左右', 'approx'],
  ['上下', 'approx'],
  ['多', 'gt'],
  ['余', 'gt'],
  ['+', 'gt'],
];
/** 余/多 between the number and its unit ("500余万元", "3000余部"), or after a multiplier ("10万余人"). */
export const INFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['余', 'gt'],
  ['多', 'gt'],
];

/** The qualifier as a sign before the value, so a bound or an approximation never reads as an exact figure. */
export const QUALIFIER_SIGNS: Readonly<Record<string, string>> = { '': '', approx: '≈', gt: '>', ge: '≥', lt: '<', le: '≤' };
