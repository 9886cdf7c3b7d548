// Recall of the extractor on the curated reports: every curated figure should be among its candidates at the
// same place. The failure message lists the misses.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/text/mentions.ts';
import { codePointOffset } from '../../src/lib/offsets.ts';
import { realDataset } from '../real-dataset.ts';

const { compiled } = realDataset();

describe('extractor recall on the curated reports', () => {
  for (const report of compiled?.reports ?? []) {
    it(`finds every curated figure of ${report.report_id}`, () => {
      const spans = findMentions(report.source)
        .filter((m) => m.category === 'figure' || m.category === 'range' || m.category === 'unreadable')
        .map((m) => [codePointOffset(report.source, m.start), codePointOffset(report.source, m.end)]);
      const curated = compiled!.observations.filter((o) => o.report_id === report.report_id && o.figure_start !== null);
      const misses = curated
        .filter((o) => !spans.some(([a, b]) => a! < o.figure_end! && o.figure_start! < b!))
        .map((o) => `${o.observation_id}: ${o.figure_text}`);
      expect(misses).toEqual([]);
    });
  }
});
