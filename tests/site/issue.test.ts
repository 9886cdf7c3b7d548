// The repository address every "report a wrong figure" link points at: only a web address, and a configured address
// that is not one stops the build with an error naming where it was set, rather than becoming a link target.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryUrl } from '../../src/site/issue.ts';

const HOSTILE = [
  'javascript:alert(document.domain)//',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'https://user:pw@github.com/o/r',
  'github.com/o/r',
  '//github.com/o/r',
  'https://',
];

const folder = (cff?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cff-'));
  if (cff !== undefined) writeFileSync(join(dir, 'CITATION.cff'), cff);
  return dir;
};

describe('repositoryUrl', () => {
  it.each(HOSTILE)('refuses REPO_URL=%j, naming REPO_URL', (bad) => {
    expect(() => repositoryUrl({ REPO_URL: bad }, folder())).toThrow(/^REPO_URL: .* is not an http\(s\) address/);
  });

  it.each(HOSTILE)('refuses %j in CITATION.cff repository-code, naming the file, line and field', (bad) => {
    const dir = folder(`cff-version: 1.2.0\ntitle: x\nrepository-code: "${bad.replace(/"/g, '\\"')}"\n`);
    expect(() => repositoryUrl({}, dir)).toThrow(/^CITATION\.cff:3: repository-code: .* is not an http\(s\) address/);
  });

  it.each(['repository', 'url', 'repository-artifact'])('refuses a javascript: address in CITATION.cff %s, even where REPO_URL is set', (field) => {
    const dir = folder(`cff-version: 1.2.0\n${field}: javascript:alert(1)\nrepository-code: https://github.com/o/r\n`);
    expect(() => repositoryUrl({}, dir)).toThrow(`CITATION.cff:2: ${field}: "javascript:alert(1)" is not an http(s) address`);
    expect(() => repositoryUrl({ REPO_URL: 'https://github.com/x/y' }, dir)).toThrow(`CITATION.cff:2: ${field}:`);
  });

  it('lists every bad address in one error', () => {
    const dir = folder("url: 'data:text/html,x'\nrepository-code: vbscript:x\n");
    const error = (() => {
      try {
        repositoryUrl({ REPO_URL: 'javascript:x' }, dir);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error?.split('\n').map((l) => l.replace(/: ".*$/, ''))).toEqual(['CITATION.cff:1: url', 'CITATION.cff:2: repository-code', 'REPO_URL']);
  });

  it('takes a web address from REPO_URL, else repository-code, else repository, quoted or not', () => {
    expect(repositoryUrl({}, folder('repository: https://github.com/a/b # the code\n'))).toBe('https://github.com/a/b');
    expect(repositoryUrl({}, folder("repository: https://github.com/a/b\nrepository-code: 'https://github.com/o/r/'\n"))).toBe('https://github.com/o/r');
    expect(repositoryUrl({ REPO_URL: 'https://github.com/x/y' }, folder('repository-code: https://github.com/o/r\n'))).toBe('https://github.com/x/y');
    expect(repositoryUrl({}, folder('url: https://example.org/atlas\n'))).toBeNull();
    expect(repositoryUrl({}, folder())).toBeNull();
  });
});
