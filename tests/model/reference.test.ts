import { describe, expect, it } from 'vitest';
import { referenceRowSchema } from '../../src/model/reference.ts';

// The 2021 rows of the national reference, as the received file gives them: 教育部新闻发布会 (2022-09-27).
const row = (publisher: string) => ({
  measure: 'preschool_gross_enrolment_rate',
  metric_id: 'preschool_gross_enrolment_rate',
  year: '2021',
  value: '88.1',
  unit: '%',
  document: '教育部新闻发布会',
  publisher,
  published: '2022-09-27',
});

describe('a national reference value', () => {
  it('names who published it, and refuses a date in its place', () => {
    expect(referenceRowSchema.parse(row('教育部')).publisher).toBe('教育部');
    const refused = referenceRowSchema.safeParse(row('2022-09-27'));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues).toEqual([expect.objectContaining({ path: ['publisher'], message: 'must name who published it, not a date' })]);
  });
});
