// The report page highlights a figure, not its sentence, when a reader arrives from the figure's card; spans not yet
// reviewed are read from the report's record; a figure standing for two observations says both in its title.
import { describe, expect, it } from 'vitest';
import { figureTitle, reviewSpans, withFigure } from '../../src/site/report-page.ts';
import type { Segment } from '../../src/site/report-text.ts';

describe('reviewSpans', () => {
  it('reads each span as its start and end offsets', () => {
    expect(reviewSpans(['120-180', '5-9'])).toEqual([
      [120, 180],
      [5, 9],
    ]);
    expect(reviewSpans([])).toEqual([]);
  });
});

describe('withFigure', () => {
  it('names the observations whose figure is marked, not those anchored only at their sentence', () => {
    const segments: Segment[] = [
      { kind: 'text', pieces: [{ text: '前言', figureOf: [] }] },
      {
        kind: 'quote',
        anchors: ['a', 'b', 'c'],
        pieces: [
          { text: '支出', figureOf: [] },
          { text: '24亿元', figureOf: ['a', 'b'] },
        ],
      },
    ];
    expect([...withFigure(segments)].sort()).toEqual(['a', 'b']);
  });
});

describe('figureTitle', () => {
  it('gives one line per observation a figure stands for', () => {
    const figures = [
      { metric_id: 'education_expenditure', period: '2022', year: 2022, kind: 'actual' as const },
      { metric_id: 'education_budget', period: '2023', year: 2023, kind: 'plan' as const },
    ];
    expect(figureTitle(figures, (o) => [o.metric_id, o.period, o.kind])).toBe('education_expenditure · 2022 · actual\neducation_budget · 2023 · plan');
  });
});
