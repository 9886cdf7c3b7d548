import { z } from 'astro/zod';

/** A city, a county and an urban district are not alike; the site says which one every figure describes. */
export const LEVELS = ['province', 'city', 'county_city', 'county', 'district', 'unknown'] as const;
export const levelSchema = z.enum(LEVELS);
export const basisSchema = z.enum(['explicit', 'inferred', 'unknown']);

export const regionObject = z.object({
    region_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a GB/T 2260 code or a lowercase-hyphen id'),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    level: levelSchema,
    province_zh: z.string(),
    province_en: z.string(),
    gb_code: z.string().regex(/^(\d{6})?$/, 'must be a six-digit GB/T 2260 code or empty'),
    basis: basisSchema,
    evidence: z.string(),
    reasoning: z.string(),
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
