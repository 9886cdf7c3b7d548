import { z } from 'astro/zod';
import { TOPICS } from '../vocab/topics.ts';
import { UNIT_BASES } from '../vocab/units.ts';

export const topicSchema = z.enum(TOPICS);

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
export const MEASURES = ['rate', 'change', 'average', 'count', 'amount'] as const;
export const COMPARE = ['yes', 'province', 'no'] as const;
export const PERIOD_BASES = ['year', 'half_year', 'semester', 'multi_year'] as const;
export const STAGES = [
  'all', 'preschool', 'compulsory', 'primary', 'lower_secondary', 'upper_secondary', 'general_upper_secondary',
  'vocational', 'higher', 'special', 'none',
] as const;
export type Measure = (typeof MEASURES)[number];
export type PeriodBasis = (typeof PERIOD_BASES)[number];
/** Rates, changes and averages compare across regions of different sizes; counts and amounts do not. */
export const sizeFree = (measure: Measure) => measure === 'rate' || measure === 'change' || measure === 'average';

/** CSV booleans are written `true`/`false`; empty means the direction carries no judgement (a count of schools). */
const optionalBoolean = z
  .enum(['true', 'false', ''], { message: 'must be true, false or empty' })
  .transform((v) => (v === '' ? null : v === 'true'));

export const metricSchema = z.object({
  metric_id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case ASCII'),
  topic: topicSchema,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  unit_base: z.enum(UNIT_BASES),
  higher_is_better: optionalBoolean,
  definition_zh: z.string().min(1),
  definition_en: z.string().min(1),
  measure: z.enum(MEASURES),
  compare: z.enum(COMPARE),
  period_basis: z.enum(PERIOD_BASES),
  stage: z.enum(STAGES),
  /** `|`-separated words that announce this metric in a sentence; the extractor guesses metrics from them. */
  keywords: z.string().default('').transform((s) => s.split('|').map((k) => k.trim()).filter(Boolean)),
});
export type Metric = z.output<typeof metricSchema> & {
  /** Set on metrics the build derives (growth of another metric): the metric it is computed from. */
  derived_from?: string;
};

/** A metric as published in public/data/metrics.json and read by the site's collections. */
export const publishedMetricSchema = z.object({
  ...metricSchema.shape,
  higher_is_better: z.boolean().nullable(),
  keywords: z.array(z.string()),
  derived_from: z.string(),
});
export type PublishedMetric = z.output<typeof publishedMetricSchema>;
