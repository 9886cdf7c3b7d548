// npm run extract on hostile input: a long line without sentence breaks, a curated file as --out, odd encodings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENTENCE_REACH } from '../../src/text/mentions.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-extract-'));
const extract = (...args: string[]) => spawnSync(process.execPath, ['scripts/extract.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('npm run extract', () => {
  it('stays linear on one long line without sentence breaks (200 KB crashed, 100 KB gave 541 MB)', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `投资${i % 97}亿元`).join('，');
    expect(line.length).toBeGreaterThan(100_000);
    const result = extract(file('long.txt', line));
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').length - 1;
    expect(rows).toBe(20_000);
    // each row's sentence is cut to SENTENCE_REACH characters either side of its figure
    expect(result.stdout.length / rows).toBeLessThan(2 * SENTENCE_REACH + 200);
  });

  it('refuses to overwrite an existing figures.csv without --force, and replaces it with --force', () => {
    const source = file('source.txt', '加大教育投入,投资18亿元的9所中小学建设稳步推进。\n');
    const curated = file('figures.csv', 'id,metric_id\nf001,curated_by_hand\n');
    const refused = extract(source, '--out', curated);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${curated} exists; a draft does not overwrite it (add --force to replace it)`);
    expect(readFileSync(curated, 'utf8')).toBe('id,metric_id\nf001,curated_by_hand\n');
    expect(extract(source, '--out', curated, '--force').status).toBe(0);
    expect(readFileSync(curated, 'utf8')).toContain('18亿元');
  });

  it('refuses a FIFO at once, rather than wait for it to end', () => {
    const fifo = join(dir, 'report.fifo');
    spawnSync('mkfifo', [fifo]);
    const started = performance.now();
    const result = spawnSync(process.execPath, ['scripts/extract.ts', fifo], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`extract: ${fifo}: is not a regular file (a pipe, socket or device); save the report's text to a file first`);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('names UTF-16LE text and UTF-8 cut mid-character for what they are', () => {
    const text = '加大教育投入,投资18亿元的9所中小学建设稳步推进。\n';
    const utf16 = extract(file('utf16.txt', Buffer.from(text, 'utf16le')));
    expect(utf16.stderr).toMatch(/is not UTF-8; it looks like UTF-16LE — convert it with: iconv -f UTF-16LE -t UTF-8/);
    const bytes = Buffer.from(text.trimEnd());
    const cut = extract(file('cut.txt', bytes.subarray(0, bytes.length - 1)));
    expect(cut.stderr).toMatch(/is UTF-8 with 1 invalid byte sequence, the first at its end/);
    expect(cut.stderr).not.toMatch(/GB18030|UTF-16|iconv/);
  });

  it('drafts quotes without the \r of a CRLF text, so that npm run data takes them', () => {
    const source = file('crlf.txt', '张店区2019年工作总结\r\n全区学前三年毛入园率达到98.5%\r\n投资18亿元的9所中小学建设稳步推进。\r\n');
    const out = join(dir, 'crlf-figures.csv');
    expect(extract(source, '--out', out).status).toBe(0);
    const draft = readFileSync(out, 'utf8');
    expect(draft).toContain(',全区学前三年毛入园率达到98.5%,');
    expect(draft).not.toContain('\r');
    const listed = extract(source).stdout;
    expect(
      listed
        .split('\n')
        .filter((l) => l.includes('98.5%'))
        .every((l) => !l.includes('\r')),
    ).toBe(true);
  });

  it('says in one line why --out cannot be written: a folder, a missing folder, a full disk, a file in the path', () => {
    const source = file('out.txt', '投资18亿元。\n');
    const folder = extract(source, '--out', '/', '--force');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe('extract: --out /: is a folder; name the file to write (path/figures.csv)\n');
    const missing = extract(source, '--out', join(dir, 'no-such-folder', 'figures.csv'));
    expect(missing.stderr).toBe(`extract: --out ${join(dir, 'no-such-folder', 'figures.csv')}: the folder ${join(dir, 'no-such-folder')} does not exist\n`);
    // /dev/full answers every write with ENOSPC, as a full disk does
    const full = extract(source, '--out', '/dev/full', '--force');
    expect(full.stderr).toBe('extract: --out /dev/full: cannot be written (the disk is full, ENOSPC)\n');
    const underFile = extract(source, '--out', `${source}/figures.csv`);
    expect(underFile.stderr).toBe(`extract: --out ${source}/figures.csv: cannot be written (a part of its path is a file, not a folder, ENOTDIR)\n`);
    for (const result of [folder, missing, full, underFile]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
