// Charts the PNG tests draw: a plain SVG with text in both scripts, and the downloadable image of a titled chart.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '../../src/i18n/format.ts';
import { standaloneSvg } from '../../src/site/chart-image.ts';

export const chart = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="60" viewBox="0 0 360 60" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="white"/><text x="8" y="24" font-size="14">${text}</text><text x="8" y="48" font-size="12" font-weight="bold">阳江市*（地级市） · 2022年下半年 ≈2.2万 ≤5% ⚠</text></svg>`;

export const woff = (pkg: string, file: string) => readFileSync(join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'files', file));

/** The downloadable image of a chart titled `title`, as the site writes it; by default Chinese below, so Noto Sans SC is loaded. */
export const titled = (title: string, locale: Locale, subtitle = '阳江市 · 2022') =>
  standaloneSvg(
    { title, subtitle, svg: '', note: '', alarm: '', noChart: '', source: '', key: { distribution: false, derived: false, national: false } },
    locale,
  );
