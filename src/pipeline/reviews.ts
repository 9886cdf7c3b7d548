// Second readings (data/reviews.csv): for a row the site compares, someone other than its curator read it in its
// source against its metric's definition and recorded a verdict, the rule applied and the reason in both languages.
// The build holds each verdict to the row as compiled, so a review cannot say "same definition" of a row that was
// since moved, scoped, turned into a target or flagged, nor "target" of an outcome; and publishes them as a table.
//
// load: readReviews (once) · process: observeReviewed (each report as it is compiled) · save: finishReviews.
import type { Problem } from './problems.ts';
import type { SourceFile } from './read.ts';
import type { ValidReport } from './validate.ts';
import { readCsvRecords, validateRecords, type Located } from './csv.ts';
import { observationId, type Observation } from '../model/observation.ts';
import { reviewRowSchema, type PublishedReview, type ReviewRow } from '../model/review.ts';
import { AMBIGUOUS_FLAGS, leavesInDoubt, severity } from '../vocab/flags.ts';
import type { Verdict } from '../vocab/review.ts';

type Reviewed = Pick<Observation, 'observation_id' | 'metric_id' | 'kind' | 'scope' | 'flags'>;

export type ReviewLedger = {
  path: string;
  rows: Located<ReviewRow>[];
  /** The reviewed observations as compiled, kept as they pass (only those: the national table is never held). */
  found: Map<string, Reviewed>;
  /** Rows another row reads another way (alternative_to names them): the report gives two values of them. */
  readTwice: Set<string>;
};

/** Reads and checks data/reviews.csv (absent: no reviews); problems name its file, line and field. */
export function readReviews(file: SourceFile | null | undefined, metricIds: ReadonlySet<string>, problems: Problem[]): ReviewLedger {
  const ledger: ReviewLedger = { path: file?.path ?? 'data/reviews.csv', rows: [], found: new Map(), readTwice: new Set() };
  if (!file) return ledger;
  if (file.problem) {
    problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
    return ledger;
  }
  const parsed = readCsvRecords(file.text, file.path, Object.keys(reviewRowSchema.shape));
  problems.push(...parsed.problems);
  const { rows, problems: invalid } = validateRecords(parsed.records, reviewRowSchema, file.path);
  problems.push(...invalid);
  const first = new Map<string, number>();
  for (const row of rows) {
    const id = row.data.observation_id;
    if (first.has(id)) {
      problems.push({
        path: file.path,
        line: row.line,
        field: 'observation_id',
        message: `reviewed twice, first on line ${first.get(id)}: a new reading replaces the old one`,
        got: id,
      });
      continue;
    }
    first.set(id, row.line);
    if (metricIds.size && !metricIds.has(row.data.compared_in))
      problems.push({ path: file.path, line: row.line, field: 'compared_in', message: 'unknown metric', got: row.data.compared_in });
    ledger.rows.push(row);
  }
  return ledger;
}

/** Keeps what the verdicts are held to, for the reviewed rows of one compiled report. */
export function observeReviewed(ledger: ReviewLedger, report: Pick<ValidReport, 'meta' | 'figures'>, observations: readonly Observation[]): void {
  if (!ledger.rows.length) return;
  const wanted = new Set(ledger.rows.map((r) => r.data.observation_id));
  for (const o of observations)
    if (wanted.has(o.observation_id))
      ledger.found.set(o.observation_id, { observation_id: o.observation_id, metric_id: o.metric_id, kind: o.kind, scope: o.scope, flags: o.flags });
  for (const { data } of report.figures)
    for (const check of data.check) if (check.kind === 'alternative_to') ledger.readTwice.add(observationId(report.meta.report_id, check.ids[0]));
}

/** Every verdict held to its row; the published table when all hold. */
export function finishReviews(ledger: ReviewLedger): { reviews: PublishedReview[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const reviews: PublishedReview[] = [];
  for (const { line, data } of ledger.rows) {
    const o = ledger.found.get(data.observation_id);
    const at = (field: string, message: string, got: unknown) => problems.push({ path: ledger.path, line, field, message, got });
    if (!o) {
      at('observation_id', 'no such observation in the compiled data', data.observation_id);
      continue;
    }
    const mismatch = verdictMismatch(data.verdict, data.compared_in, o, ledger.readTwice.has(o.observation_id));
    if (mismatch) {
      at('verdict', mismatch, data.verdict);
      continue;
    }
    reviews.push({ ...data, metric_id: o.metric_id });
  }
  return { reviews, problems };
}

/** Why a verdict does not describe its row as compiled, or null. */
function verdictMismatch(verdict: Verdict, comparedIn: string, o: Reviewed, readTwice: boolean): string | null {
  const doubt = o.flags.filter(leavesInDoubt);
  switch (verdict) {
    case 'same_definition':
      if (o.metric_id !== comparedIn) return `says ${o.observation_id} is of ${comparedIn}'s definition, but it is published under ${o.metric_id}`;
      if (o.scope !== 'region' || (o.kind !== 'actual' && o.kind !== 'derived'))
        return `says ${o.observation_id} compares, but it is a ${o.kind} for ${o.scope}; a compared row is a whole-region outcome`;
      if (doubt.length || readTwice) return `says ${o.observation_id} compares, but it is flagged ${doubt.join(';') || 'as read two ways (alternative_to)'}`;
      return null;
    case 'different_definition':
      return o.metric_id === comparedIn
        ? `says ${o.observation_id} is of another definition, but it is still published under ${comparedIn}: move it to a metric of its own`
        : null;
    case 'target':
      return o.kind === 'target' || o.kind === 'plan' ? null : `says ${o.observation_id} is a target, but its kind is ${o.kind}`;
    case 'part':
      return o.scope !== 'region' ? null : `says ${o.observation_id} covers part of the region, but its scope is region: give it the part's scope`;
    case 'unclear':
      return o.flags.some((f) => (AMBIGUOUS_FLAGS as readonly string[]).includes(f))
        ? null
        : `says ${o.observation_id} is unclear, but it carries no ${AMBIGUOUS_FLAGS.join(', ')} flag`;
    case 'contradicted':
      return readTwice || o.flags.some((f) => severity(f) === 'contradiction' || f === 'alternative_value')
        ? null
        : `says ${o.observation_id} is contradicted, but no check of its report fails and no other row reads it another way (alternative_to)`;
  }
}
