// Provenance: source.txt is cut verbatim from the snapshot, each quote occurs once in source.txt, and the figure in
// the quote reads as the curated value; a proven figure is located by code-point offsets.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { proveFigure, proveSource, sourceLineEdges } from '../../src/pipeline/provenance.ts';
import type { FigureRow } from '../../src/model/figure.ts';
import { FIGURES, SOURCE, validFixture, type FixtureFiles } from '../fixtures/dataset.ts';

const FIGURES_PATH = 'reports/004-zhangdian-2019/figures.csv';
const proven = (files: FixtureFiles = {}, over: Partial<FigureRow> = {}, id = 'f001') => {
  const { raw, report, problems } = validFixture(files);
  expect(problems).toEqual([]);
  const snapshots = raw.snapshots;
  const { data, line } = report!.figures.find((f) => f.data.id === id)!;
  const proof = proveFigure({ ...data, ...over }, line, report!, sourceLineEdges(report!, snapshots));
  return { ...proof, messages: [...proveSource(report!, snapshots), ...proof.problems].map(formatProblem) };
};

describe('a proven figure', () => {
  it('is located in source.txt by code-point offsets of its quote and its figure', () => {
    const chars = Array.from(SOURCE);
    const { report } = validFixture();
    for (const { data, line } of report!.figures) {
      const { located, problems } = proveFigure(data, line, report!);
      expect(problems).toEqual([]);
      expect(chars.slice(located!.quote_start, located!.quote_end).join('')).toBe(data.quote);
      expect(chars.slice(located!.figure_start, located!.figure_end).join('')).toBe(data.figure_text);
    }
  });
});

describe('a figure that is not proven', () => {
  it('names a quote that is not in the source', () => {
    const { located, messages } = proven({}, { quote: '投资18亿元的9所中小学建设顺利推进' });
    expect(located).toBeNull();
    expect(messages).toEqual([`${FIGURES_PATH}:2: quote: does not occur verbatim in source.txt (got "投资18亿元的9所中小学建设顺利推进")`]);
  });

  it('names a value that does not match its quote, so a typo cannot slip in', () => {
    expect(proven({}, { value: '1.8' }).messages).toEqual([`${FIGURES_PATH}:2: value: does not match the figure in the quote (18) (got "1.8")`]);
  });

  it('names a quote that occurs twice and a figure that is not in its quote', () => {
    expect(proven({}, { quote: '投资' }).messages).toEqual([
      `${FIGURES_PATH}:2: quote: occurs 2 times in source.txt; quote more of the sentence (got "投资")`,
      `${FIGURES_PATH}:2: figure_text: does not occur in the quote (got "18亿元")`,
    ]);
  });

  it('names a unit and a qualifier that the figure in the quote does not have', () => {
    expect(proven({}, { unit: '万元', qualifier: 'approx' }).messages).toEqual([
      `${FIGURES_PATH}:2: unit: does not match the figure in the quote (亿元) (got "万元")`,
      `${FIGURES_PATH}:2: qualifier: does not match the figure in the quote (none) (got "approx")`,
    ]);
  });
});

describe('source.txt', () => {
  it('is refused where a line is not in the snapshot', () => {
    const edited = SOURCE.replace('稳步推进', '顺利推进');
    const { messages } = proven({ source: edited, figures: FIGURES.replaceAll('稳步推进', '顺利推进') });
    expect(messages.join('\n')).toMatch(/source\.txt:4: \(text\): is not verbatim in data\/snapshots\/004_0000\.txt/);
  });
});
