import { z } from 'astro/zod';
import { basisSchema } from './region.ts';
import { periodSchema } from './period.ts';

const REPORT_KINDS = ['annual_summary', 'half_year_summary', 'summary_and_plan', 'plan', 'other'] as const;

const reportObject = z.object({
  report_id: z
    .string()
    .regex(/^\d{3}(-[a-z0-9]+)+$/, 'must be <seed number>-<slug>, lowercase')
    .meta({ en: 'Report id.', zh: '报告编号。' }),
  title: z.string().min(1).meta({ en: 'Title as in the source.', zh: '原标题。' }),
  title_en: z.string().min(1).meta({ en: 'Title in English.', zh: '英文标题。' }),
  bureau: z.string().min(1).meta({ en: 'Issuing bureau as named.', zh: '发布机构。' }),
  bureau_en: z.string().min(1).meta({ en: 'Issuing bureau in English.', zh: '发布机构（英文）。' }),
  region_id: z.string().min(1).meta({ en: 'Region covered.', zh: '所属地区。' }),
  kind: z.enum(REPORT_KINDS).meta({ en: 'annual_summary, half_year_summary, summary_and_plan, plan, other.', zh: '文件类型。' }),
  period: periodSchema,
  year: z.number().int().min(1990).max(2100).nullable().meta({ en: 'Year; empty when unknown.', zh: '年份；未知为空。' }),
  year_basis: basisSchema.meta({ en: 'explicit, inferred or unknown.', zh: '年份依据：明确、推断、未知。' }),
  /** Verbatim quotes of source.txt that establish the year; the build finds each in the text. */
  year_evidence: z.array(z.string().min(1)).meta({ en: 'Verbatim quotes that establish the year.', zh: '确定年份所据原文。' }),
  year_reasoning_zh: z.string().meta({ en: 'How the evidence establishes the year, in Chinese.', zh: '年份推理（中文）。' }),
  year_reasoning_en: z.string().meta({ en: 'How the evidence establishes the year, in English.', zh: '年份推理（英文）。' }),
  language: z.enum(['zh-Hans', 'zh-Hant']).meta({ en: 'zh-Hans or zh-Hant.', zh: '简体或繁体。' }),
  seed_file: z
    .string()
    .regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must name a file of data/snapshots/')
    .meta({ en: 'The web page text it was cut from.', zh: '所取自的原始网页文本。' }),
  part: z.string().nullable().meta({ en: 'Its part within that file (篇3), if any.', zh: '在该文件中的篇目。' }),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .meta({ en: 'Publication date if the page gives one.', zh: '发布日期（如有）。' }),
  notes_zh: z.string().meta({ en: 'What a researcher should know about the document, in Chinese.', zh: '关于该文件的说明（中文）。' }),
  notes_en: z.string().meta({ en: 'What a researcher should know about the document, in English.', zh: '关于该文件的说明（英文）。' }),
  /**
   * The original publication's details where the source page gives them, verbatim (the build finds each in the
   * snapshot): 索引号 (the government information index number), 发文日期 (date issued), 发布机构 (publisher).
   */
  source_index_no: z.string().min(1).optional(),
  source_issued: z.string().min(1).optional(),
  source_publisher: z.string().min(1).optional(),
  /** SHA-256 of the snapshot and of source.txt, recorded when the report was taken in (OWID-style origin). */
  seed_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
    .meta({ en: 'SHA-256 of the seed file.', zh: '原始文件的 SHA-256。' }),
  source_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
    .meta({ en: 'SHA-256 of the cleaned text (sources/<report_id>.txt).', zh: '整理后文本的 SHA-256。' }),
});

export const reportSchema = reportObject
  .refine((r) => (r.year === null) === (r.year_basis === 'unknown'), {
    message: 'year is null exactly when year_basis is unknown',
    path: ['year'],
  })
  .refine((r) => r.year_basis === 'unknown' || r.year_evidence.length > 0, {
    message: 'a known year needs at least one evidence quote',
    path: ['year_evidence'],
  });
export type ReportMeta = z.output<typeof reportSchema>;

/** A report as published in public/data/reports.json (period resolved, counts added). */
// the published columns name the report's origin (seed_file, part) right after its id
const { report_id, seed_file, part, ...described } = reportObject.shape;
export const publishedReportSchema = z.object({
  report_id,
  seed_file,
  part,
  ...described,
  period: z.string().meta({ en: 'Period covered.', zh: '所涉期间。' }),
  source_index_no: z
    .string()
    .nullable()
    .optional()
    .meta({ en: 'The index number (索引号) the source page gives, verbatim; empty if none.', zh: '原网页所载索引号（原文照录；无则为空）。' }),
  source_issued: z
    .string()
    .nullable()
    .optional()
    .meta({ en: 'The date issued (发文日期) the source page gives, verbatim; empty if none.', zh: '原网页所载发文日期（原文照录；无则为空）。' }),
  source_publisher: z
    .string()
    .nullable()
    .optional()
    .meta({ en: 'The publisher (发布机构) the source page gives, verbatim; empty if none.', zh: '原网页所载发布机构（原文照录；无则为空）。' }),
  observation_count: z.number().int().meta({ en: 'Number of curated figures.', zh: '已整理的数字个数。' }),
  mentions_found: z.number().int().meta({
    en: 'Numeric mentions the extraction assistant finds in the text (years, dates, ordinals and document numbers excluded).',
    zh: '提取程序在原文中找到的数字（不含年份、日期、序数、文号）。',
  }),
  mentions_curated: z.number().int().meta({ en: 'Of those, mentions that are curated figures.', zh: '其中已整理的。' }),
  mentions_skipped: z
    .number()
    .int()
    .meta({ en: 'Of those, mentions deliberately not curated (skipped.csv, with a reason).', zh: '其中有意不整理的（附理由）。' }),
  to_review: z.array(z.string()).meta({ en: 'Mentions not yet reviewed, as code-point spans start-end.', zh: '尚未审阅的数字位置。' }),
});
export type PublishedReport = z.output<typeof publishedReportSchema>;
