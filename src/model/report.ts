import { z } from 'astro/zod';
import { basisSchema } from './region.ts';
import { periodSchema } from './period.ts';

export const REPORT_KINDS = ['annual_summary', 'half_year_summary', 'summary_and_plan', 'plan', 'other'] as const;

const reportObject = z.object({
    report_id: z.string().regex(/^\d{3}(-[a-z0-9]+)+$/, 'must be <seed number>-<slug>, lowercase'),
    title: z.string().min(1),
    title_en: z.string().min(1),
    bureau: z.string().min(1),
    bureau_en: z.string().min(1),
    region_id: z.string().min(1),
    kind: z.enum(REPORT_KINDS),
    period: periodSchema,
    year: z.number().int().min(1990).max(2100).nullable(),
    year_basis: basisSchema,
    /** Verbatim quotes of source.txt that establish the year; the build finds each in the text. */
    year_evidence: z.array(z.string().min(1)),
    year_reasoning: z.string(),
    language: z.enum(['zh-Hans', 'zh-Hant']),
    seed_file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must name a file of data/snapshots/'),
    part: z.string().nullable(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    notes: z.string(),
    /**
     * The original publication's details where the source page gives them, verbatim (the build finds each in the
     * snapshot): 索引号 (the government information index number), 发文日期 (date issued), 发布机构 (publisher).
     */
    source_index_no: z.string().min(1).optional(),
    source_issued: z.string().min(1).optional(),
    source_publisher: z.string().min(1).optional(),
    /** SHA-256 of the snapshot and of source.txt, recorded when the report was taken in (OWID-style origin). */
    seed_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
    source_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
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
export const publishedReportSchema = z.object({
  ...reportObject.shape,
  period: z.string(),
  source_index_no: z.string().nullable().optional(),
  source_issued: z.string().nullable().optional(),
  source_publisher: z.string().nullable().optional(),
  observation_count: z.number().int(),
  mentions_found: z.number().int(),
  mentions_curated: z.number().int(),
  mentions_skipped: z.number().int(),
  to_review: z.array(z.string()),
});
export type PublishedReport = z.output<typeof publishedReportSchema>;
