// Units as the reports write them and the base unit each is published in: 亿元 is CNY × 10⁸, 人次 person-times,
// 所 a count. The parser reads these words; the extractor looks for exactly these words (and their Traditional forms).

export const UNIT_BASES = ['CNY', '%', 'pp', 'count', 'person', 'person_time', 'm2', 'mu', 'score', 'hour', 'times', 'day', 'year'] as const;
export type UnitBase = (typeof UNIT_BASES)[number];

/**
 * How readers see each base unit, in each language: [before a value, after a value, its name on axes and in
 * subtitles]. Typed by the vocabulary, so a new base unit has its words or fails the type check.
 */
export const UNIT_DISPLAY: Readonly<Record<UnitBase, Record<'zh' | 'en', readonly [prefix: string, suffix: string, name: string]>>> = {
  CNY: { zh: ['', '元', '元'], en: ['¥', '', 'yuan'] },
  '%': { zh: ['', '%', '%'], en: ['', '%', '%'] },
  pp: { zh: ['', '个百分点', '百分点'], en: ['', ' pp', 'percentage points'] },
  count: { zh: ['', '', '个'], en: ['', '', 'count'] },
  person: { zh: ['', '人', '人'], en: ['', ' people', 'people'] },
  person_time: { zh: ['', '人次', '人次'], en: ['', ' person-times', 'person-times'] },
  m2: { zh: ['', '平方米', '平方米'], en: ['', ' m²', 'm²'] },
  mu: { zh: ['', '亩', '亩'], en: ['', ' mu', 'mu'] },
  score: { zh: ['', '分', '分'], en: ['', ' points', 'points'] },
  hour: { zh: ['', '小时', '小时'], en: ['', ' hours', 'hours'] },
  times: { zh: ['', '倍', '倍'], en: ['', '×', 'times'] },
  day: { zh: ['', '天', '天'], en: ['', ' days', 'days'] },
  year: { zh: ['', '年', '年'], en: ['', ' years', 'years'] },
};

/** Multipliers written between number and unit ("13.7亿元"), as powers of ten. */
export const MULTIPLIER_EXP: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 千: 3, 百: 2 };

const words: Record<string, UnitBase> = {
  元: 'CNY',
  '%': '%',
  个百分点: 'pp',
  百分点: 'pp',
  人: 'person',
  名: 'person',
  位: 'person',
  户: 'count',
  人次: 'person_time',
  名次: 'count',
  平方米: 'm2',
  '㎡': 'm2',
  m2: 'm2',
  平米: 'm2',
  亩: 'mu',
  分: 'score',
  小时: 'hour',
  学时: 'hour',
  课时: 'hour',
  倍: 'times',
  天: 'day',
  年: 'year',
};
// Measure words that count things; what is counted is the metric's business, so they share the base unit "count".
for (const ch of '幅个所座项台部套间张件批场次期门篇本册辆处家班节类支块条幢栋校园组种轮只架把份笔株棵片例起回路') words[ch] = 'count';
// 场次 counts sessions; 金/银/铜 count medals ("21金15银6铜").
// 次人 is read as person-times: one report writes "118次人", flagged there as a probable slip for 人次.
words['次人'] = 'person_time';
for (const word of ['场次', '批次', '架次', '金', '银', '铜', '枚', '届次']) words[word] = 'count';

/** Every unit word a report writes, in its Simplified form, with its base unit: what the parser reads. */
export const UNIT_WORDS: Readonly<Record<string, UnitBase>> = words;

// Traditional forms occur in the 2021 county report (萬元, 個百分點, 餘); they map to the Simplified forms
// only for parsing — the unit as written stays as written.
export const TRADITIONAL: Readonly<Record<string, string>> = {
  萬: '万',
  億: '亿',
  個: '个',
  餘: '余',
  點: '点',
  約: '约',
  過: '过',
  於: '于',
  項: '项',
  臺: '台',
  間: '间',
  場: '场',
  屆: '届',
  門: '门',
  張: '张',
  處: '处',
  組: '组',
  類: '类',
  條: '条',
  塊: '块',
  輛: '辆',
  為: '为',
  兩: '两',
  幾: '几',
  來: '来',
  達: '达',
  學: '学',
  節: '节',
  課: '课',
  筆: '笔',
  隻: '只',
  時: '时',
  戶: '户',
  畝: '亩',
  冊: '册',
  棟: '栋',
  園: '园',
  種: '种',
  輪: '轮',
  銀: '银',
  銅: '铜',
  內: '内',
};

const SIMPLIFIED_TO_TRADITIONAL = new Map(Object.entries(TRADITIONAL).map(([trad, simple]) => [simple, trad]));

/** A word and, where it differs, its Traditional spelling (个百分点 → 個百分點): what the parser reads as that word. */
export function spellings(word: string): string[] {
  const traditional = Array.from(word, (ch) => SIMPLIFIED_TO_TRADITIONAL.get(ch) ?? ch).join('');
  return traditional === word ? [word] : [word, traditional];
}
