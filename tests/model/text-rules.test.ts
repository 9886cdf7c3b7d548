// Curation prose is written in both languages or in neither: a page shows the reader's language and never falls back
// to the other, so a note in one language only would leave one edition without it. npm run data refuses such a row
// at its file, line and field, with every other problem of the same run, and publishes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingLanguageProblems, textProblem } from '../../src/model/text-rules.ts';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { FIGURES, REGIONS, reportJson, writeDataset } from '../fixtures/dataset.ts';

const REPORT = 'reports/004-zhangdian-2019';
// A real note of the dataset (004-zhangdian-2019 f002) and its Chinese.
const NOTE = { en: 'Roving supervision groups (巡回督导组) for the theme education; 36 staff, 3 per group.', zh: '主题教育巡回督导组；共36人，每组3人。' };
const REFERENCE_HEADER = 'measure,metric_id,year,value,unit,document,publisher,published,note_zh,note_en';
const reference = (zh: string, en: string) =>
  `${REFERENCE_HEADER}\npreschool_gross_enrolment_rate,preschool_gross_enrolment_rate,2018,81.7,%,2019年全国教育事业发展统计公报,教育部,2020-05-20,${zh},"${en}"\n`;
const figureNote = (zh: string, en: string) => FIGURES.replace(/^(f002,.*),,$/m, `$1,${zh},"${en}"`);

/** The fixture dataset with its national reference table, optionally changed. */
function dataset(files: Parameters<typeof writeDataset>[0] & { reference?: string } = {}) {
  const dir = writeDataset(files);
  mkdirSync(join(dir, 'reference'));
  writeFileSync(join(dir, 'reference', 'national.csv'), files.reference ?? reference('2019年数值为83.4%。', '2019 value 83.4%'));
  return dir;
}
const messages = (dir: string) => compileDataset(readDataset(dir, dir)).problems.map(formatProblem);

describe('prose in both languages', () => {
  it('names the empty twin of a field written in one language, in either direction', () => {
    expect(missingLanguageProblems({ note_zh: '', note_en: NOTE.en })).toEqual([
      { field: 'note_zh', message: expect.stringMatching(/^is empty, but note_en is not/) },
    ]);
    expect(missingLanguageProblems({ reasoning_zh: NOTE.zh, reasoning_en: '  ' })).toEqual([
      { field: 'reasoning_en', message: expect.stringMatching(/^is empty, but reasoning_zh is not/) },
    ]);
  });

  it('accepts both languages or neither, and a name in English beside the report’s own Chinese', () => {
    expect(missingLanguageProblems({ note_zh: NOTE.zh, note_en: NOTE.en, notes_zh: '', notes_en: '' })).toEqual([]);
    // scope and title are the report's own Chinese: scope_en and title_en are their English names, not halves of a pair
    expect(missingLanguageProblems({ scope: 'region', scope_en: 'special-post scheme', title: '', title_en: 'Work summary' })).toEqual([]);
  });

  it('publishes a fixture whose prose is in both languages', () => {
    const dir = dataset({
      figures: figureNote(NOTE.zh, NOTE.en),
      report: reportJson({ notes_zh: '仅供测试。', notes_en: 'For the tests only.' }),
    });
    const { compiled, problems } = compileDataset(readDataset(dir, dir));
    expect(problems).toEqual([]);
    expect(compiled!.observations.find((o) => o.observation_id.endsWith('f002'))).toMatchObject({ note_zh: NOTE.zh, note_en: NOTE.en });
    expect(compiled!.reference[0]).toMatchObject({ note_zh: '2019年数值为83.4%。', note_en: '2019 value 83.4%' });
  });

  it('refuses a note, a reasoning, a report note and a reference note in one language, each at its file, line and field, in one run', () => {
    const dir = dataset({
      figures: figureNote('', NOTE.en).replace(/^(f001,school_construction_investment,2019,actual,)18,/m, '$1十八,'),
      regions: REGIONS.replace('标题写明该区。,', ','),
      report: reportJson({ year_reasoning_zh: '标题写明年份。', year_reasoning_en: '', notes_zh: '', notes_en: 'For the tests only.' }),
      reference: reference('2019年数值为83.4%。', ''),
    });
    const rule = '(every text of data/ is written in both languages or in neither)';
    expect(messages(dir)).toEqual([
      `reference/national.csv:2: note_en: is empty, but note_zh is not: give its English too ${rule}`,
      `regions.csv:2: reasoning_zh: is empty, but reasoning_en is not: give its Chinese too ${rule}`,
      `${REPORT}/figures.csv:2: value: must be a number in ASCII digits, like 13.7 (got "十八")`,
      `${REPORT}/figures.csv:3: note_zh: is empty, but note_en is not: give its Chinese too ${rule}`,
      `${REPORT}/report.json:16: year_reasoning_en: is empty, but year_reasoning_zh is not: give its English too ${rule}`,
      `${REPORT}/report.json:21: notes_zh: is empty, but notes_en is not: give its Chinese too ${rule}`,
    ]);
  });
});

describe('invisible and right-to-left characters', () => {
  it('refuses bidirectional controls, zero-width characters, right-to-left letters and lone surrogates, naming where', () => {
    expect(textProblem('name_en', 'Boshan\u202e (2019)')).toBe(
      'contains the invisible format character U+202E at character 7 (a bidirectional control, zero-width character or similar); data/ text holds none',
    );
    for (const c of ['\u200b', '\u200d', '\u2060', '\u2066', '\u2069', '\u200f', '\ufeff', '\u00ad'])
      expect(textProblem('note_zh', `投资1${c}8亿元`)).toMatch(/^contains the invisible format character U\+/);
    expect(textProblem('name_zh', '学校 שלום 2019')).toMatch(/^contains the right-to-left letter U\+05E9 at character 4/);
    expect(textProblem('title', 'x\ud800y')).toMatch(/^contains a lone surrogate U\+D800 at character 2/);
    // A character outside the BMP is a surrogate pair, not a lone surrogate.
    expect(textProblem('title', '𠀀 (CJK Extension B)')).toBeNull();
  });

  it('refuses a region name with U+202E at its file, line and field, with the rest of the run', () => {
    const dir = dataset({ regions: REGIONS.replace('Zhangdian', 'Zhangdian\u202e') });
    expect(messages(dir)).toEqual([expect.stringMatching(/^regions\.csv:2: name_en: contains the invisible format character U\+202E/)]);
  });

  it('refuses a lone surrogate in report.json, which JSON would publish as \\ud800 and CSV as U+FFFD', () => {
    const dir = dataset({ report: reportJson({ title_en: 'Work summary \ud800' }) });
    expect(messages(dir)).toEqual([expect.stringMatching(/report\.json:\d+: title_en: contains a lone surrogate U\+D800/)]);
  });
});
