// npm run bench:extract — how often npm run extract's guesses of metric and kind are right, measured by
// leave-one-report-out over the curated reports: for each report, every guesser is built from the other reports
// only (the keyword guesser from the keywords of metrics those reports use; the learned one from their figures)
// and scored on the held-out report's curated figures. Prints per report and overall; --json writes the numbers.
import { writeFileSync } from 'node:fs';
import { compileDataset } from '../src/pipeline/compile.ts';
import { readDataset } from '../src/pipeline/read.ts';
import { guessKind, guessMetric, keywordIndex } from '../src/text/guess.ts';
import { LearnedGuesser, type Example } from '../src/text/learn.ts';
import { sentenceAround } from '../src/text/mentions.ts';
import { commandLine, usageErrors } from './lib/args.ts';

const { values: cli } = usageErrors('bench:extract', () => commandLine({ json: { type: 'string' } }));

const { compiled, problems } = compileDataset(readDataset(process.env.DATA_DIR ?? 'data'));
if (!compiled) throw new Error(`${problems.length} problems in the data: run npm run data`);
const metrics = new Map(compiled.metrics.map((m) => [m.metric_id, m]));

type Case = Example & { reportId: string; kind: string; sentence: string };
const cases: Case[] = [];
for (const report of compiled.reports) {
  const text = report.source;
  // code-point offsets → string indexes
  const index: number[] = [];
  let at = 0;
  for (const ch of text) {
    index.push(at);
    at += ch.length;
  }
  index.push(at);
  for (const o of compiled.observations) {
    if (o.report_id !== report.report_id || o.kind === 'derived' || o.figure_start === null) continue;
    const [start, end] = [index[o.figure_start]!, index[o.figure_end!]!];
    const sentence = sentenceAround(text, start, end);
    cases.push({
      reportId: o.report_id,
      metricId: o.metric_id,
      unitBase: o.unit_base,
      kind: o.kind,
      before: text.slice(sentence.start, start),
      sentence: sentence.text,
    });
  }
}

type Score = { figures: number; seen: number; keyword: number; learned: number; combined: number; kind: number };
const rows: [string, Score][] = [];
for (const report of compiled.reports) {
  const held = cases.filter((c) => c.reportId === report.report_id);
  const train = cases.filter((c) => c.reportId !== report.report_id);
  const known = new Set(train.map((c) => c.metricId));
  const keywords = keywordIndex([...known].map((id) => metrics.get(id)!).filter(Boolean));
  const learned = new LearnedGuesser(train);
  const score: Score = { figures: held.length, seen: 0, keyword: 0, learned: 0, combined: 0, kind: 0 };
  for (const c of held) {
    if (known.has(c.metricId)) score.seen++;
    const k = guessMetric(c.before, c.unitBase, keywords);
    const l = learned.guess(c.before, c.unitBase);
    if (k === c.metricId) score.keyword++;
    if (l === c.metricId) score.learned++;
    // the dictionary's keywords first, the learned guess where they say nothing
    if ((k || l) === c.metricId) score.combined++;
    if (guessKind(c.sentence) === c.kind) score.kind++;
  }
  rows.push([report.report_id, score]);
}
const total = rows.reduce<Score>(
  (s, [, r]) => ({
    figures: s.figures + r.figures,
    seen: s.seen + r.seen,
    keyword: s.keyword + r.keyword,
    learned: s.learned + r.learned,
    combined: s.combined + r.combined,
    kind: s.kind + r.kind,
  }),
  { figures: 0, seen: 0, keyword: 0, learned: 0, combined: 0, kind: 0 },
);
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const line = (id: string, r: Score) =>
  `| ${id} | ${r.figures} | ${pct(r.seen, r.figures)} | ${pct(r.keyword, r.figures)} | ${pct(r.learned, r.figures)} | ${pct(r.combined, r.figures)} | ${pct(r.kind, r.figures)} |`;
console.log('Extraction guesses, leave-one-report-out (each report scored by guessers built from the other reports)\n');
console.log('| held-out report | figures | metric used elsewhere (ceiling) | metric: keywords | metric: learned | metric: keywords, then learned | kind |');
console.log('|---|---|---|---|---|---|---|');
for (const [id, r] of rows) console.log(line(id, r));
console.log(line('**all**', total));
if (cli.json) writeFileSync(cli.json, `${JSON.stringify({ reports: Object.fromEntries(rows), total }, null, 2)}\n`);
