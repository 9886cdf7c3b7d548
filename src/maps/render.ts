// The one map renderer: a spec (areas to fill, points to mark, words in the page's language) → inline SVG,
// drawn by d3-geo at build time. Every map it draws is the whole of China as its source draws it: the mainland,
// Hainan and Taiwan in the main frame, the 南海诸岛 in an inset with the source's South China Sea line.
import { geoPath, polygonArea, polygonContains, type GeoProjection } from 'd3';
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import polylabel from 'polylabel';
import { coversGlobe, type BoundaryLevel } from './boundaries.ts';
import { mapGeometry, type MapGeometry } from './geometry.ts';
import { chinaFrame, type Frame } from './projection.ts';

export type AreaMark = { level: BoundaryLevel; code: string; fill: string; stroke?: string; dashed?: boolean; title?: string; href?: string };
/** Areas of one class merged into one path (a choropleth's shade): one outline instead of each area's own. */
export type ShadeMark = { level: BoundaryLevel; codes: string[]; fill: string; dashed?: boolean };
export type PointShape = 'circle' | 'square' | 'diamond' | 'triangle';
export type PointMark = {
  level: BoundaryLevel;
  code: string;
  fill: string;
  stroke?: string;
  shape?: PointShape;
  size?: number;
  /** Hollow marks: a region the site inferred. */
  hollow?: boolean;
  title: string;
  href?: string;
  /** Short text drawn beside the mark (a number keyed to a list, a value). */
  label?: string;
  /** A dashed outline of the mark itself (a target, as the chart draws it). */
  dashed?: boolean;
  /** A dashed ring around the mark: a region the site inferred, where hollow already means something else. */
  ring?: boolean;
  /** Least width and height, in units, of the link's target: the label's box grows to it and stays clickable. */
  target?: number;
};
export type MapSpec = {
  width: number;
  /** The accessible name and description of the map, in the page's language. */
  title: string;
  description?: string;
  /** The inset's caption: 南海诸岛 / South China Sea Islands. */
  insetLabel: string;
  areas?: AreaMark[];
  shades?: ShadeMark[];
  points?: PointMark[];
  /** Prefix of the ids of the title and description: unique on its page. */
  id: string;
  className?: string;
  /** Unit² below which points are dropped (see geometryFor); the county choropleth asks for finer detail. */
  detail?: number;
  /** Drawn below the map (a key), `height` units tall; the frame grows by that much. */
  footer?: { height: number; svg: string };
};

