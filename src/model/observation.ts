import { z } from 'astro/zod';
import { KINDS } from './figure.ts';
import { qualifierSchema } from '../vocab/qualifiers.ts';
import { UNIT_BASES } from '../vocab/units.ts';

/** The published id of a curated figure: <report_id>-<figure id> (000-p1-anon-city-f094). */
export const observationId = (reportId: string, localId: string): string => `${reportId}-${localId}`;
/** The published id of a value the build derives: <report_id>-d-<metric_id>-<period>. */
export const derivedObservationId = (reportId: string, metricId: string, period: string): string => `${reportId}-d-${metricId}-${period}`;

/** One published observation: the row of public/data/observations.csv and the typed collection entry. */
export const observationSchema = z.object({
  observation_id: z.string().meta({
    en: 'Stable id: <report_id>-<local id>; derived values: <report_id>-d-<metric>-<period>.',
    zh: '稳定编号：报告编号-本地编号；推算值为 报告编号-d-指标-期间。',
  }),
  report_id: z.string().meta({ en: 'The report the figure comes from.', zh: '数字所在的报告。' }),
  region_id: z.string().meta({ en: 'The region the report covers (GB/T 2260 code when identified).', zh: '报告所属地区（已识别的用 GB/T 2260 代码）。' }),
  metric_id: z.string().meta({ en: 'What is measured (see metrics).', zh: '指标（见指标表）。' }),
  period: z.string().meta({
    en: 'The period the figure describes: 2019, 2015H1, a span 2014-2018, or Y / Y-1 when the report blanks its year.',
    zh: '数字所指期间：2019、2015H1、区间 2014-2018；报告年份被隐去时为 Y、Y-1。',
  }),
  /** The calendar year the period ends in; null when the report's year is blanked and cannot be inferred. */
  year: z.number().int().nullable().meta({ en: 'The calendar year the period ends in; empty when unknown.', zh: '期间结束的年份；未知时为空。' }),
  kind: z.enum(KINDS).meta({
    en: 'actual, target (a goal), plan (a planned input) or derived (computed by this site).',
    zh: 'actual 实际、target 目标、plan 计划、derived 本站推算。',
  }),
  value: z.number().nullable().meta({ en: 'The number as written in the report.', zh: '报告中写的数字。' }),
  unit: z.string().meta({ en: 'The unit as written (亿元, %, 个百分点, 所…).', zh: '报告中写的单位。' }),
  value_base: z.number().nullable().meta({ en: 'The value in its base unit (yuan, percent, persons…).', zh: '换算到基本单位后的数值。' }),
  unit_base: z
    .enum(UNIT_BASES)
    .meta({ en: 'Base unit: CNY, %, pp (percentage points), count, person, person_time, m2, mu, score, hour, times, day, year.', zh: '基本单位。' }),
  qualifier: qualifierSchema.meta({
    en: 'Empty, approx (约/近), gt (余/多/超过), ge (以上/不低于), lt (不到), le (以内/不超过).',
    zh: '限定词：约、余、以上、以内等。',
  }),
  scope: z.string().meta({
    en: 'region, or the part it describes: school:<name>, group:<who>, area:<name>, named in the report’s Chinese.',
    zh: '范围：全地区，或某校、某群体、某区域（用报告原文的中文名称）。',
  }),
  /** The part's name in English when scope is not region; the Chinese name is the scope's text after its colon. */
  scope_en: z.string().meta({ en: 'The part’s name in English; empty for region.', zh: '范围的英文名称；全地区为空。' }),
  quote: z.string().meta({ en: 'The verbatim sentence of the report.', zh: '报告原句（逐字）。' }),
  /** Offsets in Unicode code points into the report's source.txt; the figure lies within the quote. */
  quote_start: z
    .number()
    .int()
    .nullable()
    .meta({ en: 'Start of the quote in the report text, in Unicode code points.', zh: '原句在报告文本中的起始位置（码点）。' }),
  quote_end: z.number().int().nullable().meta({ en: 'End of the quote (exclusive).', zh: '原句结束位置（不含）。' }),
  figure_start: z.number().int().nullable().meta({ en: 'Start of the figure itself in the report text.', zh: '数字本身的起始位置。' }),
  figure_end: z.number().int().nullable().meta({ en: 'End of the figure (exclusive).', zh: '数字本身的结束位置（不含）。' }),
  figure_text: z.string().meta({ en: 'The figure exactly as written (13。7亿元).', zh: '数字原文（如 13。7亿元）。' }),
  flags: z.array(z.string()).meta({
    en: 'Semicolon-separated warnings: inconsistent_change, inconsistent_rate, garbled_in_source, year_inferred…',
    zh: '分号分隔的标记：前后矛盾、原文残缺、年份推断等。',
  }),
  note_zh: z.string().meta({ en: "The curator's note in Chinese: definitions, arithmetic, judgement calls.", zh: '整理者注释（中文）：口径、算式、判断。' }),
  note_en: z.string().meta({ en: "The curator's note in English: definitions, arithmetic, judgement calls.", zh: '整理者注释（英文）：口径、算式、判断。' }),
  /** What the build verified about this value, in words ("206 ÷ 430 × 100 = 47.91; stated 47.88"), in each language. */
  checks_zh: z.string().meta({ en: 'What the build verified or computed, in Chinese.', zh: '构建时的核对或计算说明（中文）。' }),
  checks_en: z.string().meta({ en: 'What the build verified or computed, in English.', zh: '构建时的核对或计算说明（英文）。' }),
  /** For derived values: the observations they are computed from. */
  inputs: z.array(z.string()).meta({ en: 'For derived values: the observations they are computed from.', zh: '推算值所依据的观测。' }),
});
export type Observation = z.output<typeof observationSchema>;
