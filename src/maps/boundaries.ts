// China's boundaries as one TopoJSON topology: provinces, prefectures, counties and the boundary lines of the source,
// keyed by GB/T 2260 code. Pure: feature collections in, topology out; scripts/map-boundaries.ts does the I/O.
import { geoArea } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type BoundaryProps = { code: string; name: string };
export type BoundaryLevel = 'provinces' | 'prefectures' | 'counties';
export const LEVEL_OBJECTS: BoundaryLevel[] = ['provinces', 'prefectures', 'counties'];
export type ChinaTopology = Topology<{
  provinces: GeometryCollection<BoundaryProps>;
  prefectures: GeometryCollection<BoundaryProps>;
  counties: GeometryCollection<BoundaryProps>;
  lines: GeometryCollection;
}>;
export type BoundaryProblem = { level: string; code: string; message: string };

type SourceProps = { gb?: string; full_name?: string; name?: string };

/**
 * d3-geo reads a ring's winding as which side is inside: a ring wound the other way covers the whole globe except
 * the region. Its area then exceeds a hemisphere (2π steradians), which no Chinese region comes near.
 */
export const coversGlobe = (g: Feature | Geometry) => geoArea(g as never) > 2 * Math.PI;

/** Each polygon wound as d3-geo reads it: a polygon whose area exceeds a hemisphere has its rings reversed. */
export function rewindForD3(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((rings) => (coversGlobe({ type: 'Polygon', coordinates: rings }) ? rings.map((ring) => [...ring].reverse()) : rings)),
  };
}

/** Less than this (steradians, about 400 m²) is no area: a ring simplification has collapsed to a line. */
const NO_AREA = 1e-11;

/**
 * A merged outline as d3-geo reads it. topojson's merge stitches each ring from the arcs the merged areas do not
 * share, and where simplification has broken a coast's loop (Hong Kong's at a map's width) a ring comes back open;
 * d3-geo reads an open ring as the whole globe. Each ring is closed, a ring collapsed to a line dropped, each
 * polygon's first ring (its exterior, the largest) wound to enclose less than a hemisphere and every other ring (a
 * hole) more.
 */
export function windAsHoles(geometry: MultiPolygon): MultiPolygon {
  const area = (ring: Position[]) => geoArea({ type: 'Polygon', coordinates: [ring] });
  const closed = (ring: Position[]) => (ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring : [...ring, ring[0]!]);
  const coordinates: Position[][][] = [];
  for (const rings of geometry.coordinates) {
    const kept = rings.flatMap((open, i) => {
      const ring = closed(open);
      const a = area(ring);
      if (Math.min(a, 4 * Math.PI - a) < NO_AREA) return i === 0 ? [null] : [];
      return [a > 2 * Math.PI === (i === 0) ? [...ring].reverse() : ring];
    });
    if (kept[0]) coordinates.push(kept as Position[][]);
  }
  return { type: 'MultiPolygon', coordinates };
}

/** The source's features as `{code, name}` areas and its unnamed boundary lines (境界线: coast, the South China Sea line). */
export function readLevel(collection: FeatureCollection): { areas: Feature<MultiPolygon, BoundaryProps>[]; lines: Feature<MultiLineString>[] } {
  const areas: Feature<MultiPolygon, BoundaryProps>[] = [];
  const lines: Feature<MultiLineString>[] = [];
  for (const f of collection.features) {
    const p = (f.properties ?? {}) as SourceProps;
    const g = f.geometry;
    if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') {
      // 156 is China's ISO 3166 numeric code, which the source puts before the six-digit GB/T 2260 code
      const code = (p.gb ?? '').replace(/^156/, '');
      areas.push({ type: 'Feature', properties: { code, name: p.full_name ?? p.name ?? '' }, geometry: rewindForD3(g) });
    } else if (g?.type === 'MultiLineString' || g?.type === 'LineString') {
      const coordinates = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
      lines.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } });
    }
  }
  return { areas, lines };
}

/**
 * Visvalingam weights (spherical triangle area) for every point, except that a ring never shrinks below a triangle:
 * simplification keeps an arc's endpoints only, so a ring of one arc (an island such as those of the South China
 * Sea) keeps its two heaviest inner points and a ring of two arcs (a small urban district between two neighbours)
 * the heaviest inner point of each. Without this such rings collapse to a line of zero area, with no inside for a
 * point and no fill.
 */
