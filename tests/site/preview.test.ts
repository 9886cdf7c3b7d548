import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { PREVIEW, previewSvg, textEms, wrapEms } from '../../src/site/preview.ts';

describe('preview cards', () => {
  it('measures Chinese characters at one em and Latin letters at about half', () => {
    expect(textEms('入园率')).toBe(3);
    expect(textEms('rate')).toBeCloseTo(2.24);
  });

  it('wraps Chinese between any two characters and Latin text at spaces, cutting the last line with …', () => {
    expect(wrapEms('学前三年毛入园率', 4, 3)).toEqual(['学前三年', '毛入园率']);
    expect(wrapEms('Preschool gross enrolment rate', 10, 3)).toEqual(['Preschool gross', 'enrolment rate']);
    const cut = wrapEms('未具名地级市（四川省，来源 003 第 2 篇）的报告', 6, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    for (const line of cut) expect(textEms(line)).toBeLessThanOrEqual(6);
  });

  it('draws the site name, the title, the subtitle and the licence on a 1200 × 630 card, text escaped', () => {
    const svg = previewSvg({ locale: 'zh-cn', siteName: '教育局数据图谱', footer: 'CC BY 4.0', title: 'A & <B>', subtitle: '2 个数字' });
    expect(svg).toContain(`viewBox="0 0 ${PREVIEW.width} ${PREVIEW.height}"`);
    for (const text of ['教育局数据图谱', 'A &amp; &lt;B&gt;', '2 个数字', 'CC BY 4.0']) expect(svg).toContain(text);
  });

  it('scales a chart into the card below the title, keeping its proportions', () => {
    const chart = '<svg viewBox="0 0 360 180" width="360" height="180"><rect width="360" height="180"/></svg>';
    const svg = previewSvg({ locale: 'en', siteName: 'Bureau Atlas', footer: 'CC BY 4.0', title: 'Rate', subtitle: 'Figures: 2', chart });
    const [, w, h] = /<svg[^>]* x="64" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    expect(w! / h!).toBeCloseTo(2);
    expect(w).toBeLessThanOrEqual(PREVIEW.width - 128);
  });

  it('takes a chart whose labels hold markup (HTML serialises < > bare in attributes) and stays well-formed SVG', () => {
    const label = 'Boshan></svg> aa bb <a href=//evil.example>x</a> Zhangdian x="y';
    const chart = `<svg viewBox="0 0 360 180" width="360" height="180" aria-label="${label.replaceAll('"', '&quot;')}"><text>${label.replaceAll('<', '&lt;')}</text></svg>`;
    const svg = previewSvg({ locale: 'en', siteName: 'Bureau Atlas', footer: 'CC BY 4.0', title: 'Rate', subtitle: 'Figures: 2', chart });
    const image = new Resvg(svg).render();
    expect(image.width).toBe(PREVIEW.width);
    expect(svg).not.toMatch(/<a\b/);
    expect(svg).toContain('aria-label="Boshan&gt;&lt;/svg&gt; aa bb');
    expect(/<svg[^>]* x="64" y="[\d.]+" width="([\d.]+)"/.test(svg)).toBe(true);
  });
});
