// Cross-checks the relations curators wrote down (change_of, decrease_of, ratio_of, sum_of) within rounding.
// Returns what it found, for each relation: the rows involved, a note for them and, on a mismatch, the
// inconsistent_* flag they all get (compile.ts writes both onto the observations); no value is ever changed.
import type { Problem } from './problems.ts';
import { fmt, type BuildNote } from './build-notes.ts';
import { isTie, type Check, type Relation } from '../model/figure.ts';
import type { Observation } from '../model/observation.ts';
import type { Flag } from '../vocab/flags.ts';

/** The fields of an observation a check reads. */
export type Checked = Pick<Observation, 'value_base' | 'unit_base' | 'qualifier'>;
/** An observation with the half-unit of its last written digit, in base units: how far rounding may have moved it. */
export type Rounded = { obs: Checked; halfUlp: number; line: number };

/** What one curated relation found: every row it involves (the checked row first) gets the note, and the flag. */
export type CheckFinding = { relation: Relation; rows: string[]; note: BuildNote; flag: Flag | null };

const FLAG: Record<Relation['kind'], Flag> = {
  change_of: 'inconsistent_change',
  decrease_of: 'inconsistent_change',
  ratio_of: 'inconsistent_rate',
  sum_of: 'inconsistent_total',
};

type Interval = [number, number];
const around = (r: Rounded): Interval => [r.obs.value_base! - r.halfUlp, r.obs.value_base! + r.halfUlp];
const overlaps = (a: Interval, b: Interval) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;
function span(values: number[]): Interval {
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The range a relation allows, given that every input was rounded when written. Corners suffice: the change,
 * the ratio and the sum are monotone in each input.
 */
function expectedRange(relation: Relation, target: Rounded, inputs: Rounded[]): { range: Interval; formula: string } | string {
  const [a, b] = inputs as [Rounded, Rounded];
  const unitsOf = inputs.map((r) => r.obs.unit_base);
  if (relation.kind === 'sum_of') {
    if (unitsOf.some((u) => u !== target.obs.unit_base)) return `sum_of relates ${unitsOf.join(', ')} to ${target.obs.unit_base}`;
    const lo = inputs.reduce((s, r) => s + around(r)[0], 0);
    const hi = inputs.reduce((s, r) => s + around(r)[1], 0);
    return { range: [lo, hi], formula: `${inputs.map((r) => fmt(r.obs.value_base!)).join(' + ')} = ${fmt(inputs.reduce((s, r) => s + r.obs.value_base!, 0))}` };
  }
  if (relation.kind === 'ratio_of') {
    if (target.obs.unit_base !== '%' || a.obs.unit_base !== b.obs.unit_base)
      return `ratio_of needs a percentage of two like quantities (got ${unitsOf.join(' / ')})`;
    const [a0, a1] = around(a);
    const [b0, b1] = around(b);
    return {
      range: span([(a0 / b1) * 100, (a1 / b0) * 100]),
      formula: `${fmt(a.obs.value_base!)} ÷ ${fmt(b.obs.value_base!)} × 100 = ${fmt((a.obs.value_base! / b.obs.value_base!) * 100)}`,
    };
  }
  const sign = relation.kind === 'decrease_of' ? -1 : 1;
  const [a0, a1] = around(a);
  const [b0, b1] = around(b);
  if (a.obs.unit_base !== b.obs.unit_base) return `change_of relates ${a.obs.unit_base} to ${b.obs.unit_base}`;
  if (target.obs.unit_base === a.obs.unit_base || (target.obs.unit_base === 'pp' && a.obs.unit_base === '%')) {
    const diff = sign * (b.obs.value_base! - a.obs.value_base!);
    return { range: span([sign * (b0 - a1), sign * (b1 - a0)]), formula: `${fmt(b.obs.value_base!)} − ${fmt(a.obs.value_base!)} = ${fmt(sign * diff)}` };
  }
  if (target.obs.unit_base === '%') {
    const growth = (lo: number, hi: number) => sign * ((hi - lo) / lo) * 100;
    return {
      range: span([growth(a0, b0), growth(a0, b1), growth(a1, b0), growth(a1, b1)]),
      formula: `(${fmt(b.obs.value_base!)} − ${fmt(a.obs.value_base!)}) ÷ ${fmt(a.obs.value_base!)} × 100 = ${fmt(growth(a.obs.value_base!, b.obs.value_base!))}`,
    };
  }
  return `change_of cannot relate ${target.obs.unit_base} to ${a.obs.unit_base}`;
}

/** Runs every curated relation of one report: what each found, and the relations that cannot hold (unlike units). */
export function runChecks(
  rows: readonly { id: string; check: readonly Check[] }[],
  byLocalId: ReadonlyMap<string, Rounded>,
  path: string,
): { findings: CheckFinding[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const findings: CheckFinding[] = [];
  for (const row of rows) {
    const target = byLocalId.get(row.id);
    if (!target) continue;
    for (const relation of row.check) {
      if (isTie(relation)) continue; // ties between rows, checked by ambiguity.ts
      const inputs = relation.ids.map((id) => byLocalId.get(id));
      if (inputs.some((r) => !r)) continue; // reported by validation already
      const all = [target, ...(inputs as Rounded[])];
      const involved = [row.id, ...relation.ids];
      const check = relation.text;
      if (all.some((r) => r.obs.value_base === null)) {
        findings.push({ relation, rows: [row.id], note: { kind: 'not_checked', check, reason: 'unreadable' }, flag: null });
        continue;
      }
      if (all.some((r) => r.obs.qualifier !== '')) {
        findings.push({ relation, rows: [row.id], note: { kind: 'not_checked', check, reason: 'approximate' }, flag: null });
        continue;
      }
      const expected = expectedRange(relation, target, inputs as Rounded[]);
      if (typeof expected === 'string') {
        problems.push({ path, line: target.line, field: 'check', message: expected, got: check });
        continue;
      }
      const consistent = overlaps(expected.range, around(target));
      findings.push({
        relation,
        rows: involved,
        note: { kind: 'checked', check, formula: expected.formula, stated: target.obs.value_base!, consistent },
        flag: consistent ? null : FLAG[relation.kind],
      });
    }
  }
  return { findings, problems };
}
