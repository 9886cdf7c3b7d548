// Cross-checks the relations curators wrote down (change_of, decrease_of, ratio_of, sum_of) within rounding.
// A mismatch becomes an inconsistent_* flag on every observation involved and a sentence in `checks`; no value is
// ever changed.
import type { Problem } from './problems.ts';
import type { Observation } from '../model/observation.ts';
import { CHECK_RE, RELATION_RE } from '../model/figure.ts';

/** An observation with the half-unit of its last written digit, in base units: how far rounding may have moved it. */
export type Rounded = { obs: Observation; halfUlp: number; line: number };

type Interval = [number, number];
const around = (r: Rounded): Interval => [r.obs.value_base! - r.halfUlp, r.obs.value_base! + r.halfUlp];
const overlaps = (a: Interval, b: Interval) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;
function span(values: number[]): Interval {
  return [Math.min(...values), Math.max(...values)];
}
/** A number as the sentences in `checks` write it: at most two decimals. */
export const fmt = (x: number) => String(Math.round(x * 100) / 100);

type Relation = {
  kind: 'change' | 'decrease' | 'ratio' | 'sum';
  flag: 'inconsistent_change' | 'inconsistent_rate' | 'inconsistent_total';
  inputs: string[];
};

function parseCheck(check: string): Relation {
  const m = CHECK_RE.exec(check)!;
  if (m[2]) return { kind: m[1]!.startsWith('decrease') ? 'decrease' : 'change', flag: 'inconsistent_change', inputs: [m[3]!, m[4]!] };
  if (m[5]) return { kind: 'ratio', flag: 'inconsistent_rate', inputs: [m[5], m[6]!] };
  return { kind: 'sum', flag: 'inconsistent_total', inputs: m[7]!.split('+') };
}

/**
 * The range a relation allows, given that every input was rounded when written. Corners suffice: the change,
 * the ratio and the sum are monotone in each input.
 */
function expectedRange(relation: Relation, target: Rounded, inputs: Rounded[]): { range: Interval; formula: string } | string {
  const [a, b] = inputs as [Rounded, Rounded];
  const unitsOf = inputs.map((r) => r.obs.unit_base);
  if (relation.kind === 'sum') {
    if (unitsOf.some((u) => u !== target.obs.unit_base)) return `sum_of relates ${unitsOf.join(', ')} to ${target.obs.unit_base}`;
    const lo = inputs.reduce((s, r) => s + around(r)[0], 0);
    const hi = inputs.reduce((s, r) => s + around(r)[1], 0);
    return { range: [lo, hi], formula: `${inputs.map((r) => fmt(r.obs.value_base!)).join(' + ')} = ${fmt(inputs.reduce((s, r) => s + r.obs.value_base!, 0))}` };
  }
  if (relation.kind === 'ratio') {
    if (target.obs.unit_base !== '%' || a.obs.unit_base !== b.obs.unit_base)
      return `ratio_of needs a percentage of two like quantities (got ${unitsOf.join(' / ')})`;
    const [a0, a1] = around(a);
    const [b0, b1] = around(b);
    return {
      range: span([(a0 / b1) * 100, (a1 / b0) * 100]),
      formula: `${fmt(a.obs.value_base!)} ÷ ${fmt(b.obs.value_base!)} × 100 = ${fmt((a.obs.value_base! / b.obs.value_base!) * 100)}`,
    };
  }
  const sign = relation.kind === 'decrease' ? -1 : 1;
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

/** Runs every curated check of one report; adds flags and a sentence to `checks` on each observation involved. */
export function runChecks(rows: { id: string; check: string[] }[], byLocalId: Map<string, Rounded>, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const row of rows) {
    const target = byLocalId.get(row.id);
    if (!target) continue;
    for (const check of row.check) {
      if (RELATION_RE.test(check)) continue; // ties between rows, checked by ambiguity.ts
      const relation = parseCheck(check);
      const inputs = relation.inputs.map((id) => byLocalId.get(id));
      if (inputs.some((r) => !r)) continue; // reported by validation already
      const all = [target, ...(inputs as Rounded[])];
      if (all.some((r) => r.obs.value_base === null)) {
        note(target, `${check}: not checked, a value is unreadable`);
        continue;
      }
      if (all.some((r) => r.obs.qualifier !== '')) {
        note(target, `${check}: not checked, a value is approximate or a bound`);
        continue;
      }
      const expected = expectedRange(relation, target, inputs as Rounded[]);
      if (typeof expected === 'string') {
        problems.push({ path, line: target.line, field: 'check', message: expected, got: check });
        continue;
      }
      const ok = overlaps(expected.range, around(target));
      const sentence = `${check}: ${expected.formula}; stated ${fmt(target.obs.value_base!)}${ok ? ' (consistent within rounding)' : ' (inconsistent)'}`;
      for (const r of all) {
        note(r, sentence);
        if (!ok && !r.obs.flags.includes(relation.flag)) r.obs.flags = [...r.obs.flags, relation.flag].sort();
      }
    }
  }
  return problems;
}

function note(r: Rounded, sentence: string): void {
  r.obs.checks_en = r.obs.checks_en ? `${r.obs.checks_en} | ${sentence}` : sentence;
}