export function presimplifyKeepingIslands(topo: Topology): Topology {
  const pre = presimplify(topo as never, sphericalTriangleArea) as unknown as Topology;
  const arcs = pre.arcs as unknown as number[][][];
  const keep = (arcIndex: number, n: number) => {
    const arc = arcs[arcIndex < 0 ? ~arcIndex : arcIndex]!;
    for (const p of arc
      .slice(1, -1)
      .sort((a, b) => b[2]! - a[2]!)
      .slice(0, n))
      p[2] = Infinity;
  };
  const ringsOf = (g: { type: string; arcs?: unknown; geometries?: unknown[] }): number[][] =>
    g.type === 'Polygon'
      ? (g.arcs as number[][])
      : g.type === 'MultiPolygon'
        ? (g.arcs as number[][][]).flat()
        : g.type === 'GeometryCollection'
          ? (g.geometries as never[]).flatMap(ringsOf)
          : [];
  for (const object of Object.values(pre.objects))
    for (const ring of ringsOf(object as never)) {
      if (ring.length === 1) keep(ring[0]!, 2);
      else if (ring.length === 2) for (const a of ring) keep(a, 1);
    }
  return pre;
}

const QUANTIZATION = 1e5;
export const serialise = (topo: Topology) => JSON.stringify(quantize(topo as never, QUANTIZATION));
/** UTF-8 bytes: the names are Chinese, three bytes a character. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;
/** Room left in the budget for the file's metadata (package, threshold, budget). */
const METADATA_BYTES = 200;

/**
 * The smallest weight threshold whose simplified, quantised topology fits `budgetBytes`: a bisection over the
 * weights' own quantiles, so the file comes out at most the budget and as detailed as the budget allows.
 */
export function simplifyToBudget(pre: Topology, budgetBytes: number): { topology: Topology; json: string; minWeight: number; bytes: number } {
  const weights = (pre.arcs as unknown as number[][][])
    .flatMap((arc) => arc.map((p) => p[2]!))
    .filter((w) => Number.isFinite(w))
    .sort((a, b) => a - b);
  const at = (i: number) => {
    const minWeight = i <= 0 ? 0 : weights[Math.min(i, weights.length - 1)]!;
    const topo = simplify(pre as never, minWeight) as unknown as Topology;
    const json = serialise(topo);
    return { topology: topo, json, minWeight, bytes: byteLength(json) + METADATA_BYTES };
  };
  let lo = 0;
  let hi = weights.length;
  let best = at(hi);
  if (best.bytes > budgetBytes) throw new Error(`even the coarsest simplification is ${best.bytes} bytes, over the budget of ${budgetBytes}`);
  while (hi - lo > Math.max(1, weights.length / 4096)) {
    const mid = Math.floor((lo + hi) / 2);
    const trial = at(mid);
    if (trial.bytes <= budgetBytes) {
      best = trial;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

export function buildTopology(levels: Record<BoundaryLevel, FeatureCollection>): Topology {
  const read = Object.fromEntries(LEVEL_OBJECTS.map((l) => [l, readLevel(levels[l])])) as Record<BoundaryLevel, ReturnType<typeof readLevel>>;
  return topology(
    {
      provinces: { type: 'FeatureCollection', features: read.provinces.areas },
      prefectures: { type: 'FeatureCollection', features: read.prefectures.areas },
      counties: { type: 'FeatureCollection', features: read.counties.areas },
      // the province file's lines hold all the others' (the same coast and sea lines, drawn once)
      lines: { type: 'FeatureCollection', features: read.provinces.lines },
    } as never,
    1e6,
  ) as unknown as Topology;
}

/**
 * A simplified ring can come out wound the other way (an island reduced to a few points whose order flips): such a
 * polygon is rewound in place — a TopoJSON ring is reversed by reversing its arc list and complementing each index.
 * Returns how many polygons it rewound.
 */
export function rewindInverted(topo: ChinaTopology): number {
  let rewound = 0;
  for (const level of LEVEL_OBJECTS) {
    for (const g of topo.objects[level].geometries) {
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
      const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
      for (let i = 0; i < polygons.length; i++) {
        const single = { type: 'Polygon', arcs: polygons[i] } as const;
        if (!coversGlobe(feature(topo as never, single as never) as unknown as Feature)) continue;
        polygons[i] = polygons[i]!.map((ring) => ring.map((a) => ~a).reverse());
        rewound++;
      }
      if (g.type === 'Polygon') g.arcs = polygons[0]!;
    }
  }
  return rewound;
}

/** Every area of every level, checked after simplification: none may cover the globe, and each must keep a code. */
export function checkTopology(topo: ChinaTopology): BoundaryProblem[] {
  const problems: BoundaryProblem[] = [];
  for (const level of LEVEL_OBJECTS) {
    const collection = feature(topo as never, topo.objects[level] as never) as unknown as FeatureCollection<Geometry, BoundaryProps>;
    for (const f of collection.features) {
      const code = f.properties.code;
      if (!/^\d{6}$/.test(code)) problems.push({ level, code, message: `${f.properties.name || '(unnamed)'} has no six-digit GB/T 2260 code` });
      if (f.geometry && coversGlobe(f))
        problems.push({ level, code, message: `${f.properties.name} covers the globe (area above 2π sr): a ring is wound the wrong way` });
    }
  }
  return problems;
}

/** The rings of a geometry: for checks on what was drawn. */
export const rings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
