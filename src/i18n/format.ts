// Numbers for the reader's language: 万/亿 in Chinese, thousands/millions/billions in English.
import { format } from 'd3';
import { UNIT_DISPLAY, type UnitBase } from '../vocab/units.ts';

export type Locale = 'zh-cn' | 'en';
/** The site's languages, Chinese first: the Chinese pages at the root, the English ones under en/. */
export const LOCALES: Locale[] = ['zh-cn', 'en'];

const trim = (x: number, digits = 2) => String(Number(x.toFixed(digits)));

/** A plain number in the reader's convention: 22000 → "2.2万" / "22,000"; 1370000000 → "13.7亿" / "1.37 billion". */
export function formatMagnitude(value: number, locale: Locale): string {
  const abs = Math.abs(value);
  if (locale === 'zh-cn') {
    if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
    if (abs >= 1e4) return `${trim(value / 1e4)}万`;
    return trim(value);
  }
  if (abs >= 1e9) return `${trim(value / 1e9)} billion`;
  if (abs >= 1e6) return `${trim(value / 1e6)} million`;
  return abs >= 1e4 ? format(',')(Number(trim(value))) : trim(value);
}

/** A value in its base unit, for a reader: "13.7亿元", "¥1.37 billion", "47.88%", "1.7 pp". */
export function formatValue(value: number | null, unitBase: string, locale: Locale): string {
  if (value === null) return locale === 'zh-cn' ? '无法辨认' : 'unreadable';
  const [prefix, suffix] = unitWords(unitBase, locale) ?? ['', ` ${unitBase}`];
  const number = unitBase === '%' || unitBase === 'pp' ? trim(value) : formatMagnitude(value, locale);
  return `${prefix}${number}${suffix}`;
}

/** The unit's name for axis labels and subtitles. */
export function unitLabel(unitBase: string, locale: Locale): string {
  return unitWords(unitBase, locale)?.[2] ?? unitBase;
}

const unitWords = (unitBase: string, locale: Locale) =>
  (UNIT_DISPLAY as Partial<Record<string, (typeof UNIT_DISPLAY)[UnitBase]>>)[unitBase]?.[locale === 'zh-cn' ? 'zh' : 'en'];

/** Tick labels in the reader's convention, for Plot's tickFormat. */
export function tickFormatter(unitBase: string, locale: Locale): (x: number) => string {
  return unitBase === '%' || unitBase === 'pp' ? (x) => trim(x) : (x) => formatMagnitude(x, locale);
}
