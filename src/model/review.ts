import { z } from 'astro/zod';
import { REVIEW_RULES, VERDICTS, type ReviewRule, type Verdict } from '../vocab/review.ts';

/** A vocabulary in one column description: each key with its meaning. */
const words = (table: Record<string, { en: string; zh: string }>, lang: 'en' | 'zh') =>
  Object.entries(table)
    .map(([key, text]) => `${key}: ${text[lang]}`)
    .join(' ');

/**
 * One second reading of one observation, as data/reviews.csv records it: someone other than the row's curator read
 * the row in its source against the definition of the metric it was compared under, and says what they found.
 */
export const reviewRowSchema = z.object({
  observation_id: z.string().min(1).meta({ en: 'The observation read (see observations).', zh: '所审读的观测（见观测表）。' }),
  compared_in: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'must be a metric id')
    .meta({
      en: 'The metric whose comparison the row was read for: its metric when it was read, which the verdict may have changed.',
      zh: '审读时该行所在的对比指标（审读结论可能已将其移入其他指标）。',
    }),
  verdict: z
    .enum(Object.keys(VERDICTS) as [Verdict, ...Verdict[]])
    .meta({ en: `What the second reader found. ${words(VERDICTS, 'en')}`, zh: `审读结论。${words(VERDICTS, 'zh')}` }),
  rule: z
    .enum(Object.keys(REVIEW_RULES) as [ReviewRule, ...ReviewRule[]])
    .meta({ en: `The curation rule applied. ${words(REVIEW_RULES, 'en')}`, zh: `所依据的整理规则。${words(REVIEW_RULES, 'zh')}` }),
  reason_en: z.string().min(1).meta({ en: 'The reading, in English: what the sentence counts and why the verdict follows.', zh: '审读理由（英文）。' }),
  reason_zh: z.string().min(1).meta({ en: 'The reading, in Chinese.', zh: '审读理由（中文）。' }),
  reviewer: z.string().min(1).meta({ en: 'Who read the row a second time (never its curator).', zh: '审读人（不是该行的整理者）。' }),
  reviewed_on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a calendar date')
    .meta({ en: 'When it was read (YYYY-MM-DD).', zh: '审读日期（YYYY-MM-DD）。' }),
});
export type ReviewRow = z.output<typeof reviewRowSchema>;

/** A second reading as published in public/data/reviews.csv: with the metric the row is published under now. */
export const publishedReviewSchema = z.object({
  observation_id: reviewRowSchema.shape.observation_id,
  compared_in: reviewRowSchema.shape.compared_in,
  metric_id: z.string().meta({ en: 'The metric the row is published under now (see metrics).', zh: '该行现在所属的指标（见指标表）。' }),
  verdict: reviewRowSchema.shape.verdict,
  rule: reviewRowSchema.shape.rule,
  reason_en: reviewRowSchema.shape.reason_en,
  reason_zh: reviewRowSchema.shape.reason_zh,
  reviewer: reviewRowSchema.shape.reviewer,
  reviewed_on: reviewRowSchema.shape.reviewed_on,
});
export type PublishedReview = z.output<typeof publishedReviewSchema>;
