// npm run extract -- <file.txt> [--out path/figures.csv [--force]] [--all]
// Lists every numeric mention of a report with its offsets, normalised value, and guesses of metric and kind.
// Linear in the text: each mention's sentence is cut at SENTENCE_REACH characters, and rows are written in batches.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { findMentions, sentenceAround } from '../src/text/mentions.ts';
import { decodeReport } from '../src/text/decode.ts';
import { guessKind, guessMetric, keywordIndex } from '../src/text/guess.ts';
import { csvText, toCsv } from '../src/lib/csv.ts';
import { readCsvRecords, validateRecords } from '../src/pipeline/csv.ts';
import { metricSchema } from '../src/model/metric.ts';
import { codePointOffset } from '../src/lib/offsets.ts';
import { FIGURE_COLUMNS } from '../src/model/figure.ts';
import { dirname, resolve } from 'node:path';
import { writeError } from '../src/lib/write-error.ts';
import { commandLine, usageErrors } from './lib/args.ts';

const { values, positionals } = usageErrors('extract', () =>
  commandLine({ out: { type: 'string' }, all: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } }, undefined, true),
);
const file = positionals[0];
// a reader that stops early (| head) is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
const fail = (message: string): never => {
  console.error(`extract: ${message}`);
  process.exit(2);
};
if (!file) fail('usage: npm run extract -- <file.txt> [--out path/figures.csv [--force]] [--all]');
// a curated figures.csv is hours of review: a draft never replaces one unless asked to
if (values.out && existsSync(values.out) && statSync(values.out).isDirectory())
  fail(`--out ${values.out}: is a folder; name the file to write (path/figures.csv)`);
if (values.out && existsSync(values.out) && !values.force) fail(`${values.out} exists; a draft does not overwrite it (add --force to replace it)`);
if (values.out && !existsSync(dirname(resolve(values.out)))) fail(`--out ${values.out}: the folder ${dirname(values.out)} does not exist`);
if (!existsSync(file!)) fail(`${file}: no such file`);
if (statSync(file!).isDirectory()) fail(`${file}: is a folder, not a file`);
// a FIFO or a device would be read until it ends, which it may never do
if (!statSync(file!).isFile()) fail(`${file}: is not a regular file (a pipe, socket or device); save the report's text to a file first`);
let bytes: Uint8Array;
try {
  bytes = readFileSync(file!);
} catch (error) {
  fail(`${file}: cannot be read (${(error as Error).message})`);
}
const decoded = decodeReport(bytes!);
if (!decoded.ok) fail(`${file}: ${decoded.message}`);
const text = (decoded as { text: string }).text;

const metricsFile = process.env.METRICS ?? 'data/metrics.csv';
const metrics = existsSync(metricsFile)
  ? validateRecords(readCsvRecords(readFileSync(metricsFile, 'utf8'), metricsFile, []).records, metricSchema, metricsFile).rows.map((r) => r.data)
  : [];
const keywords = keywordIndex(metrics);

const row = (m: ReturnType<typeof findMentions>[number]) => {
  const sentence = sentenceAround(text, m.start, m.end);
  return {
    start: codePointOffset(text, m.start),
    end: codePointOffset(text, m.end),
    text: m.text,
    category: m.category,
    value: m.valueText,
    unit: m.unit,
    value_base: m.valueBase,
    unit_base: m.unitBase,
    qualifier: m.qualifier,
    metric_guess: m.unitBase ? guessMetric(text.slice(sentence.start, m.start), m.unitBase, keywords) : '',
    kind_guess: guessKind(sentence.text),
    context: sentence.text,
  };
};
const mentions = findMentions(text).filter((m) => values.all || m.category === 'figure' || m.category === 'range' || m.category === 'unreadable');

if (values.out) {
  // A draft in the curated format: quotes are verbatim sentences; every guess is for a curator to confirm.
  const draft = mentions
    .filter((m) => m.category === 'figure')
    .map(row)
    .map((r, i) => ({
      id: `f${String(i + 1).padStart(3, '0')}`,
      metric_id: r.metric_guess,
      period: 'Y',
      kind: r.kind_guess,
      value: r.value,
      unit: r.unit,
      qualifier: r.qualifier,
      figure_text: r.text,
      quote: r.context,
      scope: 'region',
      scope_en: '',
      check: '',
      flags: '',
      note_zh: '',
      note_en: '',
    }));
  // A draft is a curator's source file, read back by npm run data: quotes stay verbatim, never prefixed with '.
  try {
    writeFileSync(
      values.out,
      csvText(
        FIGURE_COLUMNS,
        draft.map((r) => FIGURE_COLUMNS.map((c) => r[c])),
      ),
    );
  } catch (error) {
    fail(`--out ${values.out}: cannot be written (${writeError(error)})`);
  }
  console.error(`extract: ${draft.length} figures drafted in ${values.out}; review every metric_id, period and kind`);
} else {
  const columns = [
    'start',
    'end',
    'text',
    'category',
    'value',
    'unit',
    'value_base',
    'unit_base',
    'qualifier',
    'metric_guess',
    'kind_guess',
    'context',
  ] as const;
  // in batches, so that the output of a 20 MB text is never one string
  for (let i = 0; i < mentions.length || i === 0; i += 1000) {
    const csv = toCsv(mentions.slice(i, i + 1000).map(row), columns);
    // waiting for the reader keeps memory bounded when the output goes to a slow pipe
    if (!process.stdout.write(i === 0 ? csv : csv.slice(csv.indexOf('\n') + 1))) await once(process.stdout, 'drain');
  }
}
