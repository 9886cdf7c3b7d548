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

  it('names UTF-16LE text and UTF-8 cut mid-character for what they are', () => {
    const text = '加大教育投入,投资18亿元的9所中小学建设稳步推进。\n';
    const utf16 = extract(file('utf16.txt', Buffer.from(text, 'utf16le')));
    expect(utf16.stderr).toMatch(/is not UTF-8; it looks like UTF-16LE — convert it with: iconv -f UTF-16LE -t UTF-8/);
    const bytes = Buffer.from(text.trimEnd());
    const cut = extract(file('cut.txt', bytes.subarray(0, bytes.length - 1)));
    expect(cut.stderr).toMatch(/is UTF-8 with 1 invalid byte sequence, the first at its end/);
    expect(cut.stderr).not.toMatch(/GB18030|UTF-16|iconv/);
  });
});
