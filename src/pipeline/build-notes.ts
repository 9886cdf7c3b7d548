// What the build itself says about a value (published as checks_en and checks_zh): each stage returns its notes as
// data, and this one table writes them in both languages, so the two can never say different things.
import type { Observation } from '../model/observation.ts';

/** A number as the notes write it: at most two decimals. */
export const fmt = (x: number) => String(Math.round(x * 100) / 100);

export type BuildNote =
  /** A curated relation checked within rounding: its formula and the stated value. */
  | { kind: 'checked'; check: string; formula: string; stated: number; consistent: boolean }
  /** A curated relation left unchecked, and why. */
  | { kind: 'not_checked'; check: string; reason: 'unreadable' | 'approximate' }
  /** A figure written with a multiplier only ("1500多万"), read in its metric's unit. */
  | { kind: 'no_unit'; figure: string; unit: string }
  /** A growth the build derived: the formula ends in its value (with % for a growth rate). */
  | { kind: 'derived'; formula: string; points: boolean };

const SENTENCES: Record<'en' | 'zh', { [K in BuildNote['kind']]: (note: Extract<BuildNote, { kind: K }>) => string }> = {
  en: {
    checked: (n) => `${n.check}: ${n.formula}; stated ${fmt(n.stated)} (${n.consistent ? 'consistent within rounding' : 'inconsistent'})`,
    not_checked: (n) => `${n.check}: not checked, a value is ${n.reason === 'unreadable' ? 'unreadable' : 'approximate or a bound'}`,
    no_unit: (n) => `the report writes no unit (${n.figure}); read in the metric's unit, ${n.unit}`,
    derived: (n) => `derived: ${n.formula}${n.points ? ' percentage points' : ''}, rounded to 2 decimals`,
  },
  zh: {
    checked: (n) => `${n.check}：${n.formula}，报告为 ${fmt(n.stated)}（${n.consistent ? '在舍入误差内一致' : '不一致'}）`,
    not_checked: (n) => `${n.check}：未核对，有数值${n.reason === 'unreadable' ? '无法辨读' : '是约数或上下限'}`,
    no_unit: (n) => `报告未写单位（${n.figure}），按指标的单位 ${n.unit} 读取`,
    derived: (n) => `推算：${n.formula}${n.points ? ' 个百分点' : ''}，保留两位小数`,
  },
};
const SEPARATOR = { en: ' | ', zh: '；' } as const;

/** The notes in one language, in the order the stages made them. */
export function notesText(notes: readonly BuildNote[], lang: 'en' | 'zh'): string {
  return notes.map((note) => (SENTENCES[lang][note.kind] as (n: BuildNote) => string)(note)).join(SEPARATOR[lang]);
}

/** checks_en and checks_zh of an observation, from the same notes. */
export const checksFields = (notes: readonly BuildNote[]): Pick<Observation, 'checks_en' | 'checks_zh'> => ({
  checks_en: notesText(notes, 'en'),
  checks_zh: notesText(notes, 'zh'),
});
