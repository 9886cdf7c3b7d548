// What the build says about a value is one note written in both languages by one table: the Chinese pages show
// checks_zh, the English checks_en, and neither is translated from the other.
import { describe, expect, it } from 'vitest';
import { checksFields, notesText, type BuildNote } from '../../src/pipeline/build-notes.ts';

const both = (...notes: BuildNote[]) => checksFields(notes);

describe('the build’s notes', () => {
  it('write a checked relation with its arithmetic as it is, in each language', () => {
    expect(both({ kind: 'checked', check: 'ratio_of=f001/f002', formula: '206 ÷ 430 × 100 = 47.91', stated: 47.88, consistent: true })).toEqual({
      checks_en: 'ratio_of=f001/f002: 206 ÷ 430 × 100 = 47.91; stated 47.88 (consistent within rounding)',
      checks_zh: 'ratio_of=f001/f002：206 ÷ 430 × 100 = 47.91，报告为 47.88（在舍入误差内一致）',
    });
    expect(
      both(
        { kind: 'checked', check: 'change_of=f031..f029', formula: '7487 − 6825 = 662', stated: 746, consistent: false },
        { kind: 'checked', check: 'sum_of=f1+f2', formula: '1 + 2 = 3', stated: 3, consistent: true },
      ),
    ).toEqual({
      checks_en: 'change_of=f031..f029: 7487 − 6825 = 662; stated 746 (inconsistent) | sum_of=f1+f2: 1 + 2 = 3; stated 3 (consistent within rounding)',
      checks_zh: 'change_of=f031..f029：7487 − 6825 = 662，报告为 746（不一致）；sum_of=f1+f2：1 + 2 = 3，报告为 3（在舍入误差内一致）',
    });
  });

  it('write why a relation was not checked, a figure without unit and a derived value', () => {
    expect(both({ kind: 'not_checked', check: 'sum_of=f1+f2', reason: 'approximate' })).toEqual({
      checks_en: 'sum_of=f1+f2: not checked, a value is approximate or a bound',
      checks_zh: 'sum_of=f1+f2：未核对，有数值是约数或上下限',
    });
    expect(both({ kind: 'not_checked', check: 'ratio_of=f1/f2', reason: 'unreadable' }).checks_zh).toBe('ratio_of=f1/f2：未核对，有数值无法辨读');
    expect(both({ kind: 'no_unit', figure: '1500多万', unit: 'CNY' })).toEqual({
      checks_en: "the report writes no unit (1500多万); read in the metric's unit, CNY",
      checks_zh: '报告未写单位（1500多万），按指标的单位 CNY 读取',
    });
    expect(both({ kind: 'derived', formula: '98.5 − 97.3 = 1.2', points: true })).toEqual({
      checks_en: 'derived: 98.5 − 97.3 = 1.2 percentage points, rounded to 2 decimals',
      checks_zh: '推算：98.5 − 97.3 = 1.2 个百分点，保留两位小数',
    });
    expect(notesText([], 'zh')).toBe('');
  });
});
