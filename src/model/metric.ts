import { z } from 'astro/zod';
import { UNIT_BASES } from '../text/figure.ts';

export const TOPICS = ['access', 'places', 'funding', 'aid', 'exams', 'teachers', 'quality', 'governance'] as const;
export const topicSchema = z.enum(TOPICS);

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
  /** `|`-separated words that announce this metric in a sentence; the extractor guesses metrics from them. */
  keywords: z.string().default('').transform((s) => s.split('|').map((k) => k.trim()).filter(Boolean)),
});
export type MetricInput = z.input<typeof metricSchema>;
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
