// Normalising a proven row: its period resolved against the report's year, its value in the metric's base unit,
// and what the stage found about it (flags, a note) returned beside it.
import { describe, expect, it } from 'vitest';
import { normaliseFigure } from '../../src/pipeline/normalise.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import type { FigureRow } from '../../src/model/figure.ts';
import { METRICS, reportJson, validFixture } from '../fixtures/dataset.ts';

const fixture = (files: Parameters<typeof validFixture>[0] = {}) => {
  const { report, tables, problems } = validFixture(files);
  expect(problems).toEqual([]);
  const row = (id: string) => report!.figures.find((f) => f.data.id === id)!;
  const metric = (id: string) => tables.metrics.find((m) => m.metric_id === id)!;
  const normalise = (id: string, over: Partial<FigureRow> = {}, basis?: 'explicit' | 'inferred' | 'unknown') => {
    const { data, line } = row(id);
    const figure = { ...data, ...over };
    return normaliseFigure(figure, line, null, report!, metric(figure.metric_id), basis);
  };
  return { normalise };
};

describe('normalising a figure', () => {
  const { normalise } = fixture();

  it('gives its value in base units beside the value as written', () => {
    expect(normalise('f001').normal!.observation).toMatchObject({
      observation_id: '004-zhangdian-2019-f001',
      value: 18,
      unit: '亿元',
      value_base: 1_800_000_000,
      unit_base: 'CNY',
    });
    expect(normalise('f004').normal!.observation).toMatchObject({ value: 1.2, unit_base: 'pp', period: '2019', year: 2019 });
  });

  it('resolves a period relative to the report’s year', () => {
    expect(normalise('f001', { period: 'Y-1' }).normal!.observation).toMatchObject({ period: '2018', year: 2018 });
  });

  it('refuses a unit the metric is not counted in, at the row’s line', () => {
    const { problems, normal } = normalise('f002', { metric_id: 'school_construction_investment' });
    expect(normal).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'reports/004-zhangdian-2019/figures.csv:3: unit: is counted in count, but metric school_construction_investment is in CNY (got "所")',
    ]);
  });

  it('counts a figure written with a multiplier only in its metric’s unit, and says so in a note', () => {
    const { normal } = normalise('f001', { unit: '万', value: '1500' });
    expect(normal!.observation).toMatchObject({ value_base: 15_000_000, unit_base: 'CNY' });
    expect(normal!.notes).toEqual([{ kind: 'no_unit', figure: '18亿元', unit: 'CNY' }]);
  });

  it('returns the flags of an inferred or unknown region and a rate above 100 %, and none for a plain row', () => {
    expect(normalise('f003').normal!.flags).toEqual([]);
    expect(normalise('f003', {}, 'inferred').normal!.flags).toEqual(['region_inferred']);
    expect(normalise('f003', {}, 'unknown').normal!.flags).toEqual(['region_unknown']);
    expect(normalise('f003', { value: '101.5' }).normal!.flags).toEqual(['rate_above_100']);
  });
});

describe('a report whose year is inferred or unknown', () => {
  it('flags each of its figures', () => {
    const inferred = fixture({ report: reportJson({ year_basis: 'inferred' }) }).normalise('f001');
    expect(inferred.normal!.flags).toEqual(['year_inferred']);
    const unknown = fixture({ report: reportJson({ year: null, year_basis: 'unknown' }), metrics: METRICS }).normalise('f001', { period: 'Y' });
    expect(unknown.normal!.flags).toEqual(['year_unknown']);
    expect(unknown.normal!.observation.year).toBeNull();
  });
});
