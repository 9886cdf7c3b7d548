// The downloadable PNG of a chart, rendered with fonts shipped in the project's npm dependencies
// (@fontsource/noto-sans-sc, @fontsource/noto-sans) and never with the machine's own: every build machine writes the
// same bytes. Which families a language's image uses, and why, is in fonts.ts.
//
// resvg loads TrueType/OpenType files only, and Fontsource ships each family as WOFF files cut into subsets by
// Unicode range. Each subset a chart needs is unpacked once (WOFF 1.0 is zlib-compressed sfnt tables) into a cache
// folder, and only the subsets holding the chart's characters are loaded for it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Locale } from '../i18n/format.ts';
import { CHART_FONTS } from './fonts.ts';

/** The npm package that ships each family of CHART_FONTS. */
const PACKAGES: Record<string, string> = { 'Noto Sans SC': '@fontsource/noto-sans-sc', 'Noto Sans': '@fontsource/noto-sans' };

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

/** The code points an sfnt font maps to glyphs (its cmap's Unicode subtables, formats 4 and 12). */
export function cmapOf(sfnt: Buffer): Set<number> {
  const tables = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => 12 + i * 16);
  const entry = tables.find((t) => sfnt.toString('latin1', t, t + 4) === 'cmap');
  const out = new Set<number>();
  if (entry === undefined) return out;
  const cmap = sfnt.readUInt32BE(entry + 8);
  for (let i = 0; i < sfnt.readUInt16BE(cmap + 2); i++) {
    const [platform, encoding] = [sfnt.readUInt16BE(cmap + 4 + i * 8), sfnt.readUInt16BE(cmap + 6 + i * 8)];
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const sub = cmap + sfnt.readUInt32BE(cmap + 8 + i * 8);
    const format = sfnt.readUInt16BE(sub);
    if (format === 4) {
      const segments = sfnt.readUInt16BE(sub + 6) / 2;
      // endCode, startCode, idDelta, idRangeOffset: one array each, a padding word after the first.
      const at = (array: number, s: number) => sub + (array === 0 ? 14 : 16 + array * segments * 2) + s * 2;
      for (let s = 0; s < segments; s++) {
        const [end, start, delta, rangeOffset] = [0, 1, 2, 3].map((array) => sfnt.readUInt16BE(at(array, s))) as [number, number, number, number];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const raw = rangeOffset === 0 ? c : sfnt.readUInt16BE(at(3, s) + rangeOffset + (c - start) * 2);
          // Glyph 0 is .notdef: no glyph.
          if (!(rangeOffset !== 0 && raw === 0) && (raw + delta) % 0x10000 !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < sfnt.readUInt32BE(sub + 12); g++) {
        for (let c = sfnt.readUInt32BE(sub + 16 + g * 12); c <= sfnt.readUInt32BE(sub + 20 + g * 12); c++) out.add(c);
      }
    }
  }
  return out;
}

type Subset = { woff: string; ttf: string; ranges: [number, number][] };

/** Every subset of a family's one weight (the title is set larger, not bolder), as Fontsource's stylesheet declares them. */
function familySubsets(family: string): Subset[] {
  const dir = dirname(createRequire(import.meta.url).resolve(`${PACKAGES[family]}/package.json`));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const cache = join(process.cwd(), 'node_modules', '.cache', 'bureau-atlas-fonts', `${basename(dir)}-${version}-nogsub`);
  mkdirSync(cache, { recursive: true });
  const css = readFileSync(join(dir, '400.css'), 'utf8');
  return [...css.matchAll(/url\(\.\/(files\/[^)]+?\.woff)\) format\('woff'\);\s*unicode-range:\s*([^;]+);/g)].map(([, file, range]) => ({
    woff: join(dir, file!),
    ttf: join(cache, basename(file!).replace(/\.woff$/, '.ttf')),
    ranges: range!.split(',').map((r) => {
      const [a, b = a] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b!, 16)] as [number, number];
    }),
  }));
}

