// The PNG downloads are drawn with the font shipped in node_modules, never the machine's: two machines with
// different fonts installed write the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFilesFor, renderPngSync, woffToSfnt } from '../../src/charts/png.ts';
import { t } from '../../src/i18n/strings.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const chart = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="60" viewBox="0 0 360 60" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="white"/><text x="8" y="24" font-size="14">${text}</text><text x="8" y="48" font-size="12" font-weight="bold">阳江市*（地级市） · 2022年下半年 ≈2.2万 ≤5% ⚠</text></svg>`;

describe('PNG rendering', () => {
  it('unpacks a Fontsource WOFF subset into an sfnt font', () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
    const sfnt = woffToSfnt(readFileSync(join(dir, 'files', 'noto-sans-sc-latin-400-normal.woff')));
    expect(sfnt.readUInt32BE(0) === 0x00010000 || sfnt.toString('latin1', 0, 4) === 'OTTO').toBe(true);
    expect(sfnt.readUInt16BE(4)).toBeGreaterThan(5);
  });

  it('has a glyph for every character of the interface in both languages and every sign the charts draw', () => {
    const text = [...Object.values(t('zh-cn')), ...Object.values(t('en'))].map((v) => JSON.stringify(v)).join('') + '≈>≥<≤⚠·…“”‘’→–—¥%（）：；，。';
    expect(fontFilesFor(text).missing.map((c) => String.fromCodePoint(c))).toEqual([]);
  });

  it('draws the text: a chart with words differs from the same chart without them', () => {
    expect(renderPngSync(chart('教育局数据图谱 Bureau Atlas')).equals(renderPngSync(chart('')))).toBe(false);
  });

  it('writes the same bytes when the machine has no fonts at all', () => {
    const svg = chart('教育局数据图谱 Bureau Atlas · 单位：万元');
    const here = renderPngSync(svg);
    // Another process whose fontconfig and font folders are empty, as on a machine without CJK fonts.
    const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    writeFileSync(join(empty, 'fonts.conf'), '<?xml version="1.0"?><fontconfig><dir>' + empty + '</dir></fontconfig>');
    const out = join(empty, 'chart.png');
    const script = `import { renderPngSync } from ${JSON.stringify(join(process.cwd(), 'src/charts/png.ts'))}; import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(out)}, renderPngSync(${JSON.stringify(svg)}));`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: empty, FONTCONFIG_FILE: join(empty, 'fonts.conf'), XDG_DATA_HOME: empty, XDG_DATA_DIRS: empty },
      cwd: process.cwd(),
    });
    expect(readFileSync(out).equals(here)).toBe(true);
  });
});
