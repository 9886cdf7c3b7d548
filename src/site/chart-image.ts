// The downloadable image of a chart: the same frame as the page draws — title, subtitle, the plot with its key, the
// note line (grey), a contradiction (red), the source — plus what a file alone needs: the site's name, the page's
// address and the licence. Its text is set in the language's families of CHART_FONTS, the fonts the PNG is rendered
// with (png.ts). Pure.
import type { Locale } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { textUnits } from '../charts/comparison.ts';
import { CHART_FONTS } from '../charts/fonts.ts';
import { xmlSafeAttributes } from '../charts/render.ts';

/** What the frame holds, for the page and for the image alike (chart-model.ts builds it). */
export type FrameImage = {
  title: string;
  subtitle: string;
  /** The wide plot's SVG, or empty when there is no chart. */
  svg: string;
  /** The one grey note line, or empty. */
  note: string;
  /** The red line, or empty. */
  alarm: string;
  /** Why there is no chart, or empty. */
  noChart: string;
  source: string;
  /** Which marks the key explains. */
  key: { distribution: boolean; derived: boolean; national: boolean };
};

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Lines of at most `units` Latin-character widths (a CJK character is two), broken at spaces where there are any. */
export function wrap(text: string, units: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textUnits(line + ch) > units) {
      const space = line.lastIndexOf(' ');
      if (space > 0) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The key to the marks, as the page's key under the plot draws it. */
function keyItems(frame: FrameImage, locale: Locale): [string, string][] {
  const s = t(locale);
  return [
    ...(frame.key.distribution
      ? [
          ['<rect x="0" y="-9" width="18" height="10" fill="#c7d5e4" stroke="#1f4e79"/>', s.distribution.keyBox] as [string, string],
          ['<circle cx="6" cy="-4" r="5" fill="#1f4e79"/>', s.distribution.keyEnds] as [string, string],
        ]
      : [
          [
            frame.key.derived ? '<rect x="1" y="-9" width="10" height="10" fill="#6b6b6b"/>' : '<circle cx="6" cy="-4" r="5" fill="#1f4e79"/>',
            frame.key.derived ? s.kinds.derived : s.kinds.actual,
          ] as [string, string],
        ]),
    ...(frame.key.national ? [['<rect x="4" y="-10" width="3" height="12" fill="#c2410c"/>', s.national] as [string, string]] : []),
  ];
}

export function standaloneSvg(frame: FrameImage, locale: Locale, address = ''): string {
  const s = t(locale);
  const width = 720;
  const inner = xmlSafeAttributes(frame.svg).replace('<svg ', '<svg x="0" y="0" ');
  const height = frame.svg ? Number(/viewBox="0 0 \d+ (\d+(?:\.\d+)?)"/.exec(frame.svg)?.[1] ?? 200) : 0;
  const head = [...wrap(frame.subtitle, 112), ...wrap(frame.noChart, 112)];
  let keyX = 8;
  const key = frame.svg
    ? keyItems(frame, locale).map(([mark, text]) => {
        const item = `<g transform="translate(${keyX} 0)">${mark}<text x="22" y="0" font-size="12" fill="#333">${escapeXml(text)}</text></g>`;
        keyX += 22 + textUnits(text) * 6.6 + 18;
        return item;
      })
    : [];
  const top = 30 + head.length * 18 + 8;
  const keyY = top + height + 18;
  // under the plot, as on the page: the key, the note line (grey), a contradiction (red), then the source
  const foot: [string, string, number][] = [
    ...wrap(frame.note, 112).map((l) => [l, '#555', 12] as [string, string, number]),
    ...wrap(frame.alarm, 112).map((l) => [l, '#b91c1c', 12] as [string, string, number]),
    ...wrap(frame.source, 112).map((l) => [l, '#555', 11] as [string, string, number]),
    [`${s.siteName} · ${address}`.replace(/ · $/, ''), '#555', 11],
    [`${s.license}${s.colon}CC BY 4.0`, '#555', 11],
  ];
  const footTop = keyY + (key.length ? 22 : 0);
  const total = footTop + foot.length * 17 + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${[...CHART_FONTS[locale], 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'].join(', ')}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(frame.title)}</text>`,
    ...head.map((line, i) => `<text x="8" y="${42 + i * 18}" font-size="12" fill="#555">${escapeXml(line)}</text>`),
    ...(frame.svg
      ? [
          `<g transform="translate(0 ${top})">${inner.replace(/<svg /, `<svg width="${width}" height="${height}" `).replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')}</g>`,
        ]
      : []),
    ...(key.length ? [`<g transform="translate(0 ${keyY})">${key.join('')}</g>`] : []),
    ...foot.map(([line, color, size], i) => `<text x="8" y="${footTop + 12 + i * 17}" font-size="${size}" fill="${color}">${escapeXml(line)}</text>`),
    `</svg>`,
  ].join('\n');
}
