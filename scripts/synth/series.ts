// Values: one series per region and metric, so a region's reports agree from year to year.
import { between, hash32, mulberry32, type Rng } from './random.ts';
import type { Candidate } from './regions.ts';
import type { Metric } from './metrics.ts';
import { CANDIDATES, GAOKAO_RATE, QUALIFIERS } from './templates.ts';

/** A region's series for every metric: index 0 is the year before the first report, for prior-year values. */
export function regionSeries(region: Candidate, metrics: Metric[], years: number, seed: string): Map<string, number[]> {
  const rng = mulberry32(hash32(`${seed}|series|${region.code}`));
  const size = region.level === 'city' ? between(rng, 4, 10) : region.level === 'district' ? between(rng, 0.6, 1.6) : between(rng, 0.8, 2);
  const series = new Map(metrics.map((m) => [m.id, walk(rng, m, size, years)]));
  tieGaokao(rng, series, metrics);
  return series;
}

/** A random walk from a plausible first value: rates drift by points (capped below 100 %), the rest by a share. */
function walk(rng: Rng, m: Metric, size: number, years: number): number[] {
  const values: number[] = [];
  const unit = 10 ** -m.decimals;
  if (m.unitBase === '%') {
    let v = between(rng, m.lo, m.hi);
    for (let t = 0; t <= years; t++) {
      values.push(Math.min(m.id.startsWith('broadband') ? 100 : 99.9, Math.max(unit, v)));
      v += m.drift * between(rng, 0.3, 1.7);
    }
  } else {
    let v = between(rng, m.lo, m.hi) * size;
    for (let t = 0; t <= years; t++) {
      values.push(Math.max(unit, v * between(rng, 0.95, 1.05)));
      v *= 1 + m.drift;
    }
  }
  return values;
}

/** Gaokao: qualifiers and the rate follow from the candidates, so the ratio check holds within rounding. */
function tieGaokao(rng: Rng, series: Map<string, number[]>, metrics: Metric[]): void {
  const candidates = metrics.find((m) => m.index === CANDIDATES);
  const qualifiers = metrics.find((m) => m.index === QUALIFIERS);
  const rateMetric = metrics.find((m) => m.index === GAOKAO_RATE);
  if (!candidates) return;
  const c = series.get(candidates.id)!.map((v) => Math.round(v));
  series.set(candidates.id, c);
  const share = between(rng, 0.3, 0.6);
  const q = c.map((n) => Math.max(1, Math.round(n * Math.min(0.95, share * between(rng, 0.9, 1.15)))));
  if (qualifiers) series.set(qualifiers.id, q);
  if (rateMetric)
    series.set(
      rateMetric.id,
      q.map((n, t) => (n / c[t]!) * 100),
    );
}
