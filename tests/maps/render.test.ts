import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mapGeometry } from '../../src/maps/geometry.ts';
import { chinaFrame } from '../../src/maps/projection.ts';
import { insidePolygon, pathOf, poleOf, relativePath, renderMap, type MapSpec } from '../../src/maps/render.ts';
import { insidePath, parseSvg, subpaths, type Pt } from './svg-paths.ts';

const spec = (width: number, extra: Partial<MapSpec> = {}): MapSpec => ({ width, id: 'm', title: '中国', insetLabel: '南海诸岛', ...extra });

describe('every map the renderer draws', () => {
  for (const width of [400, 640]) {
    it(`holds Taiwan in its main frame and the 南海诸岛 with the South China Sea line in its inset (${width} wide)`, () => {
      const { main, inset, insetBox } = chinaFrame(width);
      const svg = parseSvg(renderMap(spec(width)).svg);
      const land = svg.querySelector('[data-layer="main"] [data-layer="land"]')!.getAttribute('d')!;
      expect(insidePath(main([120.95, 23.75]) as Pt, land), 'Taiwan').toBe(true);
      expect(insidePath(main([109.8, 19.2]) as Pt, land), 'Hainan').toBe(true);
      const insetGroup = svg.querySelector('[data-layer="inset"]')!;
      expect(insetGroup.querySelector('text')!.textContent).toBe('南海诸岛');
      const [[x0, y0], [x1, y1]] = insetBox;
      const dashes = subpaths(insetGroup.querySelector('[data-layer="lines"]')!.getAttribute('d')!).filter((s) =>
        s.every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1),
      );
      expect(dashes.length).toBeGreaterThanOrEqual(9);
      // the inset's land reaches the islands: its southernmost point is south of 10° N (南沙群岛)
      const insetLand = subpaths(insetGroup.querySelector('[data-layer="land"]')!.getAttribute('d')!).flat();
      expect(Math.max(...insetLand.map((p) => p[1]))).toBeGreaterThan(inset([112, 10])![1]);
    });
  }

  it('fills no path over the frame’s corners, which lie outside China: no path covers the globe', () => {
    const { width, height } = chinaFrame(400);
    const svg = parseSvg(renderMap(spec(400, { areas: [{ level: 'provinces', code: '650000', fill: '#ccc' }] })).svg);
    const filled = [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('fill') !== 'none').map((p) => p.getAttribute('d')!);
    for (const corner of [
      [1, 1],
      [width - 1, 1],
      [1, height - 1],
    ] as Pt[])
      for (const d of filled) expect(insidePath(corner, d)).toBe(false);
  });

  it('refuses to draw a polygon wound the wrong way', () => {
    const inverted: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [110, 18],
          [110.2, 18],
          [110.2, 18.2],
          [110, 18],
        ],
      ],
    };
    expect(() => pathOf(chinaFrame(400).main, inverted)).toThrow(/covers the globe/);
  });

  it('writes relative commands after the first point of each subpath', () => {
    expect(relativePath('M10,20L12,21L11,25ZM0,0L-3,4')).toBe('M10,20l2,1l-1,4ZM0,0l-3,4');
  });
});

describe('points', () => {
  it('places every county’s and prefecture’s point inside its own polygon as projected', () => {
    const { main } = chinaFrame(400);
    const g = mapGeometry();
    const outside: string[] = [];
    const unplaced: string[] = [];
    for (const level of ['counties', 'prefectures'] as const)
      for (const area of g.areas(level)) {
        const p = poleOf(area, main);
        if (!p) {
          unplaced.push(area.properties.code);
          continue;
        }
        const rings = area.geometry.coordinates.map((poly) => poly.map((ring) => ring.map((q) => main(q as [number, number])!)));
        if (!rings.some((r) => insidePolygon(p, r))) outside.push(`${level} ${area.properties.code} ${area.properties.name}`);
      }
    expect(outside).toEqual([]);
    expect(unplaced).toEqual([]);
  });
});
