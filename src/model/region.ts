import { z } from 'astro/zod';

/** A city, a county and an urban district are not alike; the site says which one every figure describes. */
export const LEVELS = ['province', 'city', 'county_city', 'county', 'district', 'unknown'] as const;
const levelSchema = z.enum(LEVELS);
export const basisSchema = z.enum(['explicit', 'inferred', 'unknown']);

export const regionObject = z.object({
  region_id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a GB/T 2260 code or a lowercase-hyphen id')
    .meta({ en: 'GB/T 2260 code when identified, else a descriptive id.', zh: '已识别为 GB/T 2260 代码，否则为描述性编号。' }),
  name_zh: z.string().min(1).meta({ en: 'Name in Chinese.', zh: '中文名称。' }),
  name_en: z.string().min(1).meta({ en: 'Name in English.', zh: '英文名称。' }),
  level: levelSchema.meta({
    en: 'province, city (prefecture-level), county_city (county-level city), county, district (urban district), unknown.',
    zh: '行政级别：省、地级市、县级市、县、市辖区。',
  }),
  province_zh: z.string().meta({ en: 'Province in Chinese.', zh: '所在省份。' }),
  province_en: z.string().meta({ en: 'Province in English.', zh: '所在省份（英文）。' }),
  gb_code: z
    .string()
    .regex(/^(\d{6})?$/, 'must be a six-digit GB/T 2260 code or empty')
    .meta({ en: 'GB/T 2260 administrative code; empty when unidentified.', zh: '行政区划代码；未识别为空。' }),
  basis: basisSchema.meta({ en: 'How it was identified: explicit, inferred, unknown.', zh: '识别依据：明确、推断、未知。' }),
  evidence: z.string().meta({ en: 'Verbatim quotes that identify it.', zh: '识别所据原文。' }),
  reasoning_zh: z.string().meta({ en: 'How the evidence identifies it, in Chinese.', zh: '识别推理（中文）。' }),
  reasoning_en: z.string().meta({ en: 'How the evidence identifies it, in English.', zh: '识别推理（英文）。' }),
});

export const regionSchema = regionObject
  .refine((r) => r.basis === 'unknown' || r.gb_code !== '', {
    message: 'an identified region needs its GB/T 2260 code',
    path: ['gb_code'],
  })
  .refine((r) => r.basis !== 'inferred' || r.evidence !== '', {
    message: 'an inferred identification needs its evidence',
    path: ['evidence'],
  });
export type Region = z.output<typeof regionSchema>;
