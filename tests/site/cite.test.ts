// A figure's citation names its report, bureau, the sentence's place, the dataset version and the permalink; the
// "report a wrong figure" link carries the figure and is absent without a repository.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureCitations, lineFinder, reportCitations } from '../../src/site/cite.ts';
import { issueUrl, repositoryUrl, shortIssueUrl } from '../../src/site/issue.ts';

const report = {
  report_id: '004-zhangdian-2019',
  heading_zh: '张店区教育和体育局 2019 年工作总结',
  heading_en: 'Education and sports bureau of Zhangdian District, Zibo: work summary for 2019',
  bureau: '张店区教育和体育局',
  bureau_en: 'Zhangdian District Education and Sports Bureau',
  year: 2019,
};
const figure = { observation_id: '004-zhangdian-2019-f001', quote_start: 219, quote_end: 248, figure_text: '36名' };
const permalink = 'https://example.org/reports/004-zhangdian-2019/#obs-004-zhangdian-2019-f001';
const version = { version: '2.0.0', date: '2026-12-01' };

describe('citations', () => {
  it('gives GB/T 7714, APA and BibTeX from the report’s fields, the sentence’s line and characters, the version and the permalink', () => {
    const c = figureCitations(figure, report, 7, version, permalink);
    expect(c.gbt).toBe(
      `张店区教育和体育局. 张店区教育和体育局 2019 年工作总结[R/OL]//bureau-atlas 贡献者. 教育局数据图谱：地方教育局工作报告中的数字[DS/OL]. 2.0.0 版. 2019: 第 7 行，字符 219–248“36名”[2026-12-01]. ${permalink}.`,
    );
    expect(c.apa).toBe(
      `Zhangdian District Education and Sports Bureau. (2019). Education and sports bureau of Zhangdian District, Zibo: work summary for 2019 [张店区教育和体育局 2019 年工作总结] (line 7, characters 219–248: “36名”). In bureau-atlas contributors, Bureau Atlas: figures from Chinese local education bureaus’ work reports (Version 2.0.0 (2026-12-01)) [Data set]. ${permalink}`,
    );
    expect(c.bibtex.split('\n')).toEqual([
      '@misc{004_zhangdian_2019_f001,',
      '  author = {{张店区教育和体育局}},',
      '  title = {张店区教育和体育局 2019 年工作总结},',
      '  year = {2019},',
      '  howpublished = {bureau-atlas dataset, version 2.0.0 (2026-12-01)},',
      '  note = {line 7, characters 219–248: 36名; observation 004-zhangdian-2019-f001},',
      `  url = {${permalink}}`,
      '}',
    ]);
  });

  it('says the year is unknown rather than inventing one, and cites a report without a line', () => {
    const c = reportCitations({ ...report, year: null }, version, 'https://example.org/reports/x/');
    expect(c.gbt).toContain('2.0.0 版. 出版年不详[2026-12-01]');
    expect(c.apa).toContain('(n.d.)');
    expect(c.bibtex).not.toContain('year =');
  });

  it('gives no address where the site has none configured, rather than a wrong one', () => {
    const figure_ = figureCitations(figure, report, 7, version, null);
    const whole = reportCitations(report, version, null);
    for (const c of [figure_, whole]) {
      expect(c.gbt).toMatch(/\[2026-12-01\]\.$/);
      expect(c.apa).toMatch(/\[Data set\]\.$/);
      expect(c.bibtex).not.toContain('url =');
      expect(`${c.gbt}${c.apa}${c.bibtex}`).not.toMatch(/undefined|null|https?:/);
    }
  });

  it('counts lines in code points, as the published offsets do', () => {
    const line = lineFinder('𠀀a\nb\n\nc');
    expect([0, 2, 3, 5, 6].map(line)).toEqual([1, 1, 2, 3, 4]);
  });
});

