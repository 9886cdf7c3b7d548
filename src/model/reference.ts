import { z } from 'astro/zod';

/**
 * One official national value (教育部 / 国家统计局), brought in from shared/reference/national.csv. These are
 * statistics, not bureau reports: the site draws them as reference marks, never among the regions.
 */
export const referenceRowSchema = z.object({
  metric_id: z.string().min(1),
  year: z.coerce.number().int().min(1990).max(2100),
  value: z.string().regex(/^\d+(\.\d+)?$/, 'must be a number in ASCII digits'),
  unit: z.string().min(1),
  source: z.string().min(1),
  published: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'must be a year or a date'),
});
export type ReferenceRow = z.output<typeof referenceRowSchema>;
