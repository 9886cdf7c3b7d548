// A report may state one whole-region value per metric, period and kind; a second one leaves a reader unable to
// tell which is "the" value, so the compile step refuses it unless the curator ties the two rows (restates=,
// alternative_to=) or scopes the part it describes (group:…, school:…, area:…). Two readings of one quantity
// (alternative_to) must both be flagged unclear: the comparison rule then lists both and draws neither.
import type { Problem } from './problems.ts';
import type { Located } from './csv.ts';
import { isTie, type FigureRow } from '../model/figure.ts';
import type { Observation } from '../model/observation.ts';
import { AMBIGUOUS_FLAGS, type Flag } from '../vocab/flags.ts';

/** Which row a restates= or alternative_to= names, and how. */
function declaredRelation(row: Pick<FigureRow, 'check'>): { kind: 'restates' | 'alternative_to'; target: string } | null {
  const tie = row.check.find(isTie);
  return tie ? { kind: tie.kind, target: tie.ids[0] } : null;
}

/** The fields of an observation the rule reads. */
type Keyed = Pick<Observation, 'metric_id' | 'period' | 'kind' | 'scope' | 'value_base' | 'unit_base'>;

/**
 * Checks one report's rows: every whole-region key (metric, period, kind) holds one value, apart from rows tied to
 * it by a declared relation; a relation names a row of the same key, and a restatement repeats its value. Returns
 * the flag each tied row gets: restatement or alternative_value.
 */
export function checkAmbiguity(
  rows: Located<FigureRow>[],
  byLocalId: ReadonlyMap<string, Keyed>,
  path: string,
): { problems: Problem[]; flags: [id: string, flag: Flag][] } {
  const problems: Problem[] = [];
  const flags: [string, Flag][] = [];
  const lineOf = new Map(rows.map((r) => [r.data.id, r.line]));
  const curatedFlags = new Map(rows.map((r) => [r.data.id, r.data.flags]));
  const keyOf = (o: Keyed) => `${o.metric_id}|${o.period}|${o.kind}`;
  const primary = new Map<string, { id: string; line: number }>();
  const seen = new Set<string>();
  for (const { line, data: row } of rows) {
    if (seen.has(row.id)) continue; // a duplicate id is reported by validation
    seen.add(row.id);
    const obs = byLocalId.get(row.id);
    if (!obs || obs.scope !== 'region') continue;
    const relation = declaredRelation(row);
    if (relation) {
      const target = byLocalId.get(relation.target);
      if (!target) continue; // an unknown id is reported by validation
      if (target.scope !== 'region' || keyOf(target) !== keyOf(obs)) {
        problems.push({
          path,
          line,
          field: 'check',
          message: `${relation.kind} must name a whole-region row of the same metric, period and kind; ${relation.target} (line ${lineOf.get(relation.target)}) is ${target.metric_id}, ${target.period}, ${target.kind}, scope ${target.scope}`,
          got: `${relation.kind}=${relation.target}`,
        });
        continue;
      }
      if (relation.kind === 'restates' && target.value_base !== obs.value_base) {
        problems.push({
          path,
          line,
          field: 'value',
          message: `restates ${relation.target} (line ${lineOf.get(relation.target)}), whose value is ${target.value_base} ${target.unit_base}: a restatement repeats the value; for another reading use alternative_to`,
          got: obs.value_base,
        });
        continue;
      }
      // Two readings of one quantity leave it unsettled: neither may be compared until the text settles it.
      const unflagged =
        relation.kind === 'alternative_to'
          ? [row.id, relation.target].filter((id) => !curatedFlags.get(id)?.some((f) => (AMBIGUOUS_FLAGS as readonly string[]).includes(f)))
          : [];
      if (unflagged.length) {
        problems.push({
          path,
          line,
          field: 'flags',
          message: `alternative_to=${relation.target}: two readings of one quantity leave both unclear; flag ${unflagged.join(' and ')} ${AMBIGUOUS_FLAGS.join(', ')} (whichever the note explains), so that neither is compared`,
          got: row.flags.join(';'),
        });
        continue;
      }
      flags.push([row.id, relation.kind === 'restates' ? 'restatement' : 'alternative_value']);
      continue;
    }
    const key = keyOf(obs);
    const first = primary.get(key);
    if (!first) {
      primary.set(key, { id: row.id, line });
      continue;
    }
    problems.push({
      path,
      line,
      field: 'scope',
      message: `a second whole-region value of ${obs.metric_id} for ${obs.period} (${obs.kind}); the first is ${first.id} on line ${first.line}. Give the part its scope (group:…, school:…, area:…), use a metric of its own definition, or declare restates=${first.id} / alternative_to=${first.id} in check`,
      got: row.figure_text,
    });
  }
  return { problems, flags };
}
