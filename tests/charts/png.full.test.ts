// The PNG downloads are drawn with the fonts shipped in node_modules, never the machine's: a process without any
// font writes the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderPngSync } from '../../src/charts/png.ts';
import type { Locale } from '../../src/i18n/format.ts';
import { chart, titled } from './png-fixtures.ts';

// Astro provides astro:i18n only inside a build; the standalone image does not use it.
vi.mock('astro:i18n', () => ({ getRelativeLocaleUrl: () => '' }));

describe('PNG rendering', () => {
  it('writes the same bytes when the machine has no fonts at all', () => {
    const svgs = { 'zh-cn': chart('教育局数据图谱 Bureau Atlas · 单位：万元'), en: titled('Bureaus’ work · 2022 … ≈5 ≤3 ‰ 阳江市', 'en') };
    // Another process whose fontconfig and font folders are empty, as on a machine without CJK or Latin fonts.
    const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    writeFileSync(join(empty, 'fonts.conf'), '<?xml version="1.0"?><fontconfig><dir>' + empty + '</dir></fontconfig>');
    const out = (locale: string) => join(empty, `chart.${locale}.png`);
    const script = [
      `import { renderPngSync } from ${JSON.stringify(join(process.cwd(), 'src/charts/png.ts'))}; import { writeFileSync } from 'node:fs';`,
      ...Object.entries(svgs).map(([locale, svg]) => `writeFileSync(${JSON.stringify(out(locale))}, renderPngSync(${JSON.stringify(svg)}, '${locale}'));`),
    ].join('\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: empty, FONTCONFIG_FILE: join(empty, 'fonts.conf'), XDG_DATA_HOME: empty, XDG_DATA_DIRS: empty },
      cwd: process.cwd(),
    });
    for (const [locale, svg] of Object.entries(svgs)) expect(readFileSync(out(locale)).equals(renderPngSync(svg, locale as Locale))).toBe(true);
  });
});
