import { z } from 'astro/zod';

/**
 * One official national value (教育部 / 国家统计局), taken in from shared/reference/national.csv (kept untouched as
 * data/snapshots/reference_national.csv). These are statistics, not bureau reports: the site draws them as
 * reference marks beside regional values of the same year, never among the regions.
 */
export const referenceRowSchema = z.object({
  /** The series as the source names it; two series may inform one metric (total vs fiscal education funding). */
  measure: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case ASCII'),
  metric_id: z.string().min(1),
  year: z.coerce.number().int().min(1990).max(2100),
  value: z.string().regex(/^\d+(\.\d+)?$/, 'must be a number in ASCII digits'),
  unit: z.string().min(1),
  document: z.string().min(1),
  publisher: z.string().min(1),
  published: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'must be a year or a date'),
  note: z.string().default(''),
});
export type ReferenceRow = z.output<typeof referenceRowSchema>;
