// The compile step as one pure function of the data folder's texts: validate → prove provenance → normalise →
// cross-check and derive. I/O stays in read.ts and publish.ts (writers.ts, staging.ts). compileStream works one
// report at a time, so a national dataset never has to be held (npm run data); compileDataset is the same run
// collected in memory.
import type { Problem } from './problems.ts';
import { sortProblems } from './problems.ts';
import type { DatasetSource, RawDataset } from './read.ts';
import { validateReport, validateTables, type ValidReport } from './validate.ts';
import { proveFigure, proveSource, sourceLineEdges } from './provenance.ts';
import { normaliseFigure, type Normal } from './normalise.ts';
import { runChecks, type Rounded } from './checks.ts';
import { checksFields } from './build-notes.ts';
import { deriveGrowth } from './derive.ts';
import { reportCoverage, type Coverage } from './coverage.ts';
import { checkAmbiguity } from './ambiguity.ts';
import type { Metric } from '../model/metric.ts';
import type { Region } from '../model/region.ts';
import { observationId, type Observation } from '../model/observation.ts';
import type { ReportMeta } from '../model/report.ts';
import type { ReferenceRow } from '../model/reference.ts';
import { resolvePeriod } from '../model/period.ts';
import { unitInfo, writtenDecimals } from '../text/figure.ts';
import { readReleases, type ReleaseHistory } from './release/history.ts';
import { derivePerUnit, finishPerUnit, perUnitMetrics, readPerUnit } from './per-unit.ts';
import { finishReviews, observeReviewed, readReviews } from './reviews.ts';
import type { PublishedReview } from '../model/review.ts';

export type CompiledReport = ReportMeta &
  Coverage & {
    /** The report's period with a relative one resolved, as observations carry it. */
    period_resolved: string;
    source: string;
    observation_count: number;
    skipped_count: number;
  };

export type Compiled = {
  metrics: Metric[];
  regions: Region[];
  reports: CompiledReport[];
  observations: Observation[];
  reference: ReferenceRow[];
  /** Releases of data/releases/, oldest first: the dataset's version and changelog come from them. */
  releases: ReleaseHistory;
  /** Second readings of compared rows (data/reviews.csv), each held to its row. */
  reviews: PublishedReview[];
};

/** Natural order of local ids, so f2 sorts before f10 whatever the curator's padding. */
// One collator for all comparisons: a.localeCompare(b, 'en', { numeric: true }) builds one per call.
const localOrder = new Intl.Collator('en', { numeric: true });
function byLocalOrder(a: string, b: string): number {
  return localOrder.compare(a, b);
}

function compileReport(
  report: ValidReport,
  metrics: Map<string, Metric>,
  snapshots: Pick<ReadonlyMap<string, string>, 'get'>,
  regionBasis: Region['basis'] | undefined,
) {
  const problems: Problem[] = proveSource(report, snapshots);
  const normals = new Map<string, Normal>();
  const rounded = new Map<string, Rounded>();
  const edges = sourceLineEdges(report, snapshots);
  for (const { line, data: row } of report.figures) {
    const proof = proveFigure(row, line, report, edges);
    problems.push(...proof.problems);
    const metric = metrics.get(row.metric_id);
    if (!metric) continue;
    const result = normaliseFigure(row, line, proof.located, report, metric, regionBasis);
    problems.push(...result.problems);
    if (!result.normal) continue;
    const exponent = unitInfo(row.unit)?.exponent ?? 0;
    const halfUlp = 0.5 * 10 ** (exponent - writtenDecimals(row.value));
    normals.set(row.id, result.normal);
    rounded.set(row.id, { obs: result.normal.observation, halfUlp, line });
  }
  const checked = runChecks(
    report.figures.map((f) => f.data),
    rounded,
    report.figuresPath,
  );
  const ties = checkAmbiguity(report.figures, new Map([...normals].map(([id, n]) => [id, n.observation])), report.figuresPath);
  problems.push(...checked.problems, ...ties.problems);

  // Each observation's flags and notes, once, from the curator's flags and what every stage found.
  const flags = new Map([...normals].map(([id, n]) => [id, new Set<string>(n.flags)]));
  const notes = new Map([...normals].map(([id, n]) => [id, [...n.notes]]));
  for (const finding of checked.findings)
    for (const id of finding.rows) {
      notes.get(id)!.push(finding.note);
      if (finding.flag) flags.get(id)!.add(finding.flag);
    }
  for (const [id, flag] of ties.flags) flags.get(id)!.add(flag);
  const rowFlags = new Map(report.figures.map((f) => [f.data.id, f.data.flags]));
  const observations: Observation[] = [...normals.entries()]
    .sort(([a], [b]) => byLocalOrder(a, b))
    .map(([id, n]) => ({
      ...n.observation,
      flags: [...new Set([...rowFlags.get(id)!, ...flags.get(id)!])].sort(),
      ...checksFields(notes.get(id)!),
    }));
  // The pairs a curated change already relates, so growth is not derived for them again.
  const curatedChanges = checked.findings
    .filter((f) => f.relation.kind === 'change_of' || f.relation.kind === 'decrease_of')
    .map((f) => [observationId(report.meta.report_id, f.relation.ids[0]!), observationId(report.meta.report_id, f.relation.ids[1]!)] as const);
  const { coverage, problems: coverageProblems } = reportCoverage(report, observations);
  problems.push(...coverageProblems);
  return { observations, coverage, problems, curatedChanges };
}

