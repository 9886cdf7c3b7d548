// The README's "add a report" walkthrough, run on a synthetic report that is not one of the seeds.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeDataset, reportJson } from '../fixtures/dataset.ts';

const REPORT = `某县教育局2023年工作总结
2023年,全县教育系统扎实推进各项工作。
全县学前三年毛入园率达到92.5%,比上年提高1。5个百分点。
投资1.2亿元新建两所学校,其中一所为九年一贯制学校。
根据〔2023〕8号文件,第三届教育论坛顺利召开。
`;

describe('adding a new report, as README describes', () => {
  it('goes from a text file to compiled, provable figures', () => {
    const data = writeDataset();
    const work = mkdtempSync(join(tmpdir(), 'atlas-new-'));
    // 1. the page's text, untouched, as a snapshot; 2. the report's folder with its text
    writeFileSync(join(data, 'snapshots', '900_abc123.txt'), REPORT);
    const folder = join(data, 'reports', '900-mou-county-2023');
    mkdirSync(folder);
    writeFileSync(join(folder, 'source.txt'), REPORT);
    writeFileSync(
      join(folder, 'report.json'),
      reportJson({
        report_id: '900-mou-county-2023',
        title: '某县教育局2023年工作总结',
        seed_file: '900_abc123.txt',
        year: 2023,
        period: '2023',
        year_evidence: ['某县教育局2023年工作总结'],
        published: null,
      }),
    );
    // 3. a draft of figures.csv from the extraction assistant
    const draft = join(work, 'draft.csv');
    const extract = spawnSync(process.execPath, ['scripts/extract.ts', join(folder, 'source.txt'), '--out', draft], {
      env: { ...process.env, METRICS: join(data, 'metrics.csv') },
      encoding: 'utf8',
    });
    expect(extract.status, extract.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(draft, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.figure_text)).toEqual(['92.5%', '1。5个百分点', '1.2亿元', '两所', '一所']);
    expect(rows.every((r) => r.quote && REPORT.includes(r.quote))).toBe(true);
    expect(rows.find((r) => r.figure_text === '92.5%')!.metric_id).toBe('preschool_gross_enrolment_rate');
    expect(rows.find((r) => r.figure_text === '1.2亿元')!.metric_id).toBe('school_construction_investment');
    // 4. the curator reviews: keeps the figures with a metric, sets the period, drops the rest
    const reviewed: Record<string, string>[] = rows.filter((r) => r.metric_id).map((r) => ({ ...r, period: '2023' }));
    writeFileSync(join(folder, 'figures.csv'), Papa.unparse(reviewed, { newline: '\n' }) + '\n');
    // 5. checksums recorded, 6. the compile step proves every figure and refuses two county-wide counts of schools
    execFileSync(process.execPath, ['scripts/stamp-report.ts', '900-mou-county-2023'], { env: { ...process.env, DATA_DIR: data } });
    const out = join(work, 'out');
    const env = { ...process.env, DATA_DIR: data, OUT_DIR: out };
    const refused = spawnSync(process.execPath, ['scripts/build-data.ts'], { env, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /figures\.csv:5: scope: a second whole-region value of schools_built_or_expanded for 2023 \(actual\); the first is f004 on line 4/,
    );
    // 7. the curator names the part: one of the two schools is the nine-year school
    const scoped = reviewed.map((r) => (r.figure_text === '一所' ? { ...r, scope: 'group:九年一贯制学校', scope_en: 'nine-year schools' } : r));
    writeFileSync(join(folder, 'figures.csv'), Papa.unparse(scoped, { newline: '\n' }) + '\n');
    const build = spawnSync(process.execPath, ['scripts/build-data.ts'], { env, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const published = JSON.parse(readFileSync(join(out, 'observations.json'), 'utf8')) as { report_id: string; value_base: number }[];
    expect(published.filter((o) => o.report_id === '900-mou-county-2023').map((o) => o.value_base)).toEqual(expect.arrayContaining([92.5, 120000000]));
  });

  it('refuses a file that is not UTF-8 text, naming what it looks like', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-gbk-')), 'report.txt');
    // 你好中国教育 saved as GB18030
    writeFileSync(file, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xd6, 0xd0, 0xb9, 0xfa, 0xbd, 0xcc, 0xd3, 0xfd]));
    const result = spawnSync(process.execPath, ['scripts/extract.ts', file], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not UTF-8; it looks like GB18030');
    const missing = spawnSync(process.execPath, ['scripts/extract.ts', '/no/such/file.txt'], { encoding: 'utf8' });
    expect(missing.stderr).toContain('/no/such/file.txt: no such file');
  });
});
