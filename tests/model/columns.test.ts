// The published column dictionary comes from the zod schemas: what datapackage.json, the Parquet footers and the
// data page say of a column is what its schema field says, and a field without both descriptions cannot be published.
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { TABLES, columnNames, columnsOf, type TableName } from '../../src/model/columns.ts';
import { observationSchema } from '../../src/model/observation.ts';
import { publishedMetricSchema } from '../../src/model/metric.ts';
import { publishedReferenceSchema } from '../../src/model/reference.ts';
import { regionObject } from '../../src/model/region.ts';
import { publishedReportSchema } from '../../src/model/report.ts';
import { publishedReviewSchema } from '../../src/model/review.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { writeDataset } from '../fixtures/dataset.ts';

const SCHEMAS: Record<TableName, z.ZodObject> = {
  observations: observationSchema,
  metrics: publishedMetricSchema,
  regions: regionObject,
  reports: publishedReportSchema,
  reference: publishedReferenceSchema,
  reviews: publishedReviewSchema,
};
const metaOf = (schema: z.ZodObject, field: string) => (schema.shape[field] as z.ZodType).meta() as { en: string; zh: string };

describe('columns from the schemas', () => {
  it.each(Object.keys(TABLES) as TableName[])('%s: every schema field, in order, with its English and Chinese description', (name) => {
    const schema = SCHEMAS[name];
    expect(columnNames(name)).toEqual(Object.keys(schema.shape));
    for (const col of TABLES[name].columns) {
      const meta = metaOf(schema, col.name);
      expect(col.en, col.name).toBe(meta.en);
      expect(col.zh, col.name).toBe(meta.zh);
      expect(col.zh, col.name).not.toBe(col.en);
    }
  });

  it('types observations as a reader parses them', () => {
    const type = Object.fromEntries(TABLES.observations.columns.map((c) => [c.name, c.type]));
    expect(type).toMatchObject({
      observation_id: 'string',
      year: 'integer', // nullable int
      kind: 'string', // enum
      value: 'number',
      value_base: 'number',
      unit_base: 'string',
      quote_start: 'integer',
      flags: 'array',
      inputs: 'array',
    });
  });

  it('sees through nullable, optional, default and pipe wrappers, and types a transform by its input', () => {
    const d = { en: 'e', zh: '中' };
    const schema = z.object({
      text: z.string().meta(d),
      choice: z.enum(['a', 'b']).meta(d),
      count: z.number().int().nullable().meta(d),
      amount: z.number().optional().meta(d),
      yes: z.boolean().default(false).meta(d),
      list: z.array(z.string()).meta(d),
      shown: z
        .number()
        .transform((n) => n.toFixed(1))
        .meta(d),
      piped: z.string().pipe(z.coerce.number()).meta(d),
    });
    expect(columnsOf(schema).map((c) => [c.name, c.type])).toEqual([
      ['text', 'string'],
      ['choice', 'string'],
      ['count', 'integer'],
      ['amount', 'number'],
      ['yes', 'boolean'],
      ['list', 'array'],
      ['shown', 'number'],
      ['piped', 'number'],
    ]);
  });

  it('refuses a field without both descriptions, naming it', () => {
    const ok = z.string().meta({ en: 'e', zh: '中' });
    expect(() => columnsOf(z.object({ ok, bare: z.string() }))).toThrow(/^bare of a published table has no \.meta\(\{ en, zh \}\)/);
    expect(() => columnsOf(z.object({ ok, english: z.string().meta({ en: 'only English' }) }))).toThrow(/^english /);
    expect(() => columnsOf(z.object({ ok, chinese: z.string().meta({ zh: '只有中文' }) }))).toThrow(/^chinese /);
    expect(() => columnsOf(z.object({ ok, blank: z.string().meta({ en: '', zh: '中' }) }))).toThrow(/^blank /);
  });
});

describe('datapackage.json', () => {
  const dir = writeDataset();
  const files = outputFiles(compileDataset(readDataset(dir, dir)).compiled!);
  const pkg = JSON.parse(files.get('datapackage.json')!) as {
    resources: { name: string; format: string; schema: { fields: { name: string; type: string; description: string }[] } }[];
  };

  it.each(['observations', 'observations-parquet'])('%s: each field is a schema field, with its published type and English description', (resource) => {
    const fields = pkg.resources.find((r) => r.name === resource)!.schema.fields;
    const shape = observationSchema.shape as Record<string, z.ZodType>;
    expect(fields.map((f) => f.name)).toEqual(Object.keys(shape));
    for (const f of fields) {
      const { en } = metaOf(observationSchema, f.name);
      const array = TABLES.observations.columns.find((c) => c.name === f.name)!.type === 'array';
      // arrays are written semicolon-separated, so a reader reads them as text
      expect(f.description, f.name).toBe(array ? `${en} (semicolon-separated)` : en);
    }
    const type = Object.fromEntries(fields.map((f) => [f.name, f.type]));
    expect(type).toMatchObject({ observation_id: 'string', year: 'integer', value: 'number', value_base: 'number', quote_start: 'integer', flags: 'string' });
  });

  it('describes every table the schemas publish, and no other', () => {
    const csv = pkg.resources.filter((r) => r.format === 'csv' && r.name !== 'changes').map((r) => r.name);
    expect(csv.sort()).toEqual(Object.keys(SCHEMAS).sort());
    for (const name of csv as TableName[]) {
      const fields = pkg.resources.find((r) => r.name === name)!.schema.fields;
      expect(fields.map((f) => f.name)).toEqual(Object.keys(SCHEMAS[name].shape));
    }
  });
});
