// Every interface string is used somewhere, and every code of a vocabulary has a label in both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n/strings.ts';
import { PERIOD_PARTS } from '../../src/model/period.ts';
import { FLAGS } from '../../src/vocab/flags.ts';
import { QUALIFIERS } from '../../src/vocab/qualifiers.ts';

const root = new URL('../../', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|astro|mjs)$/.test(f))
    .map((f) => join(dir, f));
const code = [...sources('src'), ...sources('scripts')]
  .filter((f) => f !== join('src', 'i18n', 'strings.ts'))
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');

// Tables looked up by a code from the data, not by name in the code: their keys are the vocabulary's.
const BY_CODE = new Set(['flags', 'qualifiers', 'halves', 'relativeYears', 'topics', 'levels', 'kinds', 'basis', 'reportKinds']);

function keys(table: object, path: string[] = []): string[][] {
  return Object.entries(table).flatMap(([key, value]) => [
    [...path, key],
    ...(value && typeof value === 'object' && !BY_CODE.has(key) ? keys(value, [...path, key]) : []),
  ]);
}

describe('the interface dictionary', () => {
  it('holds no key the site never reads', () => {
    const unused = keys(STRINGS['zh-cn']).filter((path) => !new RegExp(String.raw`\b${path.at(-1)!}\b`).test(code));
    expect(unused.map((p) => p.join('.'))).toEqual([]);
  });

  it('labels every flag, qualifier and period part in both languages', () => {
    for (const s of Object.values(STRINGS)) {
      for (const flag of FLAGS) expect(s.flags[flag], flag).toMatch(/\S/);
      for (const q of QUALIFIERS.filter(Boolean)) expect(s.qualifiers[q], q).toMatch(/\S/);
      for (const part of PERIOD_PARTS) expect(s.halves[part], part).toContain('{y}');
      expect(Object.keys(s.flags).sort()).toEqual([...FLAGS].sort());
    }
  });
});
