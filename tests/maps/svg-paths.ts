// Reading back what a map drew: an SVG path's subpaths as absolute points, and whether a point is inside a path.
import { polygonContains } from 'd3';
import { parseHTML } from 'linkedom';

export type Pt = [number, number];

/** Subpaths of a path made of M, L, l, h, v and Z commands (what the map renderer writes for areas and lines). */
export function subpaths(d: string): Pt[][] {
  const out: Pt[][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLlhvZ])([^MLlhvZa]*)/g)) {
    const n = (args!.match(/-?\d*\.?\d+/g) ?? []).map(Number);
    if (cmd === 'M') {
      [x, y] = [n[0]!, n[1]!];
      out.push([[x, y]]);
    } else if (cmd === 'L') [x, y] = [n[0]!, n[1]!];
    else if (cmd === 'l') [x, y] = [x + n[0]!, y + n[1]!];
    else if (cmd === 'h') x += n[0]!;
    else if (cmd === 'v') y += n[0]!;
    if (cmd !== 'M' && cmd !== 'Z') out.at(-1)!.push([x, y]);
  }
  return out;
}

/** Even-odd: inside an odd number of the path's rings. */
export const insidePath = (p: Pt, d: string) => subpaths(d).filter((ring) => ring.length > 2 && polygonContains(ring, p)).length % 2 === 1;

export function parseSvg(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelector('svg')!;
}

/** The point a mark stands for: a circle's centre (M x-r,y a r,r …), else the mean of a shape's corners. */
export function markCentre(d: string): Pt {
  const circle = d.match(/^M(-?[\d.]+),(-?[\d.]+)a(-?[\d.]+)/);
  if (circle) return [Number(circle[1]) + Number(circle[3]), Number(circle[2])];
  const ring = subpaths(d)[0]!;
  const corners = ring.filter((p, i) => i === 0 || p[0] !== ring[0]![0] || p[1] !== ring[0]![1]);
  return [corners.reduce((a, p) => a + p[0], 0) / corners.length, corners.reduce((a, p) => a + p[1], 0) / corners.length];
}
