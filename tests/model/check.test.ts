// The check syntax of figures.csv, read once by the schema: every stage (validation, cross-checks, ties, reviews,
// growth) reads the parsed check, never its text.
import { describe, expect, it } from 'vitest';
import { figureRowSchema, isTie, parseCheck } from '../../src/model/figure.ts';

describe('parseCheck', () => {
  it('reads each kind of check into the ids it names', () => {
    expect(parseCheck('change_of=f1..f2')).toEqual({ text: 'change_of=f1..f2', kind: 'change_of', ids: ['f1', 'f2'] });
    expect(parseCheck('decrease_of=f031..f029')).toMatchObject({ kind: 'decrease_of', ids: ['f031', 'f029'] });
    expect(parseCheck('ratio_of=f001/f002')).toMatchObject({ kind: 'ratio_of', ids: ['f001', 'f002'] });
    expect(parseCheck('sum_of=f2+f3+f4')).toMatchObject({ kind: 'sum_of', ids: ['f2', 'f3', 'f4'] });
    expect(parseCheck('restates=f003')).toMatchObject({ kind: 'restates', ids: ['f003'] });
    expect(parseCheck('alternative_to=f3')).toMatchObject({ kind: 'alternative_to', ids: ['f3'] });
    expect(['restates=f1', 'alternative_to=f1', 'sum_of=f1+f2'].map((c) => isTie(parseCheck(c)!))).toEqual([true, true, false]);
  });

  it('refuses what is not the syntax', () => {
    for (const bad of [
      'change_of=f1.f2',
      'sum_of=f1',
      'ratio_of=f1/x2',
      'restates=f1;f2',
      'restate=f1',
      ' change_of=f1..f2',
      'change_of=f1..f2 ',
      'sum_of=f1++f2',
    ])
      expect(parseCheck(bad), bad).toBeNull();
  });

  it('is what the schema publishes to every stage, with the message a curator reads', () => {
    const row = { id: 'f3', metric_id: 'm', period: '2019', kind: 'actual', value: '1', unit: '所', figure_text: '1所', quote: '1所' };
    const parsed = figureRowSchema.parse({ ...row, check: 'change_of=f1..f2; restates=f1' });
    expect(parsed.check).toEqual([parseCheck('change_of=f1..f2'), parseCheck('restates=f1')]);
    const refused = figureRowSchema.safeParse({ ...row, check: 'change_of=f1' });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['check.0', 'must be change_of=fA..fB, decrease_of=fA..fB, ratio_of=fA/fB, sum_of=fA+fB, restates=fA or alternative_to=fA'],
    ]);
  });
});
