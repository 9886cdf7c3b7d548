import { describe, expect, it } from 'vitest';
import { standaloneSvg, wrap, type FrameImage } from '../../src/site/chart-image.ts';
import { textUnits } from '../../src/charts/comparison.ts';

const plot = '<svg viewBox="0 0 720 100" role="figure"><circle cx="10" cy="10" r="4"/></svg>';
const frame: FrameImage = {
  title: '学前三年毛入园率',
  subtitle: '% · 2022 · 2 个地区',
  svg: plot,
  note: '注：* 为本站据原文推断的地区或年份。',
  alarm: '',
  noChart: '',
  source: '来源：各地教育局工作报告，经本站整理',
  key: { distribution: false, derived: false, national: true },
};
/** The texts of the image, top to bottom, with the colour each is drawn in. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="8" y="([\d.]+)"[^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>|<text x="8" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    y: Number(m[1] ?? m[4]),
    fill: m[2] ?? '',
    text: m[3] ?? m[5]!,
  }));

describe('the downloadable image of a chart', () => {
  it('draws the frame in the page’s order: title, subtitle, plot, note line, source, then site and licence', () => {
    const svg = standaloneSvg(frame, 'zh-cn', 'https://example.org/metrics/a/');
    const lines = texts(svg);
    expect(lines.map((l) => l.text)).toEqual([frame.title, frame.subtitle, frame.note, frame.source, '教育局数据图谱 · https://example.org/metrics/a/', '许可：CC BY 4.0']);
    const plotTop = Number(/<g transform="translate\(0 ([\d.]+)\)"><svg/.exec(svg)![1]);
    expect(lines[1]!.y).toBeLessThan(plotTop);
    expect(lines[2]!.y).toBeGreaterThan(plotTop + 100);
    expect(lines[2]!.fill).toBe('#555');
    expect(svg).toContain('全国数值');
  });

  it('draws a contradiction red and nothing else red', () => {
    const svg = standaloneSvg({ ...frame, alarm: '⚠ 1 个数值与原文自身的其他数字矛盾' }, 'zh-cn');
    const red = texts(svg).filter((l) => l.fill === '#b91c1c');
    expect(red.map((l) => l.text)).toEqual(['⚠ 1 个数值与原文自身的其他数字矛盾']);
    expect(texts(standaloneSvg(frame, 'zh-cn')).filter((l) => l.fill === '#b91c1c')).toEqual([]);
  });

  it('wraps long lines to the image’s width, at spaces in English', () => {
    const lines = wrap('word '.repeat(60).trim(), 112);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textUnits(line)).toBeLessThanOrEqual(112);
    expect(lines.every((l) => !l.startsWith(' ') && !l.endsWith(' '))).toBe(true);
    expect(wrap('汉'.repeat(100), 112).map((l) => textUnits(l))).toEqual([112, 88]);
  });
});
