// Where one figure stands among its peers, as positions along one line: the other regions' range, their median,
// the region's own value and the national value, in percent of the strip's width. The same four marks whatever the
// number of regions, so a region page draws nothing that grows with them.
import type { Others } from './peers.ts';

export type Strip = { range: [number, number]; median: number; own: number; national: number | null };

/** Positions in percent (0–100) of a strip spanning every value it shows; null without others to compare with. */
export function stripPositions(own: number, others: Others, national: number | null): Strip | null {
  if (!others) return null;
  const values = [own, others.min, others.max, ...(national === null ? [] : [national])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // a strip of one value (all regions report the same) centres everything
  const at = (x: number) => (hi === lo ? 50 : Math.round(((x - lo) / (hi - lo)) * 1000) / 10);
  return { range: [at(others.min), at(others.max)], median: at(others.median), own: at(own), national: national === null ? null : at(national) };
}
