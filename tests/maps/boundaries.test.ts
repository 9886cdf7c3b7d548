import { readFileSync } from 'node:fs';
import { geoArea } from 'd3';
import type { Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { describe, expect, it } from 'vitest';
import {
  checkTopology,
  coversGlobe,
  presimplifyKeepingIslands,
  rewindForD3,
  rewindInverted,
  windAsHoles,
  type ChinaTopology,
} from '../../src/maps/boundaries.ts';
import { CHINA } from '../../src/maps/geometry.ts';
import { geometryFor } from '../../src/maps/render.ts';
import { chinaFrame } from '../../src/maps/projection.ts';
import { COMPARE_WIDTH } from '../../src/maps/compare.ts';

// A square island off Hainan, wound counter-clockwise as RFC 7946 GeoJSON writes it: d3-geo reads that as the
// whole globe except the square.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [110, 18],
      [110.2, 18],
      [110.2, 18.2],
      [110, 18.2],
      [110, 18],
    ],
  ],
};
const island = (points: number) => {
  const ring = Array.from({ length: points }, (_, i) => {
    const a = (-2 * Math.PI * i) / points;
    return [112.3 + 0.05 * Math.cos(a), 16.8 + 0.05 * Math.sin(a)];
  });
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
};

describe('boundary conversion', () => {
  it('rewinds a polygon wound the other way, which d3-geo would draw as the whole globe', () => {
    expect(coversGlobe(square)).toBe(true);
    const rewound = rewindForD3(square);
    expect(coversGlobe(rewound)).toBe(false);
    expect(geoArea(rewound)).toBeLessThan(1e-4);
  });

  it('keeps a small island as a ring through any simplification', () => {
    const topo = topology({ island: { type: 'Feature', properties: {}, geometry: rewindForD3(island(40)) } } as never);
    const kept = simplify(presimplifyKeepingIslands(topo as never) as never, 1) as never;
    const plain = simplify(presimplify(topo as never, sphericalTriangleArea) as never, 1) as never;
    const points = (t: { arcs: number[][][] }) => t.arcs[0]!.length;
    expect(points(plain)).toBeLessThan(4); // what the guard is for: the ring collapses to its endpoints
    expect(points(kept)).toBeGreaterThanOrEqual(4);
  });

  it('rewinds a simplified polygon that came out inverted, and then finds nothing to report', () => {
    const topo = topology({
      provinces: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '460000', name: '海南省' }, geometry: square }] },
      prefectures: { type: 'FeatureCollection', features: [] },
      counties: { type: 'FeatureCollection', features: [] },
      lines: { type: 'FeatureCollection', features: [] },
    } as never) as unknown as ChinaTopology;
    expect(checkTopology(topo).map((p) => p.message)).toEqual([expect.stringContaining('covers the globe')]);
    expect(rewindInverted(topo)).toBe(1);
    expect(checkTopology(topo)).toEqual([]);
  });
});

describe('the committed boundaries (src/maps/china.topo.json)', () => {
  const provinces = feature(CHINA as never, CHINA.objects.provinces as never) as unknown as { features: { properties: { code: string } }[] };

  it('has no area that covers the globe and a six-digit code for every area', () => {
    expect(checkTopology(CHINA)).toEqual([]);
  });

  it('holds all 34 provincial-level divisions, Taiwan and Hainan among them', () => {
    const codes = provinces.features.map((f) => f.properties.code);
    expect(codes).toHaveLength(34);
    expect(codes).toEqual(expect.arrayContaining(['710000', '460000', '810000', '820000']));
  });

  it('carries the South China Sea line of the source down to 曾母暗沙 (south of 4° N)', () => {
    const lines = feature(CHINA as never, CHINA.objects.lines as never) as unknown as { features: { geometry: { coordinates: number[][][] } }[] };
    const south = Math.min(...lines.features.flatMap((f) => f.geometry.coordinates.flat().map((p) => p[1]!)));
    expect(south).toBeLessThan(4);
  });

  it('stays within its byte budget', () => {
    const bytes = readFileSync('src/maps/china.topo.json').length;
    expect(bytes).toBeLessThanOrEqual((CHINA as unknown as { metadata: { budget_bytes: number } }).metadata.budget_bytes);
  });
});

describe('a choropleth class merged into one outline', () => {
  // the national choropleth's scale (maps/compare.ts): counties simplified to about a pixel
  const g = geometryFor(chinaFrame(COMPARE_WIDTH), 1);
  const counties = g
    .areas('counties')
    .map((f) => f.properties.code)
    .sort();

  it('covers exactly its counties, whatever the split: no outline read as the whole globe, no hole on the wrong outline', () => {
    // at this scale merging every other county hung Hong Kong's broken coast as an open ring (the whole globe), and
    // a third of them 28 holes on a 10-point outline
    for (const k of [2, 3, 6])
      for (let c = 0; c < k; c++) {
        const codes = counties.filter((_, i) => i % k === c);
        const merged = g.merged('counties', codes);
        for (const rings of merged.coordinates) expect(coversGlobe({ type: 'Polygon', coordinates: rings })).toBe(false);
        const parts = codes.reduce((sum, code) => sum + geoArea(g.area('counties', code)!), 0);
        expect(Math.abs(geoArea(merged) - parts) / parts).toBeLessThan(0.002);
      }
  });

  it('closes an open ring and winds an exterior inside a hemisphere and its holes outside', () => {
    const exterior = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.4, 0.2],
      [0.4, 0.4],
      [0.2, 0.4],
      [0.2, 0.2],
    ];
    // the exterior open and wound the wrong way, the hole wound as an exterior
    const wound = windAsHoles({ type: 'MultiPolygon', coordinates: [[[...exterior].reverse(), hole]] });
    const [outer, inner] = wound.coordinates[0]!;
    expect(outer!.at(-1)).toEqual(outer![0]);
    expect(geoArea({ type: 'Polygon', coordinates: [outer!] })).toBeLessThan(2 * Math.PI);
    expect(geoArea({ type: 'Polygon', coordinates: [inner!] })).toBeGreaterThan(2 * Math.PI);
    const enclosed = (ring: number[][]) => {
      const a = geoArea({ type: 'Polygon', coordinates: [ring] });
      return Math.min(a, 4 * Math.PI - a);
    };
    expect(geoArea(wound)).toBeCloseTo(enclosed([...exterior, [0, 0]]) - enclosed(hole), 12);
  });
});
