// A build told neither where it is served (SITE_URL, BASE_PATH) nor which repository takes error reports (REPO_URL),
// as a fork or a reader's own checkout builds it: no page, citation, code snippet or data file names the builder's
// machine, and no page offers to report an error to nowhere. The site tier's setup builds it (DIST_UNCONFIGURED) from
// the same public/data as the shared build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_UNCONFIGURED as OUT } from './paths.ts';
import { repositoryUrl } from '../../src/site/issue.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|json|csv|svg|txt|xml|js|cff)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('a build with no site address and no repository configured', () => {
  it('names no localhost in any page, citation, snippet or data file', () => {
    const all = files(OUT);
    expect(all.length).toBeGreaterThan(100);
    const naming = all.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, 'utf8'))).map((f) => relative(OUT, f));
    expect(naming.slice(0, 10), `${naming.length} files`).toEqual([]);
  });

  it('links its canonical and twin pages from the root, and its citations give no address', () => {
    const page = readFileSync(
      join(
        OUT,
        'reports',
        readdirSync(join(OUT, 'reports')).find((d) => /^\d{3}-/.test(d))!,
        'index.html',
      ),
      'utf8',
    );
    expect(page).toMatch(/<link rel="canonical" href="\/reports\/[^"]+\/"/);
    expect(page).toMatch(/<link rel="alternate" hreflang="en" href="\/en\/reports\/[^"]+\/"/);
    expect(page).not.toMatch(/url\s*=\s*\{/);
  });

  it('offers no error report where no repository is configured', () => {
    expect(repositoryUrl({}, process.cwd())).toBeNull();
    const offering = files(OUT)
      .filter((f) => f.endsWith('.html'))
      .filter((f) => /issues\/new|<summary>[^<]*(报错|report an error)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(OUT, f));
    expect(offering.slice(0, 10), `${offering.length} pages`).toEqual([]);
  });
});