/** The unpacked TrueType file of a subset, written once per font version (atomically: builds may run side by side). */
function sfntPath(subset: Subset): string {
  if (!existsSync(subset.ttf)) {
    const temp = `${subset.ttf}.${process.pid}.${createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 8)}`;
    writeFileSync(temp, woffToSfnt(readFileSync(subset.woff)));
    renameSync(temp, subset.ttf);
  }
  return subset.ttf;
}

const glyphs = new Map<string, Set<number>>();
const covers = (subset: Subset, c: number): boolean => {
  let set = glyphs.get(subset.ttf);
  if (!set) glyphs.set(subset.ttf, (set = cmapOf(readFileSync(sfntPath(subset)))));
  return set.has(c);
};

type FontSet = { subsets: Subset[]; claims: Map<number, number[]>; chosen: Map<number, number | null> };
const fontSets = new Map<Locale, FontSet>();

/** A language's subsets in loading order (resvg's fallback takes the first loaded face with a glyph), and which claim each code point. */
function fontSet(locale: Locale): FontSet {
  const known = fontSets.get(locale);
  if (known) return known;
  const isLatin = (s: Subset) => /-latin-400/.test(s.woff);
  const hasLetters = (s: Subset) => s.ranges.some(([a, b]) => a <= 0x61 && 0x61 <= b);
  const subsets = CHART_FONTS[locale].flatMap((family, i) => {
    const all = familySubsets(family);
    // The first family's Latin subset first: resvg shapes each line with the family's first face, then takes what
    // it lacks from the others. A fallback family's subsets with Latin letters last: resvg redraws a whole line with
    // a fallback face that holds all of it, which would bring back Noto Sans SC's full-width ’ in English.
    return i === 0 ? [...all.filter(isLatin), ...all.filter((s) => !isLatin(s))] : [...all.filter((s) => !hasLetters(s)), ...all.filter(hasLetters)];
  });
  const claims = new Map<number, number[]>();
  subsets.forEach((s, i) => {
    for (const [a, b] of s.ranges) for (let c = a; c <= b; c++) claims.set(c, [...(claims.get(c) ?? []), i]);
  });
  const set = { subsets, claims, chosen: new Map() };
  fontSets.set(locale, set);
  return set;
}

/**
 * The subset that draws a code point: the first whose range claims it and which has a glyph for it (a range may
 * claim more than its subset holds: Noto Sans's Latin range spans U+2000–206F, its font lacks ‰ and †).
 */
function subsetFor(set: FontSet, c: number): number | null {
  let i = set.chosen.get(c);
  if (i === undefined) set.chosen.set(c, (i = set.claims.get(c)?.find((j) => covers(set.subsets[j]!, c)) ?? null));
  return i;
}

/** The code points an SVG's text may draw: every character of the document (tags included; they are ASCII). */
function codePoints(svg: string): Set<number> {
  const decoded = svg
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  return new Set(Array.from(decoded, (ch) => ch.codePointAt(0)!));
}

/** The font files, in loading order, that hold every character of `svg` in `locale`'s image, and the characters none holds. */
export function fontFilesFor(svg: string, locale: Locale): { files: string[]; missing: number[] } {
  const set = fontSet(locale);
  const needed = new Set<number>();
  const missing: number[] = [];
  // Control characters are never drawn (XML turns them into spaces).
  for (const c of codePoints(svg)) {
    if (c < 0x20) continue;
    const i = subsetFor(set, c);
    if (i === null) missing.push(c);
    else needed.add(i);
  }
  return { files: [...needed].sort((a, b) => a - b).map((i) => sfntPath(set.subsets[i]!)), missing };
}

/** resvg's options: the shipped fonts only, every generic family mapped to the language's first, two pixels per SVG unit. */
export function pngOptions(svg: string, locale: Locale, zoom = 2): ResvgRenderOptions {
  const family = CHART_FONTS[locale][0]!;
  return {
    font: {
      loadSystemFonts: false,
      fontFiles: fontFilesFor(svg, locale).files,
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
export async function renderPng(svg: string, locale: Locale, zoom?: number): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(svg, locale, zoom))).asPng();
}

/** The same, synchronously (tests). */
export const renderPngSync = (svg: string, locale: Locale, zoom?: number): Buffer => new Resvg(svg, pngOptions(svg, locale, zoom)).render().asPng();