describe('report a wrong figure', () => {
  it('prefills the title and a body with the observation id, value, quote and page', () => {
    const url = issueUrl('https://github.com/o/r', {
      observation_id: figure.observation_id,
      quote: '选拔36名同志&组成#巡回组',
      figure_text: '36名',
      value: '36 people',
      metric: 'research_staff_deployed',
      page: permalink,
      version: '2.0.0',
    });
    const query = new URL(url).searchParams;
    expect(url.startsWith('https://github.com/o/r/issues/new?')).toBe(true);
    expect(query.get('title')).toBe('Wrong figure: 004-zhangdian-2019-f001');
    expect(query.get('body')).toContain('Observation: 004-zhangdian-2019-f001');
    expect(query.get('body')).toContain('Published value: 36 people (figure as written: 36名)');
    expect(query.get('body')).toContain('Quote: 「选拔36名同志&组成#巡回组」');
    expect(query.get('body')).toContain(`Page: ${permalink}`);
  });

  it('names the figure by its id only from a report page, at a fraction of the prefilled address', () => {
    const f = { observation_id: figure.observation_id, page: permalink, version: '2.0.0' };
    const url = shortIssueUrl('https://github.com/o/r', f);
    const query = new URL(url).searchParams;
    expect(query.get('title')).toBe('Wrong figure: 004-zhangdian-2019-f001');
    expect(query.get('body')).toContain('Observation: 004-zhangdian-2019-f001');
    expect(query.get('body')).toContain('Dataset version: 2.0.0');
    const full = issueUrl('https://github.com/o/r', {
      ...f,
      quote: '选拔36名同志组成巡回组'.repeat(4),
      figure_text: '36名',
      value: '36 people',
      metric: 'research_staff_deployed',
    });
    expect(url.length).toBeLessThan(full.length / 2);
  });

  it('takes the repository from REPO_URL, else CITATION.cff, and has none when neither names one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cff-'));
    expect(repositoryUrl({}, dir)).toBeNull();
    writeFileSync(join(dir, 'CITATION.cff'), 'cff-version: 1.2.0\nrepository-code: "https://github.com/o/r/"\n');
    expect(repositoryUrl({}, dir)).toBe('https://github.com/o/r');
    expect(repositoryUrl({ REPO_URL: 'https://github.com/x/y' }, dir)).toBe('https://github.com/x/y');
  });
});

describe('BibTeX of hostile and real text', () => {
  // What LaTeX would read as markup once the escapes this module writes are taken out.
  const unescaped = (value: string) => value.replace(/\\(?:textbackslash|textbraceleft|textbraceright|textasciicircum|textasciitilde)\{\}|\\[%_&#$]/g, '');
  const fields = (entry: string) =>
    entry
      .split('\n')
      .slice(1, -1)
      .map((line) => /^ {2}\w+ = \{(.*)\},?$/.exec(line)![1]!);
  const balanced = (value: string) => {
    let depth = 0;
    for (const c of value) if ((depth += c === '{' ? 1 : c === '}' ? -1 : 0) < 0) return false;
    return depth === 0;
  };

  it('escapes % _ & # $ { } \\ ^ ~ where they are text, and keeps every field’s braces balanced', () => {
    const hostile = { ...report, bureau: '____区教育局 {R&D} \\ 100% #1 $5 ^ ~' };
    const c = figureCitations(
      { ...figure, quote_start: 10, quote_end: 20, figure_text: '80%}; @misc{x' },
      hostile,
      3,
      { version: '1.0.0', date: '' },
      'https://example.org/reports/x/#obs-f001',
    );
    for (const value of fields(c.bibtex).slice(0, -1)) {
      expect(unescaped(value).replace(/^\{|\}$/g, '')).not.toMatch(/[%_&#$^~\\]|[{}]/);
      expect(balanced(value)).toBe(true);
    }
    expect(c.bibtex).toContain(
      'author = {{\\_\\_\\_\\_区教育局 \\textbraceleft{}R\\&D\\textbraceright{} \\textbackslash{} 100\\% \\#1 \\$5 \\textasciicircum{} \\textasciitilde{}}},',
    );
    expect(c.bibtex).toContain('note = {line 3, characters 10–20: 80\\%\\textbraceright{}; @misc\\textbraceleft{}x; observation');
    expect(c.bibtex.match(/^@/gm)).toHaveLength(1);
  });
});
