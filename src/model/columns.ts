// The column dictionary of the published files, read from the model's schemas: each published field's name, type
// and bilingual description (its .meta) become datapackage.json's Table Schemas and the data page's column tables.
import type { z } from 'astro/zod';
import { unsafeCell } from '../lib/csv-safe.ts';
import { publishedMetricSchema } from './metric.ts';
import { observationSchema } from './observation.ts';
import { publishedReferenceSchema } from './reference.ts';
import { regionObject } from './region.ts';
import { publishedReportSchema } from './report.ts';
import { publishedReviewSchema } from './review.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array';
export type Column = { name: string; type: FieldType; en: string; zh: string };

/** Folders of public/data/ that split observations.json by metric and by region: <folder>/<id>.json, same columns. */
export const SHARDS = { metric: 'by-metric', region: 'by-region' } as const;

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** The published type of a field: nullable, optional and default wrappers are see-through; a transform is typed by its input. */
function fieldType(schema: z.ZodType): FieldType {
  const def = defOf(schema);
  if (def.innerType) return fieldType(def.innerType);
  if (def.type === 'pipe') return fieldType(defOf(def.out!).type === 'transform' ? def.in! : def.out!);
  if (def.type === 'number') return (schema as z.ZodNumber).format === 'safeint' ? 'integer' : 'number';
  if (def.type === 'boolean' || def.type === 'array') return def.type;
  return 'string';
}

/** The columns of a published table, in the schema's order; a field without its { en, zh } description is an error. */
export function columnsOf(schema: z.ZodObject): Column[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const meta = (field as z.ZodType).meta() as { en?: string; zh?: string } | undefined;
    if (!meta?.en || !meta.zh) throw new Error(`${name} of a published table has no .meta({ en, zh }) description`);
    return { name, type: fieldType(field as z.ZodType), en: meta.en, zh: meta.zh };
  });
}

export const TABLES = {
  observations: {
    title_zh: '观测表',
    title_en: 'Observations',
    description_zh: '每个数字一行：报告中的写法、换算后的数值、在原句中的位置。',
    description_en: 'One row per figure: as written in the report, normalised, located in its source sentence.',
    primaryKey: 'observation_id',
    foreignKeys: [
      { fields: 'report_id', reference: { resource: 'reports', fields: 'report_id' } },
      { fields: 'region_id', reference: { resource: 'regions', fields: 'region_id' } },
      { fields: 'metric_id', reference: { resource: 'metrics', fields: 'metric_id' } },
    ],
    columns: columnsOf(observationSchema),
  },
  metrics: {
    title_zh: '指标表',
    title_en: 'Metrics',
    description_zh: '指标字典：每个指标衡量什么（中英文）。',
    description_en: 'The metric dictionary: what each metric measures, in Chinese and English.',
    primaryKey: 'metric_id',
    foreignKeys: [],
    columns: columnsOf(publishedMetricSchema),
  },
  regions: {
    title_zh: '地区表',
    title_en: 'Regions',
    description_zh: '报告所涉地区，及各地区的识别方式。',
    description_en: 'Regions the reports cover, with how each was identified.',
    primaryKey: 'region_id',
    foreignKeys: [],
    columns: columnsOf(regionObject),
  },
  reports: {
    title_zh: '报告表',
    title_en: 'Reports',
    description_zh: '教育局报告，及其来源和年份的确定方式。',
    description_en: 'The bureau reports, with their origin and how their year was established.',
    primaryKey: 'report_id',
    foreignKeys: [{ fields: 'region_id', reference: { resource: 'regions', fields: 'region_id' } }],
    columns: columnsOf(publishedReportSchema),
  },
  reference: {
    title_zh: '全国参考值',
    title_en: 'National reference values',
    description_zh: '作为参考标记画出的全国官方统计（教育部、国家统计局），不是教育局报告。',
    description_en: 'Official national statistics (教育部, 国家统计局) drawn as reference marks; not bureau reports.',
    primaryKey: ['measure', 'year'],
    foreignKeys: [{ fields: 'metric_id', reference: { resource: 'metrics', fields: 'metric_id' } }],
    columns: columnsOf(publishedReferenceSchema),
  },
  reviews: {
    title_zh: '对比数据的复核',
    title_en: 'Second readings of compared rows',
    description_zh: '对比图画出的每一行（以及复核后不再画出的每一行）由整理者以外的人对照原文和指标定义复读：结论、所用规则和中英文理由。',
    description_en:
      'For each row a comparison chart draws (and each row it no longer draws after a reading): someone other than its curator read it in its source against its metric’s definition; the verdict, the rule applied and the reason in both languages.',
    primaryKey: 'observation_id',
    foreignKeys: [
      { fields: 'observation_id', reference: { resource: 'observations', fields: 'observation_id' } },
      { fields: 'metric_id', reference: { resource: 'metrics', fields: 'metric_id' } },
      { fields: 'compared_in', reference: { resource: 'metrics', fields: 'metric_id' } },
    ],
    columns: columnsOf(publishedReviewSchema),
  },
} as const;

export type TableName = keyof typeof TABLES;
export const columnNames = (table: TableName) => TABLES[table].columns.map((col) => col.name);

/** Reads a published CSV record back to typed values, the inverse of how writers.ts writes them. */
export function typedRecord(table: TableName, record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of TABLES[table].columns) {
    const text = unsafeCell(record[col.name] ?? '');
    out[col.name] =
      col.type === 'array'
        ? text
          ? text.split(';')
          : []
        : col.type === 'number' || col.type === 'integer'
          ? text === ''
            ? null
            : Number(text)
          : col.type === 'boolean'
            ? text === ''
              ? null
              : text === 'true'
            : text;
  }
  return out;
}
