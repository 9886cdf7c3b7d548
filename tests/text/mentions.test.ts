import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions, sentenceAround } from '../../src/text/mentions.ts';
import { parseFigure } from '../../src/text/figure.ts';
import { INFIX_QUALIFIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS } from '../../src/vocab/qualifiers.ts';
import { UNIT_WORDS, spellings } from '../../src/vocab/units.ts';

const figures = (text: string) => findMentions(text).filter((m) => m.category === 'figure');

describe('findMentions', () => {
  // Phrases from the seed reports.
  it.each([
    ['总投入13。7亿元,共增加基础教育学位2。2万个', ['13。7亿元', '2。2万个']],
    ['投资500余万元购置平板3000余部、充电车58台', ['500余万元', '3000余部', '58台']],
    ['本科上線率達47.88%', ['47.88%']],
    ['比上年提高1.7个百分点', ['1.7个百分点']],
    ['新开办两所学校,实施十二个项目', ['两所', '十二个']],
    ['全市近60亿元', ['近60亿元']],
    ['受益学生10万余人', ['10万余人']],
    ['优良率达到90%以上', ['90%以上']],
    ['高考一本上線206人,本科以上575人', ['206人', '575人']],
    ['市突出贡献中青年专家1,最美教师人选6名', ['1', '6名']],
  ])('finds the figures of %s', (text, expected) => {
    expect(figures(text).map((m) => m.text)).toEqual(expected);
  });

  it('normalises each figure with the compile step’s reader', () => {
    const [m] = figures('总投入13。7亿元');
    expect(m).toMatchObject({ value: 13.7, unit: '亿元', valueBase: '1370000000', unitBase: 'CNY' });
  });

  it.each([
    ['根据〔2021〕14号文件', 'document_number'],
    ['荣获全国第六届中小学生艺术展演优秀组织奖', 'ordinal'],
    ['2019年,全区教育', 'year'],
    ['20__年,我局认真贯彻', 'year'],
    ['均已于10月1日全面动工', 'date'],
    ['共增加学位220__个', 'unreadable'],
    ['掌握1—2项运动技能', 'range'],
    ['占比20%-30%', 'range'],
    ['学前教育三年发展规划实施方案(2015-2017)', 'year'],
    ['卓越教师工程(20__—20__年)培养项目', 'year'],
    ['省委九届八次全会和市委六届七次全会', 'ordinal'],
    ['②低分率:1—3年级语文', 'ordinal'],
    ['____中学二期工程', 'ordinal'],
    ['深刻领悟“两个确立”的决定性意义,增强“四个意识”', 'name'],
    ['努力办好每一所学校,让每一位孩子', 'name'],
  ])('recognises %s as %s, not as a figure', (text, category) => {
    expect(findMentions(text).map((m) => m.category)).toContain(category);
    expect(figures(text)).toEqual([]);
  });

  it.each([['一是加强党建'], ['坚持“十四五”规划'], ['一对一数字化学习教室'], ['____市教育局'], ['百年党史'], ['近年来']])('offers no figure in %s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('never crashes on arbitrary text, and every mention lies inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789０１。.,%％万亿元个所人余多近约以上第年月日〔〕号_—-一二两三十百千是的 ') }), (text) => {
        for (const m of findMentions(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any number written in any supported form', () => {
    const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('.', '。', '．'),
        fc.boolean(),
        fc.constantFrom('万元', '亿元', '%', '个百分点', '人', '所', '平方米', '万人次'),
        fc.constantFrom('', '近', '约', '超过'),
        (whole, cents, point, fullWidth, unit, prefix) => {
          const digits = cents ? `${whole}${point}${String(cents).padStart(2, '0')}` : String(whole);
          const written = `${prefix}${fullWidth ? toFullWidth(digits) : digits}${unit}`;
          const expected = Number(cents ? `${whole}.${String(cents).padStart(2, '0')}` : whole);
          const parsed = parseFigure(written);
          expect(parsed.ok && parsed.value).toBe(expected);
          const found = figures(`今年${written}。`);
          expect(found.map((m) => m.value)).toEqual([expected]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the extractor proposes exactly what the parser accepts', () => {
  it.each([
    ['比例不得低于90%', '不得低于90%', 'ge'],
    ['至少95%的学校', '至少95%', 'ge'],
    ['新建3000平米', '3000平米', ''],
    ['不足10個百分點', '不足10個百分點', 'lt'],
    ['受益10萬餘人', '10萬餘人', 'gt'],
  ])('drafts the whole figure of %s with its qualifier', (text, figure, qualifier) => {
    expect(figures(text).map((m) => [m.text, m.qualifier])).toEqual([[figure, qualifier]]);
  });

  // Every word of the vocabulary, in every place the parser reads it: what the parser accepts, the extractor drafts
  // whole, and the draft parses back to the same value, unit and qualifier.
  const units = Object.keys(UNIT_WORDS)
    .filter((u) => u !== '年')
    .flatMap(spellings);
  it('drafts every figure the parser accepts, whole', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', ...PREFIX_QUALIFIERS.map(([w]) => w)),
        fc.integer({ min: 1, max: 999_999 }).filter((n) => n < 1940 || n > 2099),
        fc.constantFrom('', '.5', '。25'),
        fc.constantFrom('', ...INFIX_QUALIFIERS.map(([w]) => w)),
        fc.constantFrom('', '万', '亿', '千', '萬'),
        fc.constantFrom(...units),
        fc.constantFrom('', ...SUFFIX_QUALIFIERS.map(([w]) => w).filter((w) => w.length > 1)),
        (prefix, whole, fraction, infix, multiplier, unit, suffix) => {
          const written = `${prefix}${whole}${fraction}${infix}${multiplier}${unit}${suffix}`;
          const parsed = parseFigure(written);
          fc.pre(parsed.ok);
          const found = figures(`全区${written}，`);
          expect(found.map((m) => m.text)).toEqual([written]);
          const parsedBack = parseFigure(found[0]!.text);
          expect(parsedBack).toEqual(parsed);
          expect(found[0]).toMatchObject(parsed.ok ? { value: parsed.value, unit: parsed.unit, qualifier: parsed.qualifier } : {});
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('drafts only figures that parse back to themselves, in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789。.%万亿元个所人余多近约不得低于至少以上平米第年月日—一两十 ') }), (text) => {
        for (const m of figures(text)) {
          const parsed = parseFigure(m.text);
          expect(parsed.ok && { value: parsed.value, unit: parsed.unit, qualifier: parsed.qualifier }).toEqual({
            value: m.value,
            unit: m.unit,
            qualifier: m.qualifier,
          });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sentenceAround', () => {
  it('does not cut a sentence at a 。 used as a decimal point', () => {
    const text = '一是加大投入。总投入13。7亿元,共增加学位2。2万个。二是';
    const at = text.indexOf('13');
    expect(sentenceAround(text, at, at + 7).text).toBe('总投入13。7亿元,共增加学位2。2万个。');
  });
});
