// The period grammar: one parser, read by the schema, the derive step, growth, chart labels and the data page.
import { describe, expect, it } from 'vitest';
import {
  isYearPeriod,
  parsePeriod,
  periodBasis,
  periodSchema,
  periodWithin,
  previousPeriod,
  resolvePeriod,
  splitAtPeriodCodes,
} from '../../src/model/period.ts';
import { periodLabel } from '../../src/site/chart-rows.ts';

describe('parsePeriod', () => {
  it('reads every kind of period into its parts', () => {
    expect(parsePeriod('2019')).toEqual({ kind: 'year', year: 2019 });
    expect(parsePeriod('2015H1')).toEqual({ kind: 'part', year: 2015, part: 'H1' });
    expect(parsePeriod('2022S2')).toEqual({ kind: 'part', year: 2022, part: 'S2' });
    expect(parsePeriod('2014-2018')).toEqual({ kind: 'span', from: 2014, to: 2018 });
    expect(parsePeriod('Y')).toEqual({ kind: 'relative', offset: 0 });
    expect(parsePeriod('Y-1')).toEqual({ kind: 'relative', offset: -1 });
    expect(parsePeriod('Y+3')).toEqual({ kind: 'relative', offset: 3 });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['19', '2019H3', '2019Q1', '2019-20', 'Y-10', 'y', ' 2019', '2019 ', '2014–2018']) expect(parsePeriod(bad)).toBeNull();
  });

  it('is the grammar the schema accepts, with plausibility on top', () => {
    for (const p of ['2019', '2015H1', '2022S1', '2014-2018', 'Y', 'Y-1', 'Y+5']) expect(periodSchema.safeParse(p).success).toBe(true);
    for (const p of ['2019H3', 'Y-10', '0000', '2018-2014', 'Y+6', '2101']) expect(periodSchema.safeParse(p).success).toBe(false);
  });
});

describe('what stages read from a period', () => {
  it('its basis, resolution, predecessor and containment', () => {
    expect(['2019', '2015H2', '2022S1', '2014-2018', 'Y'].map(periodBasis)).toEqual(['year', 'half_year', 'semester', 'multi_year', 'year']);
    expect(resolvePeriod('Y-1', 2020)).toEqual({ period: '2019', year: 2019 });
    expect(resolvePeriod('Y', null)).toEqual({ period: 'Y', year: null });
    expect(resolvePeriod('2014-2018', 2020)).toEqual({ period: '2014-2018', year: 2018 });
    expect(resolvePeriod('2015H2', 2016)).toEqual({ period: '2015H2', year: 2015 });
    expect(['2019', '2015H2', '2015H1', '2022S1', '2014-2018', 'Y'].map(previousPeriod)).toEqual(['2018', '2015H1', '2014H2', '2021S2', null, null]);
    expect(periodWithin('2022S1', '2022')).toBe(true);
    expect(periodWithin('2022', '2022')).toBe(true);
    expect(periodWithin('2021S1', '2022')).toBe(false);
    expect(periodWithin('2022', '2022S1')).toBe(false);
    expect(['2019', '2019H1', '2014-2018', 'Y'].map(isYearPeriod)).toEqual([true, false, false, false]);
  });

  it('labels a period in both languages by its parts', () => {
    expect(periodLabel({ period: '2022S1', year: 2022 }, 'zh-cn')).toBe('2022年春季学期');
    expect(periodLabel({ period: '2015H2', year: 2015 }, 'en')).toBe('second half of 2015');
    expect(periodLabel({ period: '2014-2018', year: 2018 }, 'en')).toBe('2014–2018');
    expect(periodLabel({ period: 'Y-1', year: null }, 'en')).toBe('year unknown (the year before the report)');
  });

  it('finds the codes written in prose, leaving bare years as words', () => {
    expect(splitAtPeriodCodes('the periods 2015H1, 2014-2018 and Y-2 of 2019, not x2019H1')).toEqual([
      'the periods ',
      '2015H1',
      ', ',
      '2014-2018',
      ' and ',
      'Y-2',
      ' of 2019, not x2019H1',
    ]);
  });
});
