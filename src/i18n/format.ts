// Numbers for the reader's language: 万/亿 in Chinese, thousands/millions/billions in English.
import { format } from 'd3';

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

const UNIT_WORDS: Record<Locale, Record<string, [string, string]>> = {
  // [prefix, suffix]
  'zh-cn': {
    CNY: ['', '元'],
    '%': ['', '%'],
    pp: ['', '个百分点'],
    count: ['', ''],
    person: ['', '人'],
    person_time: ['', '人次'],
    m2: ['', '平方米'],
    mu: ['', '亩'],
    score: ['', '分'],
    hour: ['', '小时'],
    times: ['', '倍'],
    day: ['', '天'],
    year: ['', '年'],
  },
  en: {
    CNY: ['¥', ''],
    '%': ['', '%'],
    pp: ['', ' pp'],
    count: ['', ''],
    person: ['', ' people'],
    person_time: ['', ' person-times'],
    m2: ['', ' m²'],
    mu: ['', ' mu'],
    score: ['', ' points'],
    hour: ['', ' hours'],
    times: ['', '×'],
    day: ['', ' days'],
    year: ['', ' years'],
  },
};

/** A value in its base unit, for a reader: "13.7亿元", "¥1.37 billion", "47.88%", "1.7 pp". */
export function formatValue(value: number | null, unitBase: string, locale: Locale): string {
  if (value === null) return locale === 'zh-cn' ? '无法辨认' : 'unreadable';
  const [prefix, suffix] = UNIT_WORDS[locale][unitBase] ?? ['', ` ${unitBase}`];
  const number = unitBase === '%' || unitBase === 'pp' ? trim(value) : formatMagnitude(value, locale);
  return `${prefix}${number}${suffix}`;
}

/** The unit's name for axis labels and subtitles. */
export function unitLabel(unitBase: string, locale: Locale): string {
  const zh: Record<string, string> = {
    CNY: '元',
    '%': '%',
    pp: '百分点',
    count: '个',
    person: '人',
    person_time: '人次',
    m2: '平方米',
    mu: '亩',
    score: '分',
    hour: '小时',
    times: '倍',
    day: '天',
    year: '年',
  };
  const en: Record<string, string> = {
    CNY: 'yuan',
    '%': '%',
    pp: 'percentage points',
    count: 'count',
    person: 'people',
    person_time: 'person-times',
    m2: 'm²',
    mu: 'mu',
    score: 'points',
    hour: 'hours',
    times: 'times',
    day: 'days',
    year: 'years',
  };
  return (locale === 'zh-cn' ? zh : en)[unitBase] ?? unitBase;
}

/** Tick labels in the reader's convention, for Plot's tickFormat. */
export function tickFormatter(unitBase: string, locale: Locale): (x: number) => string {
  return unitBase === '%' || unitBase === 'pp' ? (x) => trim(x) : (x) => formatMagnitude(x, locale);
}
