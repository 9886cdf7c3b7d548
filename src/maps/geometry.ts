// The committed boundaries and what the maps need of them: features by GB/T 2260 code, the land, the province
// borders, the source's boundary lines, each simplified for the scale it is drawn at. Build time only.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import { geoArea } from 'd3';
import { feature, merge, mesh } from 'topojson-client';
import { simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import topoJson from './china.topo.json' with { type: 'json' };
import { presimplifyKeepingIslands, rewindInverted, type BoundaryLevel, type BoundaryProps, type ChinaTopology, windAsHoles } from './boundaries.ts';

export const CHINA = topoJson as unknown as ChinaTopology;
export type Area = Feature<MultiPolygon, BoundaryProps>;

let presimplified: Topology | undefined;
/** A merged class may differ from the sum of its areas by this share (simplification moves shared borders a little). */
const MERGE_TOLERANCE = 0.002;
const bySimplification = new Map<number, MapGeometry>();

export type MapGeometry = {
  land: Feature<MultiPolygon>;
  provinceBorders: MultiLineString;
  /** The source's boundary lines (境界线): coast and sea lines, and the South China Sea line of the 南海诸岛. */
  lines: FeatureCollection<MultiLineString>;
  area: (level: BoundaryLevel, code: string) => Area | undefined;
  areas: (level: BoundaryLevel) => Area[];
  /** The areas of these codes merged into one outline: a choropleth's class drawn as one path, without inner borders. */
  merged: (level: BoundaryLevel, codes: Iterable<string>) => MultiPolygon;
};

/**
 * The boundaries simplified down to `minWeight` steradians (Visvalingam's triangle area): a map a few hundred
 * pixels wide needs far fewer points than the committed file holds. Cached per threshold; 0 keeps every point.
 */
export function mapGeometry(minWeight = 0): MapGeometry {
  const cached = bySimplification.get(minWeight);
  if (cached) return cached;
  let topo = CHINA as unknown as Topology;
  if (minWeight > 0) {
    presimplified ??= presimplifyKeepingIslands(CHINA as unknown as Topology);
    const simplified = simplify(presimplified as never, minWeight) as unknown as ChinaTopology;
    // simplify shares `objects` with its input; rewinding edits them, so this scale gets its own copy
    const own = { ...simplified, objects: structuredClone(simplified.objects) } as ChinaTopology;
    rewindInverted(own);
    topo = own as unknown as Topology;
  }
  const o = (topo as unknown as ChinaTopology).objects;
  const index = new Map<string, Area>();
  const collections = {} as Record<BoundaryLevel, Area[]>;
  for (const level of ['provinces', 'prefectures', 'counties'] as const) {
    const fc = feature(topo as never, o[level] as never) as unknown as FeatureCollection<MultiPolygon, BoundaryProps>;
    collections[level] = fc.features;
    for (const f of fc.features) index.set(`${level}:${f.properties.code}`, f);
  }
  const geometry: MapGeometry = {
    land: { type: 'Feature', properties: {}, geometry: merge(topo as never, o.provinces.geometries as never) as MultiPolygon },
    provinceBorders: mesh(topo as never, o.provinces as never, (a, b) => a !== b) as MultiLineString,
    lines: feature(topo as never, o.lines as never) as unknown as FeatureCollection<MultiLineString>,
    area: (level, code) => index.get(`${level}:${code}`),
    areas: (level) => collections[level],
    merged: (level, codes) => {
      const wanted = new Set(codes);
      const geometries = (o[level] as unknown as { geometries: { properties: BoundaryProps }[] }).geometries.filter((g) => wanted.has(g.properties.code));
      const joined = windAsHoles(merge(topo as never, geometries as never) as MultiPolygon);
      // Where simplification broke the shared borders, merge can hang holes on the wrong outline: then the areas are
      // drawn side by side, their inner borders too, rather than a class that covers what it should not.
      const parts = [...wanted].flatMap((code) => index.get(`${level}:${code}`) ?? []);
      const partsArea = parts.reduce((sum, f) => sum + geoArea(f), 0);
      if (Math.abs(geoArea(joined) - partsArea) <= MERGE_TOLERANCE * partsArea) return joined;
      return { type: 'MultiPolygon', coordinates: parts.flatMap((f) => f.geometry.coordinates) };
    },
  };
  bySimplification.set(minWeight, geometry);
  return geometry;
}

/** The level whose features a region of this administrative level is drawn from. */
export function boundaryLevel(level: string): BoundaryLevel | null {
  if (level === 'province') return 'provinces';
  if (level === 'city') return 'prefectures';
  if (level === 'county' || level === 'county_city' || level === 'district') return 'counties';
  return null;
}

/** A region's province code: the first two digits of its GB/T 2260 code and four zeros. */
export const provinceOf = (gbCode: string) => (/^\d{6}$/.test(gbCode) ? `${gbCode.slice(0, 2)}0000` : '');
