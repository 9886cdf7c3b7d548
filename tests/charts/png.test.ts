// The PNG downloads are drawn with the fonts shipped in node_modules, never the machine's: two machines with
// different fonts installed write the same bytes. English images set Latin text in Noto Sans, Chinese in Noto Sans SC.
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it, vi } from 'vitest';
import { cmapOf, fontFilesFor, pngOptions, renderPngSync, woffToSfnt } from '../../src/charts/png.ts';
import type { Locale } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { chart, titled, woff } from './png-fixtures.ts';

// Astro provides astro:i18n only inside a build; the standalone image does not use it.
vi.mock('astro:i18n', () => ({ getRelativeLocaleUrl: () => '' }));

/** The pixels of the title's line (the top 28 units) at one pixel per unit: where ink is, row by row. */
const titleInk = (title: string, locale: Locale, subtitle?: string) => {
  const svg = titled(title, locale, subtitle);
  const image = new Resvg(svg, pngOptions(svg, locale, 1)).render();
  const [pixels, width] = [image.pixels, image.width]; // each read of .pixels copies the image
  const rows = Array.from({ length: 28 }, (_, y) => Array.from({ length: width }, (_, x) => pixels[(y * width + x) * 4]! < 160));
  const columns = rows[0]!.map((_, x) => rows.some((row) => row[x]));
  return { rows, width: columns.lastIndexOf(true) - columns.indexOf(true) + 1 };
};

describe('PNG rendering', () => {
  it('unpacks a Fontsource WOFF subset into an sfnt font and reads which characters it has glyphs for', () => {
    const sfnt = woffToSfnt(woff('@fontsource/noto-sans-sc', 'noto-sans-sc-latin-400-normal.woff'));
    expect(sfnt.readUInt32BE(0) === 0x00010000 || sfnt.toString('latin1', 0, 4) === 'OTTO').toBe(true);
    expect(sfnt.readUInt16BE(4)).toBeGreaterThan(5);
    // Noto Sans's Latin subset claims U+2000–206F in its stylesheet but has no ‰.
    const latin = cmapOf(woffToSfnt(woff('@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff')));
    expect(['a', '’', '…', '·'].every((c) => latin.has(c.codePointAt(0)!))).toBe(true);
    expect(latin.has('‰'.codePointAt(0)!)).toBe(false);
  });

  it.each(['zh-cn', 'en'] as const)(
    'has a glyph for every character of the interface in both languages and every sign the charts draw (%s image)',
    (locale) => {
      const text = [...Object.values(t('zh-cn')), ...Object.values(t('en'))].map((v) => JSON.stringify(v)).join('') + '≈>≥<≤⚠·…“”‘’→–—¥%（）：；，。‰†↑↓';
      const { files, missing } = fontFilesFor(text, locale);
      expect(missing.map((c) => String.fromCodePoint(c))).toEqual([]);
      // Not just claimed by a subset's range: in a loaded font.
      const glyphs = new Set(files.flatMap((file) => [...cmapOf(readFileSync(file))]));
      expect(Array.from(text).filter((c) => c >= ' ' && !glyphs.has(c.codePointAt(0)!))).toEqual([]);
    },
  );

  it('sets English Latin text in Noto Sans, Chinese in Noto Sans SC', () => {
    const english =
      Object.values(t('en'))
        .map((v) => JSON.stringify(v))
        .join('') + '·…“”‘’–—¥%';
    const latin = fontFilesFor(english, 'en').files.filter((file) => /\/noto-sans-\d/.test(file));
    expect(latin.length).toBeGreaterThan(0);
    const glyphs = new Set(latin.flatMap((file) => [...cmapOf(readFileSync(file))]));
    // Noto Sans SC draws only what Noto Sans lacks: Chinese (the language switch, document labels) and these signs.
    const fromSc = [...new Set(Array.from(english))].filter((c) => c >= ' ' && !glyphs.has(c.codePointAt(0)!) && !/\p{Script=Han}/u.test(c));
    expect(fromSc.sort()).toEqual([...'≈≤≥→⚠'].sort());
    expect(fontFilesFor(english, 'zh-cn').files.every((file) => /\/noto-sans-sc-/.test(file))).toBe(true);
  });

  it('draws ’ in English at the width of a Latin apostrophe, not at the full width of a Chinese mark', () => {
    // Noto Sans SC's ’ is a full em wide: 16 px more than ' in a 16 px title; Noto Sans's about as wide as '.
    const extra = (locale: Locale, before = '') => titleInk(`${before}a’b`, locale).width - titleInk(`${before}a'b`, locale).width;
    expect(extra('en')).toBeLessThan(3);
    expect(extra('zh-cn')).toBeGreaterThan(8);
    // Also beside a sign Noto Sans lacks, drawn by a Noto Sans SC subset that does not hold the whole line.
    expect(extra('en', '↑5 ')).toBeLessThan(3);
    expect(titleInk('a…b a·b', 'en').width).toBeLessThan(titleInk('a…b a·b', 'zh-cn').width - 10);
  });

  it('draws Latin text in an English image with Noto Sans whatever Chinese the image holds', () => {
    // 中 is in the one Noto Sans SC subset with Latin letters; named first, Noto Sans SC would draw the title.
    expect(titleInk('Preschool enrolment', 'en', '中').rows).toEqual(titleInk('Preschool enrolment', 'en', 'none').rows);
  });

  it('draws the Chinese characters of an English image with Noto Sans SC, not as missing glyphs', () => {
    expect(titleInk('阳江市（地级市）', 'en').rows).toEqual(titleInk('阳江市（地级市）', 'zh-cn').rows);
    expect(titleInk('阳江市', 'en').width).toBeGreaterThan(40);
  });

  it('draws the text: a chart with words differs from the same chart without them', () => {
    expect(renderPngSync(chart('教育局数据图谱 Bureau Atlas'), 'zh-cn').equals(renderPngSync(chart(''), 'zh-cn'))).toBe(false);
    expect(renderPngSync(chart('Bureaus’ work'), 'en').equals(renderPngSync(chart(''), 'en'))).toBe(false);
  });
});
