// A figure's card quotes its sentence with the figure marked and says, in the reader's language, which of the
// report's region and year this site inferred and why — the reader landing from a chart needs both on one screen.
import { describe, expect, it } from 'vitest';
import { cardsListed, inferenceLine, inferences, quoteParts, type CardRegion, type CardReport } from '../../src/site/figure-card.ts';
import { AGGREGATE_THRESHOLD } from '../../src/charts/distribution.ts';

const inferredRegion: CardRegion = { basis: 'inferred', reasoning_zh: '校名指向临泉县。', reasoning_en: 'School names point to Linquan.' };
const explicitRegion: CardRegion = { basis: 'explicit', reasoning_zh: '', reasoning_en: '' };
const inferredYear: CardReport = { year_basis: 'inferred', year_reasoning_zh: '二十大之后。', year_reasoning_en: 'After the 20th Congress.' };
const explicitYear: CardReport = { year_basis: 'explicit', year_reasoning_zh: '正文写明。', year_reasoning_en: 'Stated.' };

describe('quoteParts', () => {
  it('cuts the sentence around the figure as written', () => {
    expect(quoteParts('全县教育支出24亿元，增长27.5%。', '24亿元')).toEqual({ before: '全县教育支出', figure: '24亿元', after: '，增长27.5%。' });
  });

  it('keeps a sentence that does not hold the figure whole, with nothing marked', () => {
    expect(quoteParts('全县教育支出24亿元。', '13。7亿元')).toEqual({ before: '全县教育支出24亿元。', figure: '', after: '' });
    expect(quoteParts('全县教育支出24亿元。', '')).toEqual({ before: '全县教育支出24亿元。', figure: '', after: '' });
  });
});

describe('inferences', () => {
  it('says what was inferred and why, in the reader’s language', () => {
    const zh = inferences(inferredRegion, inferredYear, 'zh-cn');
    expect(zh).toEqual([
      { what: '地区为本站推断', why: '校名指向临泉县。' },
      { what: '年份为本站推断', why: '二十大之后。' },
    ]);
    expect(inferenceLine(zh, 'zh-cn')).toBe('地区为本站推断；年份为本站推断');
    const en = inferences(inferredRegion, inferredYear, 'en');
    expect(en.map((i) => i.why)).toEqual(['School names point to Linquan.', 'After the 20th Congress.']);
    expect(inferenceLine(en, 'en')).toBe('Region inferred by this site; year inferred by this site');
  });

  it('says nothing of what the report states', () => {
    expect(inferences(explicitRegion, explicitYear, 'zh-cn')).toEqual([]);
    expect(inferences(explicitRegion, inferredYear, 'en')).toEqual([{ what: 'year inferred by this site', why: 'After the 20th Congress.' }]);
  });

  it('says a region or year that could not be identified, and a missing region as unidentified', () => {
    const blanked: CardReport = { year_basis: 'unknown', year_reasoning_zh: '', year_reasoning_en: '' };
    expect(inferences(undefined, blanked, 'zh-cn')).toEqual([
      { what: '地区未能识别', why: '' },
      { what: '报告隐去年份，无法确定', why: '' },
    ]);
  });
});

describe('cardsListed', () => {
  it('lists a card per figure up to the aggregation threshold, where the chart still draws one mark per value', () => {
    expect(cardsListed(AGGREGATE_THRESHOLD)).toBe(true);
    expect(cardsListed(AGGREGATE_THRESHOLD + 1)).toBe(false);
  });
});
