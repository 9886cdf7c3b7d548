import { z } from 'astro/zod';
import { TOPICS } from '../vocab/topics.ts';
import { UNIT_BASES } from '../vocab/units.ts';

const topicSchema = z.enum(TOPICS);

/**
 * How a metric compares across regions, declared in data/metrics.csv and used by every chart:
 * - measure: a rate, a change or an average compares across regions of different sizes; a count or an amount does
 *   not without a denominator, and the chart says so on its face.
 * - compare: `yes` when every region's figure is the same quantity; `province` when it is defined per province
 *   (exam lines differ by province and exam system); `no` when the reports name local programmes or honours that
 *   differ from place to place, so the figures are listed, never ranked.
 * - period_basis: the period a comparable value covers; values of another kind of period are listed apart.
 * - stage: the level of schooling the metric is about.
 */
const MEASURES = ['rate', 'change', 'average', 'count', 'amount'] as const;
const COMPARE = ['yes', 'province', 'no'] as const;
const PERIOD_BASES = ['year', 'half_year', 'semester', 'multi_year'] as const;
const STAGES = [
  'all',
  'preschool',
  'compulsory',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'general_upper_secondary',
  'vocational',
  'higher',
  'special',
  'none',
] as const;
export type Measure = (typeof MEASURES)[number];
export type PeriodBasis = (typeof PERIOD_BASES)[number];
/** Rates, changes and averages compare across regions of different sizes; counts and amounts do not. */
export const sizeFree = (measure: Measure) => measure === 'rate' || measure === 'change' || measure === 'average';

/** CSV booleans are written `true`/`false`; empty means the direction carries no judgement (a count of schools). */
const optionalBoolean = z.enum(['true', 'false', ''], { message: 'must be true, false or empty' }).transform((v) => (v === '' ? null : v === 'true'));

export const metricSchema = z.object({
  metric_id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case ASCII')
    .meta({ en: 'Metric id.', zh: '指标编号。' }),
  topic: topicSchema.meta({ en: 'Topic: access, places, funding, aid, exams, teachers, quality, governance.', zh: '主题。' }),
  name_zh: z.string().min(1).meta({ en: 'Name in Chinese.', zh: '中文名称。' }),
  name_en: z.string().min(1).meta({ en: 'Name in English.', zh: '英文名称。' }),
  unit_base: z.enum(UNIT_BASES).meta({ en: 'Base unit of its values.', zh: '基本单位。' }),
  higher_is_better: optionalBoolean,
  definition_zh: z.string().min(1).meta({ en: 'Definition in Chinese.', zh: '中文定义。' }),
  definition_en: z.string().min(1).meta({ en: 'Definition in English.', zh: '英文定义。' }),
  measure: z.enum(MEASURES).meta({
    en: 'rate, change or average (comparable across regions of different sizes); count or amount (not comparable without a denominator).',
    zh: '度量类型：比率、变化、平均数（不同规模地区可比）；数量、金额（无分母时不可直接比较）。',
  }),
  compare: z.enum(COMPARE).meta({
    en: 'yes: the same quantity in every region; province: defined per province (exam lines), compared within a province only; no: local programmes or honours, listed but never ranked.',
    zh: '可比性：yes 各地同一口径；province 各省口径不同（如本科线），只在省内比较；no 各地项目或荣誉不同，只列出、不排名。',
  }),
  period_basis: z
    .enum(PERIOD_BASES)
    .meta({ en: 'The period a comparable value covers: year, half_year, semester or multi_year.', zh: '可比数值所指期间：年、半年、学期、多年。' }),
  stage: z.enum(STAGES).meta({
    en: 'Level of schooling: all, preschool, compulsory, primary, lower_secondary, upper_secondary, general_upper_secondary, vocational, higher, special, none.',
    zh: '学段：全部、学前、义务教育、小学、初中、高中阶段、普通高中、职业教育、高等教育、特殊教育、不涉及学段。',
  }),
  /** `|`-separated words that announce this metric in a sentence; the extractor guesses metrics from them. */
  keywords: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split('|')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
});
export type Metric = z.output<typeof metricSchema> & {
  /** Set on metrics the build derives (growth of another metric): the metric it is computed from. */
  derived_from?: string;
};

/** A metric as published in public/data/metrics.json and read by the site's collections. */
export const publishedMetricSchema = z.object({
  ...metricSchema.shape,
  higher_is_better: z
    .boolean()
    .nullable()
    .meta({ en: 'Whether a higher value is better; empty when the direction carries no judgement.', zh: '数值越高是否越好；无判断时为空。' }),
  keywords: z.array(z.string()).meta({ en: 'Words that announce the metric in a sentence (used by the extraction assistant).', zh: '提示该指标的关键词。' }),
  derived_from: z.string().meta({ en: 'For metrics computed by this site: the metric they are computed from.', zh: '本站推算指标的来源指标。' }),
});
export type PublishedMetric = z.output<typeof publishedMetricSchema>;
