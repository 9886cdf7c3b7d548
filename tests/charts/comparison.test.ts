import { describe, expect, it } from 'vitest';
import { comparisonSpec, type ComparisonRow } from '../../src/charts/comparison.ts';
import { renderSvg, xmlSafeAttributes } from '../../src/charts/render.ts';
import { Resvg } from '@resvg/resvg-js';
import { expectSvgSnapshot } from './snapshot.ts';

const row = (label: string, value: number, extra: Partial<ComparisonRow> = {}): ComparisonRow => ({
  observationId: label,
  label,
  value,
  unitBase: '%',
  kind: 'actual',
  qualifier: '',
  flagged: false,
  href: `/reports/x/#obs-${label}`,
  title: `${label}: ${value}%`,
  national: null,
  regionId: label,
  year: null,
  wholeRegion: true,
  ...extra,
});

// 96.57% is 000 篇4's preschool rate; 89.7% the national value of 2022.
const rows = [
  row('张店区（市辖区）· 2019', 98.5, { national: 83.4, year: 2019 }),
  row('未具名县（县）· 2022', 96.57, { national: 89.7, year: 2022 }),
  row('未具名县（县）· 2023 · 目标', 97, { kind: 'target' }),
  row('未具名市（地级市）· 年份不明（Y）', 91.2, { flagged: true }),
];

describe('comparisonSpec', () => {
  it('draws one linked mark per value, targets hollow and apart from actuals', () => {
    const svg = renderSvg(comparisonSpec(rows, { locale: 'zh-cn' }), 'test');
    expect(svg.match(/<a /g)).toHaveLength(4);
    expect(svg).toContain('href="/reports/x/#obs-张店区（市辖区）· 2019"');
    expect(svg).toContain('stroke-dasharray="2,1.5"');
    expectSvgSnapshot('comparison-rates-zh', svg);
  });

  it('marks the national value of the same year only where there is one', () => {
    const svg = renderSvg(comparisonSpec(rows, { locale: 'en' }), 'test');
    const ticks = svg.match(/aria-label="tick"[^]*?<\/g>/)?.[0] ?? '';
    expect(ticks.match(/<line /g)).toHaveLength(2);
    expectSvgSnapshot('comparison-rates-en', svg);
  });

  it('writes amounts in 万/亿 for Chinese readers and in millions for English ones', () => {
    const money = [row('甲', 1_370_000_000, { unitBase: 'CNY' }), row('乙', 5_000_000, { unitBase: 'CNY' })];
    expect(renderSvg(comparisonSpec(money, { locale: 'zh-cn' }), 't')).toContain('13.7亿元');
    expect(renderSvg(comparisonSpec(money, { locale: 'en' }), 't')).toContain('¥1.37 billion');
  });

  it('puts labels above the dots in the narrow layout, so a phone shows the chart at its natural size', () => {
    const svg = renderSvg(comparisonSpec(rows, { locale: 'zh-cn', layout: 'narrow' }), 'test');
    expect(svg).toContain('viewBox="0 0 360 ');
    expect(svg).not.toContain('aria-label="y-axis tick label"');
    expect(svg).toContain('>张店区（市辖区）· 2019</text>');
    expectSvgSnapshot('comparison-rates-zh-narrow', svg);
  });

  it('gives every mark group a role, as axe requires of aria-labelled elements', () => {
    const svg = renderSvg(comparisonSpec(rows, { locale: 'zh-cn' }), 'test');
    expect(svg.match(/<g[^>]*aria-label/g)!.every((g) => g.includes('role="group"'))).toBe(true);
  });

  it('throws at once on an unknown option', () => {
    expect(() => comparisonSpec(rows, { locale: 'zh-cn', colour: 'red' } as never)).toThrow(/unknown option "colour"/);
  });
});

describe('xmlSafeAttributes', () => {
  it('escapes what HTML allows bare in attributes but XML does not, keeping what the text says', () => {
    const svg = '<svg aria-label="R&D <script> &amp; &#20013;"><text>R&amp;D</text></svg>';
    expect(xmlSafeAttributes(svg)).toBe('<svg aria-label="R&amp;D &lt;script&gt; &amp; 中"><text>R&amp;D</text></svg>');
  });

  it('writes well-formed XML from hostile labels: a quote in text, "</svg>" and tags in attributes', () => {
    const svg = renderSvg(
      comparisonSpec(
        [
          { ...rows[0]!, label: 'Zhangdian x="y' },
          { ...rows[1]!, label: 'Boshan></svg> aa <a href="javascript:alert(1)">x</a> & "q"' },
        ],
        { locale: 'en' },
      ),
      'Zhangdian x="y <b>',
    );
    const xml = xmlSafeAttributes(svg);
    // resvg parses strict XML, as the downloads' renderer (the standalone file adds the namespace the same way).
    expect(() => new Resvg(xml.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '))).not.toThrow();
    // The chart's own links, one a value; none from the labels.
    expect(xml.match(/<a /g)).toHaveLength(2);
    expect(xml).not.toMatch(/<b>|<a href="javascript/);
    expect(xml.match(/<svg/g)).toHaveLength(1);
    expect(xml.match(/<\/svg>/g)).toHaveLength(1);
    expect(xml).toContain('Zhangdian x=&quot;y &lt;b&gt;');
  });
});