export type DrawnPoint = { code: string; x: number; y: number };
export type RenderedMap = { svg: string; width: number; height: number; points: DrawnPoint[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');

/**
 * Geometry thinned to what a map of this frame can show: a point goes when the triangle it makes with its
 * neighbours is under `detail` unit² (one unit is about a pixel at the map's natural size).
 */
export const geometryFor = (frame: Frame, detail = 1): MapGeometry => {
  const k = frame.main.scale();
  // the threshold is rounded to a power of two so that maps of similar width share one cache entry
  return mapGeometry(2 ** Math.round(Math.log2(detail / (k * k))));
};

/** A path's `d`, refusing geometry that would cover the globe (a ring wound the wrong way). */
export function pathOf(projection: GeoProjection, g: Feature | Geometry): string {
  if ((g.type === 'Feature' ? g.geometry?.type : g.type)?.includes('Polygon') && coversGlobe(g)) {
    const name = g.type === 'Feature' ? JSON.stringify(g.properties) : g.type;
    throw new Error(`map geometry ${name} covers the globe: a ring is wound the wrong way`);
  }
  return relativePath(compactPath(geoPath(projection).digits(0)(g as never) ?? ''));
}

const pair = (x: number, y: number) => `${x}${y < 0 ? '' : ','}${y}`;
/**
 * Absolute whole-unit commands rewritten as relative ones (M10,20L12,21 → M10,20l2,1): small repeated deltas
 * gzip to about half the bytes, which is what keeps a locator under its 5 KB.
 */
export function relativePath(d: string): string {
  return d.replace(/M([^MLZ]+)((?:L[^MLZ]+)*)(Z?)/g, (_, m: string, ls: string, z: string) => {
    let [x, y] = m.split(',').map(Number) as [number, number];
    let out = `M${pair(x, y)}`;
    for (const seg of ls.split('L').filter(Boolean)) {
      const [a, b] = seg.split(',').map(Number) as [number, number];
      out += `l${pair(a - x, b - y)}`;
      [x, y] = [a, b];
    }
    return out + z;
  });
}

/** Drops the repeats that rounding to whole units leaves (L5,5L5,5) and the subpaths that shrink to a point. */
export function compactPath(d: string): string {
  return d
    .split(/(?=M)/)
    .map((sub) => {
      const parts = sub.split(/(?=[LZ])/);
      const kept: string[] = [];
      for (const p of parts) if (p.slice(1) !== kept.at(-1)?.slice(1) || p === 'Z') kept.push(p);
      return kept;
    })
    .filter((k) => k.filter((p) => p !== 'Z').length > 1)
    .map((k) => k.join(''))
    .join('');
}

/**
 * A region's point: the pole of inaccessibility (polylabel) of its largest polygon as projected, the point inside
 * it farthest from its edge. polylabel answers a corner of the box for a polygon smaller than its precision, so the
 * polygon is scaled to a hundred units before the search and the answer checked: a county a fraction of a unit
 * wide still gets a point inside it, and a point outside its polygon is never returned.
 */
export function poleOf(area: Feature<MultiPolygon>, projection: GeoProjection): [number, number] | null {
  const projected = area.geometry.coordinates
    .map((rings) => rings.map((ring) => ring.map((p) => projection(p as [number, number])!)))
    .filter((rings) => rings[0] && rings[0].length > 3);
  if (!projected.length) return null;
  const largest = projected.reduce((a, b) => (Math.abs(polygonArea(b[0]!)) > Math.abs(polygonArea(a[0]!)) ? b : a));
  const xs = largest[0]!.map((p) => p[0]);
  const ys = largest[0]!.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const k = 100 / Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1e-9);
  const scaled = largest.map((ring) => ring.map(([x, y]) => [(x - x0) * k, (y - y0) * k]));
  const [sx, sy] = polylabel(scaled, 0.5);
  const exact: [number, number] = [x0 + sx / k, y0 + sy / k];
  const rounded: [number, number] = [Math.round(exact[0] * 100) / 100, Math.round(exact[1] * 100) / 100];
  if (insidePolygon(rounded, largest)) return rounded;
  return insidePolygon(exact, largest) ? exact : null;
}

/** Inside the outer ring and outside every hole. */
export const insidePolygon = (p: [number, number], rings: [number, number][][]) =>
  polygonContains(rings[0]!, p) && rings.slice(1).every((hole) => !polygonContains(hole, p));

export const shapePath = (shape: PointShape, x: number, y: number, r: number) => {
  const f = (n: number) => Math.round(n * 100) / 100;
  if (shape === 'square') return `M${f(x - r)},${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`;
  if (shape === 'diamond') return `M${f(x)},${f(y - r * 1.3)}l${f(r * 1.3)},${f(r * 1.3)}l${f(-r * 1.3)},${f(r * 1.3)}l${f(-r * 1.3)},${f(-r * 1.3)}Z`;
  // the triangle's corners average to its point, as the other shapes' do
  if (shape === 'triangle') return `M${f(x)},${f(y - r * 1.4)}l${f(r * 1.2)},${f(r * 2.1)}h${f(-r * 2.4)}Z`;
  return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0`;
};

const BASE = { land: '#f3f1ea', coast: '#8a8a80', border: '#c9c6bb', line: '#6f6f66' };

/** Land, province borders and the source's lines; `under` (a choropleth's shades) goes between the land and the borders. */
function baseLayers(projection: GeoProjection, g: MapGeometry, under = ''): string {
  return (
    `<path data-layer="land" d="${pathOf(projection, g.land)}" fill="${BASE.land}" stroke="${BASE.coast}" stroke-width="0.7"/>` +
    under +
    `<path d="${pathOf(projection, g.provinceBorders)}" fill="none" stroke="${BASE.border}" stroke-width="0.6"/>` +
    `<path data-layer="lines" d="${pathOf(projection, { type: 'GeometryCollection', geometries: g.lines.features.map((f) => f.geometry) })}" fill="none" stroke="${BASE.line}" stroke-width="0.8"/>`
  );
}

/** Areas to fill; only the main frame's carry their titles and links, the inset repeats them as plain shapes. */
function areaLayers(projection: GeoProjection, g: MapGeometry, areas: AreaMark[], main = true): string {
  return areas
    .map((a) => {
      const f = g.area(a.level, a.code);
      if (!f) return '';
      const d = pathOf(projection, f);
      if (!d) return '';
      const path = `<path d="${d}"${attrs({ 'data-mark': main ? 'area' : undefined, fill: a.fill, stroke: a.stroke ?? 'none', 'stroke-width': a.stroke ? 0.8 : undefined, 'stroke-dasharray': a.dashed ? '2 1.5' : undefined })}>${a.title && main ? `<title>${esc(a.title)}</title>` : ''}</path>`;
      return a.href && main ? `<a href="${esc(a.href)}">${path}</a>` : path;
    })
    .join('');
}

function shadeLayers(projection: GeoProjection, g: MapGeometry, shades: ShadeMark[]): string {
  return shades
    .map((sh) => {
      const d = pathOf(projection, { type: 'Feature', properties: {}, geometry: g.merged(sh.level, sh.codes) });
      return d
        ? `<path data-mark="shade" d="${d}"${attrs({ fill: sh.fill, stroke: sh.dashed ? '#333' : undefined, 'stroke-width': sh.dashed ? 0.6 : undefined, 'stroke-dasharray': sh.dashed ? '2 1.5' : undefined })}/>`
        : '';
    })
    .join('');
}

const inBox = ([x, y]: [number, number], [[x0, y0], [x1, y1]]: [[number, number], [number, number]]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const LABEL_SIZE = 11;
/** Width of a label in units: a Chinese character is about one em, a Latin letter or digit about 0.6 em. */
const textWidth = (text: string, size: number) => Array.from(text).reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.6), 0);
type Label = { x: number; y: number; anchor: 'start' | 'middle' | 'end'; leader?: [number, number]; box: [number, number, number, number] };

/**
 * Places each point's label beside it, greedily in the points' order: the first of eight directions, at three
 * distances, whose box stays in the frame, off the inset and clear of every mark and label already placed; a label
 * set apart from its mark gets a leader line. Regions of the collection lie close together in the east.
 */
export function layoutLabels(
  points: { p: { label?: string; target?: number }; x: number; y: number; r: number }[],
  width: number,
  height: number,
  insetBox: [[number, number], [number, number]],
): (Label | null)[] {
  type Box = [number, number, number, number];
  const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const taken: Box[] = points.map(({ x, y, r }) => [x - r, y - r, x + r, y + r]);
  const inset: Box = [insetBox[0][0], insetBox[0][1], insetBox[1][0], insetBox[1][1]];
  const directions: [number, number][] = [
    [1, 0],
    [-1, 0],
    [1, -1],
    [1, 1],
    [-1, -1],
    [-1, 1],
    [0, -1],
    [0, 1],
  ];
  return points.map(({ p, x, y, r }, i) => {
    if (!p.label) return null;
    const w = Math.max(textWidth(p.label, LABEL_SIZE), p.target ?? 0);
    const h = Math.max(LABEL_SIZE, p.target ?? 0);
    let first: { label: Label; box: Box; crowding: number } | null = null;
    let fallback: { label: Label; box: Box; crowding: number } | null = null;
    // labels with a large target box need to stand further off in a crowded east
    for (const d of p.target ? [r + 2, r + 10, r + 20, r + 32, r + 46] : [r + 2, r + 9, r + 18])
      for (const [dx, dy] of directions) {
        const cx = x + dx * d;
        const cy = y + dy * d;
        const x0 = dx > 0 ? cx : dx < 0 ? cx - w : cx - w / 2;
        const y0 = dy > 0 ? cy : dy < 0 ? cy - h : cy - h / 2;
        const box: Box = [x0, y0, x0 + w, y0 + h];
        const label: Label = {
          x: Math.round(dx > 0 ? x0 : dx < 0 ? x0 + w : cx),
          // the text keeps to the side of its box nearest its mark; a target box taller than the text grows away from it
          y: Math.round(dy < 0 ? y0 + h - LABEL_SIZE * 0.15 : dy > 0 ? y0 + LABEL_SIZE * 0.85 : y0 + h / 2 + LABEL_SIZE * 0.35),
          box: [x0, y0, w, h].map((n) => Math.round(n * 10) / 10) as [number, number, number, number],
          anchor: dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle',
          ...(d > r + 2 ? { leader: [Math.round(cx), Math.round(cy)] as [number, number] } : {}),
        };
        const inFrame = box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height && !overlaps(box, inset);
        const crowding = taken.reduce((a, t, j) => a + (j === i ? 0 : overlapArea(box, t)), 0);
        if (inFrame && crowding === 0) {
          taken.push(box);
          return label;
        }
        // with no clear place, the label goes where it covers least, and never out of the frame
        if (inFrame && (!first || crowding < first.crowding)) first = { label, box, crowding };
        fallback ??= { label, box, crowding };
      }
    const chosen = first ?? fallback!;
    taken.push(chosen.box);
    return chosen.label;
  });
}

/** The inset's caption at its lower right, on two lines when one would be wider than the inset. */
function insetCaption(text: string, [[x0], [x1, y1]]: [[number, number], [number, number]]): string {
  // Latin text runs wider than the inset at the size that suits Chinese
  const size = /[a-z]/i.test(text) ? 8 : 9;
  const fits = (t: string) => Array.from(t).reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.55), 0) <= x1 - x0 - 6;
  const words = text.split(' ');
  let lines = [text];
  if (!fits(text) && words.length > 1) {
    const half = Math.ceil(words.length / 2);
    lines = [words.slice(0, half).join(' '), words.slice(half).join(' ')];
  }
  return lines
    .map(
      (line, i) =>
        `<text x="${x1 - 3}" y="${y1 - 4 - (lines.length - 1 - i) * (size + 1)}" text-anchor="end" font-size="${size}" fill="#555">${esc(line)}</text>`,
    )
    .join('');
}

export function renderMap(spec: MapSpec): RenderedMap {
  const frame = chinaFrame(spec.width);
  const { width, main, inset, insetBox } = frame;
  const height = frame.height;
  const footerHeight = spec.footer?.height ?? 0;
  const g = geometryFor(frame, spec.detail);
  const exact = mapGeometry(0);
  const areas = spec.areas ?? [];
  const drawn: DrawnPoint[] = [];
  const placed = (spec.points ?? []).flatMap((p) => {
    // the point is placed on the committed geometry, not the thinned one, so that it lies inside the region itself
    const area = exact.area(p.level, p.code);
    const at = area ? poleOf(area, main) : null;
    const frameBox: [[number, number], [number, number]] = [
      [0, 0],
      [width, height],
    ];
    if (!at || !inBox(at, frameBox) || inBox(at, insetBox)) return [];
    drawn.push({ code: p.code, x: at[0], y: at[1] });
    return [{ p, x: at[0], y: at[1], r: p.size ?? 3.5 }];
  });
  const labels = layoutLabels(placed, width, height, insetBox);
  const points = placed.map(({ p, x, y, r }, i) => {
    const mark = `<path data-mark="point" d="${shapePath(p.shape ?? 'circle', x, y, r)}"${attrs({ fill: p.hollow ? '#fff' : p.fill, stroke: p.stroke ?? p.fill, 'stroke-width': p.hollow ? 1.6 : 0.8, 'stroke-dasharray': p.dashed ? '2 1.5' : undefined })}><title>${esc(p.title)}</title></path>`;
    const ring = p.ring
      ? `<path data-ring="inferred" d="${shapePath('circle', x, y, r + 3)}" fill="none" stroke="${p.stroke ?? p.fill}" stroke-width="1" stroke-dasharray="2 2"/>`
      : '';
    const l = labels[i];
    // an invisible box the size of the link's target, so that a small mark is still easy to hit
    const hit =
      l && p.target ? `<rect data-target x="${l.box[0]}" y="${l.box[1]}" width="${l.box[2]}" height="${l.box[3]}" fill="#fff" fill-opacity="0"/>` : '';
    const label = l
      ? (l.leader ? `<path d="M${Math.round(x)},${Math.round(y)}L${l.leader[0]},${l.leader[1]}" stroke="#777" stroke-width="0.6"/>` : '') +
        hit +
        `<text x="${l.x}" y="${l.y}"${l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`} font-size="${LABEL_SIZE}" fill="#222" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(p.label!)}</text>`
      : '';
    const body = ring + mark + label;
    return p.href ? `<a href="${esc(p.href)}">${body}</a>` : `<g>${body}</g>`;
  });
  const [[ix0, iy0], [ix1, iy1]] = insetBox;
  // a map whose places are links is a group of links, not one image (an image's children are not reachable)
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + footerHeight}"${attrs({ class: spec.className, role: points.some((p) => p.startsWith('<a ')) ? 'group' : 'img', 'aria-labelledby': spec.description ? `${titleId} ${descId}` : titleId })}>` +
    `<title id="${titleId}">${esc(spec.title)}</title>` +
    (spec.description ? `<desc id="${descId}">${esc(spec.description)}</desc>` : '') +
    `<g data-layer="main">${baseLayers(main, g, shadeLayers(main, g, spec.shades ?? []))}${areaLayers(main, g, areas)}</g>` +
    `<g data-layer="inset"><rect x="${ix0}" y="${iy0}" width="${ix1 - ix0}" height="${iy1 - iy0}" fill="#fff" stroke="${BASE.coast}" stroke-width="0.8"/>` +
    `${baseLayers(inset, g, shadeLayers(inset, g, spec.shades ?? []))}${areaLayers(inset, g, areas, false)}` +
    insetCaption(spec.insetLabel, insetBox) +
    `</g>` +
    points.join('') +
    (spec.footer ? `<g data-layer="footer" transform="translate(0,${height})">${spec.footer.svg}</g>` : '') +
    `</svg>`;
  return { svg, width, height: height + footerHeight, points: drawn };
}
