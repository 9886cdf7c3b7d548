import { z } from 'astro/zod';

/**
 * One official national value (教育部 / 国家统计局), taken in from shared/reference/national.csv (kept untouched as
 * data/snapshots/reference_national.csv). These are statistics, not bureau reports: the site draws them as
 * reference marks beside regional values of the same year, never among the regions.
 */
export const referenceRowSchema = z.object({
  /** The series as the source names it; two series may inform one metric (total vs fiscal education funding). */
  measure: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case ASCII')
    .meta({ en: 'The national series as its source names it.', zh: '全国数据系列名称。' }),
  metric_id: z.string().min(1).meta({ en: 'The metric of this site it stands beside.', zh: '对应的本站指标。' }),
  year: z.coerce.number().int().min(1990).max(2100).meta({ en: 'Year the value describes.', zh: '数值所指年份。' }),
  value: z.string().regex(/^\d+(\.\d+)?$/, 'must be a number in ASCII digits'),
  unit: z.string().min(1).meta({ en: 'Unit.', zh: '单位。' }),
  document: z.string().min(1).meta({ en: 'The official document it comes from.', zh: '出处文件。' }),
  // The received file gives the press conference as "教育部新闻发布会 (2022-09-27)": its date once landed here.
  publisher: z
    .string()
    .min(1)
    .refine((s) => !/^\d{4}(-\d{2}){0,2}$/.test(s), 'must name who published it, not a date')
    .meta({ en: 'Who published it.', zh: '发布机构。' }),
  published: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'must be a year or a date')
    .meta({ en: 'When that document was published.', zh: '文件发布时间。' }),
  note_zh: z
    .string()
    .default('')
    .meta({ en: 'How the value is stated there, where it is not stated directly; in Chinese.', zh: '说明（如数值由该文件间接给出），中文。' }),
  note_en: z
    .string()
    .default('')
    .meta({ en: 'How the value is stated there, where it is not stated directly; in English.', zh: '说明（如数值由该文件间接给出），英文。' }),
});
export type ReferenceRow = z.output<typeof referenceRowSchema>;

/** A national value as published in public/data/reference.csv: the value is a number there. */
export const publishedReferenceSchema = referenceRowSchema.extend({
  value: z.number().meta({ en: 'National value.', zh: '全国数值。' }),
});
