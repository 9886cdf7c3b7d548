// How China is laid out on every map of the site: Albers equal-area (standard parallels 25° N and 47° N, central
// meridian 105° E, the convention of Chinese national maps), the mainland with Hainan and Taiwan in the main frame
// and the 南海诸岛 (South China Sea Islands) in an inset at the lower right, as Chinese maps in landscape draw them.
import { geoBounds, geoConicEqualArea, type GeoProjection } from 'd3';
import type { Feature, LineString, MultiPolygon } from 'geojson';
import { mapGeometry } from './geometry.ts';

export const PARALLELS: [number, number] = [25, 47];
export const CENTRAL_MERIDIAN = 105;

/** A longitude/latitude box as a closed line, densified so that its curved edges bound what the conic draws. */
function box(west: number, south: number, east: number, north: number): Feature<LineString> {
  const coordinates: [number, number][] = [];
  for (let x = west; x <= east; x += 1) coordinates.push([x, south]);
  for (let y = south; y <= north; y += 1) coordinates.push([east, y]);
  for (let x = east; x >= west; x -= 1) coordinates.push([x, north]);
  for (let y = north; y >= south; y -= 1) coordinates.push([west, y]);
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
}
// The main frame is fitted to the land north of 17.6° N (the mainland, Hainan, Taiwan and the islands near them);
// the inset holds the sea from Hainan to 曾母暗沙 (3.9° N).
const SOUTH_EDGE = 17.6;
let mainland: Feature<MultiPolygon> | undefined;
function mainlandLand(): Feature<MultiPolygon> {
  const land = mapGeometry().land.geometry;
  mainland ??= {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: land.coordinates.filter((p) => geoBounds({ type: 'Polygon', coordinates: p })[0][1] > SOUTH_EDGE) },
  };
  return mainland;
}
const SOUTH_SEA = box(106.5, 3, 123.5, 24.6);

export type Frame = { width: number; height: number; main: GeoProjection; inset: GeoProjection; insetBox: [[number, number], [number, number]] };

const conic = () => geoConicEqualArea().parallels(PARALLELS).rotate([-CENTRAL_MERIDIAN, 0]);

/** The projections of a map `width` units wide; its height follows from China's shape. */
export function chinaFrame(width: number): Frame {
  const pad = Math.round(width * 0.01);
  const land = mainlandLand();
  const main = conic().fitWidth(width - 2 * pad, land);
  // the height that the land needs at this width, down to the frame's southern edge below Hainan
  const top = Math.min(...land.geometry.coordinates.flatMap((p) => p[0]!.map((q) => main(q as [number, number])![1])));
  const height = Math.ceil(main([CENTRAL_MERIDIAN, SOUTH_EDGE])![1] - top) + 2 * pad;
  main.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    land,
  );
  const insetWidth = Math.round(width * 0.17);
  const insetHeight = Math.round(insetWidth * 1.45);
  // the inset sits at the lower right, below Taiwan: the frame grows downwards when the land leaves no room there
  const taiwanSouth = Math.max(
    ...mapGeometry()
      .area('provinces', '710000')!
      .geometry.coordinates.flatMap((p) => p[0]!.map((q) => main(q as [number, number])![1])),
  );
  const insetTop = Math.max(height - pad - insetHeight, Math.ceil(taiwanSouth) + 6);
  const frameHeight = insetTop + insetHeight + pad;
  // the main frame stops at its southern edge: the islands south of it are drawn in the inset only
  main.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const insetBox: [[number, number], [number, number]] = [
    [width - insetWidth - pad, insetTop],
    [width - pad, insetTop + insetHeight],
  ];
  const inset = conic().fitExtent(
    [
      [insetBox[0][0] + 2, insetBox[0][1] + 2],
      [insetBox[1][0] - 2, insetBox[1][1] - 2],
    ],
    SOUTH_SEA,
  );
  inset.clipExtent(insetBox);
  return { width, height: frameHeight, main, inset, insetBox };
}