function publishedReportOf(report: ValidReport, result: ReturnType<typeof compileReport>): CompiledReport {
  return {
    ...report.meta,
    period_resolved: resolvePeriod(report.meta.period, report.meta.year).period,
    source: report.source,
    ...result.coverage,
    observation_count: result.observations.length,
    skipped_count: report.skipped.length,
  };
}

/**
 * The whole dataset in memory: compileStream with a sink that keeps everything, so both entry points share one
 * path and give the same output by construction.
 */
export function compileDataset(raw: RawDataset): { compiled: Compiled | null; problems: Problem[] } {
  const byFolder = new Map(raw.reports.map((r) => [r.folder, r]));
  const source: DatasetSource = {
    metrics: raw.metrics,
    regions: raw.regions,
    reference: raw.reference,
    folders: [...byFolder.keys()],
    report: (folder) => byFolder.get(folder)!,
    snapshot: (name) => raw.snapshots.get(name),
    snapshotProblem: (name) => raw.snapshotProblems?.get(name),
    releases: raw.releases,
    reviews: raw.reviews,
    perUnit: raw.perUnit,
  };
  const reports: CompiledReport[] = [];
  const observations: Observation[] = [];
  const ended: DatasetTables[] = [];
  const { problems } = compileStream(source, {
    report(report, list) {
      reports.push(report);
      observations.push(...list);
    },
    end(tables) {
      ended.push(tables);
    },
  });
  const [tables] = ended;
  if (problems.length || !tables) return { compiled: null, problems };
  return { compiled: { ...tables, reports, observations }, problems: [] };
}

/** What the publishing side receives from compileStream. */
export type DatasetTables = Pick<Compiled, 'metrics' | 'regions' | 'reference' | 'releases' | 'reviews'>;
export type DatasetSink = {
  /** Each report once compiled, in report id order, with its observations in published order (derived last). */
  report(report: CompiledReport, observations: readonly Observation[]): void;
  /** Called once every report has been handed over, and only if there was no problem at all. */
  end(tables: DatasetTables): void;
};

/**
 * compileDataset one report at a time: each report is read, validated, proven, normalised and derived, handed to
 * the sink and dropped, so memory holds one report and the dictionary tables. Growth is derived within a report
 * (a report's value and its prior-year value), so deriving report by report gives what deriving over all does.
 * After the first problem reports are still checked, to list every problem, but no longer handed to the sink.
 */
export function compileStream(source: DatasetSource, sink: DatasetSink): { problems: Problem[]; observations: number; derived: number; reports: number } {
  const { tables, problems } = validateTables(source, (name) => source.snapshot(name));
  const releases = source.releases ? readReleases(source.releases, problems) : [];
  const metrics = new Map(tables.metrics.map((m) => [m.metric_id, m]));
  const perUnit = readPerUnit(source.perUnit, metrics, problems);
  const reviews = readReviews(source.reviews, tables.metricIds, problems);
  const snapshots = { get: (name: string) => source.snapshot(name) };
  const regionBasis = new Map(tables.regions.map((r) => [r.region_id, r.basis]));
  const reportIds = new Set<string>();
  const unreadableSeeds = new Set<string>();
  const newMetrics = new Map<string, Metric>();
  let observationCount = 0;
  let derivedCount = 0;
  let reportCount = 0;
  for (const folder of source.folders) {
    const report = validateReport(source.report(folder), tables, reportIds, problems);
    if (!report) continue;
    // an unreadable seed file is one problem, named once, not a failed proof of every line cut from it
    const seedProblem = source.snapshotProblem?.(report.meta.seed_file);
    if (seedProblem !== undefined) {
      if (!unreadableSeeds.has(report.meta.seed_file))
        problems.push({ path: `data/snapshots/${report.meta.seed_file}`, line: 1, field: '(file)', message: seedProblem });
      unreadableSeeds.add(report.meta.seed_file);
      continue;
    }
    const result = compileReport(report, metrics, snapshots, regionBasis.get(report.meta.region_id));
    const unit = derivePerUnit(report, result.observations, perUnit, metrics);
    problems.push(...result.problems, ...unit.problems);
    if (problems.length) continue;
    const { derived: growth, newMetrics: more } = deriveGrowth(result.observations, metrics, result.curatedChanges);
    for (const m of more) if (!newMetrics.has(m.metric_id)) newMetrics.set(m.metric_id, m);
    const derived = [...growth, ...unit.derived];
    const published = [...result.observations, ...derived];
    observeReviewed(reviews, report, published);
    sink.report(publishedReportOf(report, result), published);
    observationCount += result.observations.length + derived.length;
    derivedCount += derived.length;
    reportCount++;
  }
  problems.push(...finishPerUnit(perUnit));
  const reviewed = problems.length ? null : finishReviews(reviews);
  if (reviewed) problems.push(...reviewed.problems);
  if (problems.length || !reviewed) return { problems: sortProblems(problems), observations: 0, derived: 0, reports: 0 };
  sink.end({
    metrics: perUnitMetrics([...tables.metrics, ...newMetrics.values()], perUnit).sort((a, b) => (a.metric_id < b.metric_id ? -1 : 1)),
    regions: [...tables.regions].sort((a, b) => (a.region_id < b.region_id ? -1 : 1)),
    reference: tables.reference.map((r) => r.data),
    releases,
    reviews: reviewed.reviews,
  });
  return { problems: [], observations: observationCount, derived: derivedCount, reports: reportCount };
}
