// The downloadable PNG of a chart, rendered with a font shipped in the project's npm dependencies
// (@fontsource/noto-sans-sc) and never with the machine's own: every build machine writes the same bytes.
//
// resvg loads TrueType/OpenType files only, and Fontsource ships Noto Sans SC as WOFF files cut into ~100 subsets
// by Unicode range. Each subset a chart needs is unpacked once (WOFF 1.0 is zlib-compressed sfnt tables) into a
// cache folder, and only the subsets whose ranges hold the chart's characters are loaded for it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

const PNG_FONT_FAMILY = 'Noto Sans SC';

/**
 * WOFF 1.0 → sfnt (TTF/OTF): the same tables, inflated, behind an sfnt table directory; without GSUB. resvg takes
 * each character a subset lacks from another subset by shaping the line again with it, and gives up when the two
 * shapings differ in glyph count, which ligatures ("fi") cause: without substitutions every subset yields one
 * glyph per character.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const tables = Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  }).filter((table) => table.tag !== 0x47535542); // 'GSUB'
  const numTables = tables.length;
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

type Subset = { file: string; ranges: [number, number][] };

/** Every subset of one weight, with its Unicode ranges, as Fontsource's stylesheet declares them. */
function subsets(weight: 400 | 700): Subset[] {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
  return [...css.matchAll(/url\(\.\/(files\/[^)]+?\.woff)\) format\('woff'\);\s*unicode-range:\s*([^;]+);/g)].map(([, file, range]) => ({
    file: join(dir, file!),
    ranges: range!.split(',').map((r) => {
      const [a, b = a] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b!, 16)] as [number, number];
    }),
  }));
}

let fonts: { subsets: Subset[]; cache: string; subsetOf: Map<number, number> } | null = null;
function fontSet() {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const version = (JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans-sc/package.json'), 'utf8')) as { version: string }).version;
  const cache = join(process.cwd(), 'node_modules', '.cache', 'bureau-atlas-fonts', `noto-sans-sc-${version}-nogsub`);
  mkdirSync(cache, { recursive: true });
  // One weight: the title is set larger, not bolder. The Latin subset first: resvg shapes each line with the first
  // face of the family, then takes what it lacks from the others.
  const all = subsets(400);
  const ordered = [...all.filter((s) => /-latin-400/.test(s.file)), ...all.filter((s) => !/-latin-400/.test(s.file))];
  // Which subset holds each code point (the first that lists it), looked up once per character of a chart.
  const subsetOf = new Map<number, number>();
  ordered.forEach((s, i) => {
    for (const [a, b] of s.ranges) for (let c = a; c <= b; c++) if (!subsetOf.has(c)) subsetOf.set(c, i);
  });
  fonts = { subsets: ordered, cache, subsetOf };
  return fonts;
}

/** The unpacked TrueType file of a subset, written once per font version (atomically: builds may run side by side). */
function sfntPath(subset: Subset, cache: string): string {
  const out = join(cache, subset.file.replace(/^.*\//, '').replace(/\.woff$/, '.ttf'));
  if (!existsSync(out)) {
    const temp = `${out}.${process.pid}.${createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 8)}`;
    writeFileSync(temp, woffToSfnt(readFileSync(subset.file)));
    renameSync(temp, out);
  }
  return out;
}

/** The code points an SVG's text may draw: every character of the document (tags included; they are ASCII). */
function codePoints(svg: string): Set<number> {
  const decoded = svg
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  return new Set(Array.from(decoded, (ch) => ch.codePointAt(0)!));
}

/** The font files that hold every character of `svg`, and the characters no subset holds. */
export function fontFilesFor(svg: string): { files: string[]; missing: number[] } {
  const { subsets: all, cache, subsetOf } = fontSet();
  const needed = new Set<number>();
  const missing: number[] = [];
  for (const c of codePoints(svg)) {
    const i = subsetOf.get(c);
    if (i === undefined) {
      if (c >= 0x20) missing.push(c);
    } else needed.add(i);
  }
  return { files: [...needed].sort((a, b) => a - b).map((i) => sfntPath(all[i]!, cache)), missing };
}

/** resvg's options: the shipped font only, every generic family mapped to it, two pixels per SVG unit. */
function pngOptions(svg: string, zoom = 2): ResvgRenderOptions {
  const family = PNG_FONT_FAMILY;
  return {
    font: {
      loadSystemFonts: false,
      fontFiles: fontFilesFor(svg).files,
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
      monospaceFamily: family,
    },
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    logLevel: 'off',
  };
}

/** The PNG of a standalone SVG; off the main thread, so pages go on rendering meanwhile. */
export async function renderPng(svg: string, zoom?: number): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(svg, zoom))).asPng();
}

/** The same, synchronously (tests). */
export const renderPngSync = (svg: string, zoom?: number): Buffer => new Resvg(svg, pngOptions(svg, zoom)).render().asPng();
