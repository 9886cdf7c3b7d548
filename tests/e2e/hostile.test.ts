// A dataset written by an attacker (or a careless copy-paste) must build and render inert on every page of both
// languages: markup after ordinary words (where language marking wraps runs of Latin text), attribute breakers,
// an SVG's end inside chart labels, quotes HTML writes as character references, and a report whose published text
// is valid JavaScript named by a script tag. Two regions publish the same metric, so comparison charts are drawn.
// It is built as a fork builds it, with no site address, sub-path or repository, and checked for that too.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS, reportJson, writeDataset } from '../fixtures/dataset.ts';
import { BASE, MARK, SCRIPT_SOURCE, writeHostileDataset } from '../fixtures/hostile-dataset.ts';
import { serve } from '../../scripts/static-server.ts';
import { buildEnv } from './paths.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { repositoryUrl } from '../../src/site/issue.ts';

const HUGE = '长'.repeat(100_000);
const PUBLIC_STAGING = join(process.cwd(), 'public', `data.staging-${process.pid}`);
const DIST = join(process.cwd(), 'test-results', 'hostile');
let OUT = '';

/** npm run data on a folder: its exit status, what it printed and whether it wrote anything. */
function compile(dir: string) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-hostile-out-'));
  const run = spawnSync('node', ['scripts/build-data.ts'], { env: { ...process.env, DATA_DIR: dir, OUT_DIR: join(out, 'data') }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, wrote: readdirSync(out).length > 0, out: join(out, 'data') };
}

beforeAll(() => {
  const dir = writeHostileDataset();
  const run = compile(dir);
  expect(run.status, run.stderr).toBe(0);
  OUT = run.out;
  rmSync(DIST, { recursive: true, force: true });
  // a run of npm run data still writing while the site builds: its staging folder must not be published
  mkdirSync(PUBLIC_STAGING, { recursive: true });
  writeFileSync(join(PUBLIC_STAGING, 'observations.csv'), 'half-written');
  const started = performance.now();
  // built as a fork or a reader's own checkout builds it: told neither its address nor its repository
  const env = buildEnv({ ATLAS_DATA: OUT, DIST_DIR: DIST });
  for (const key of ['SITE_URL', 'BASE_PATH', 'REPO_URL']) delete env[key];
  execFileSync('npx', ['astro', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`hostile astro build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);
afterAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  rmSync(PUBLIC_STAGING, { recursive: true, force: true });
});

const files = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []));
const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

/** Everything in one document (HTML or SVG) that the data put there as markup rather than as text. */
function injected(markup: string, where: string): string[] {
  const found: string[] = [];
  const { document } = parseHTML(markup);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      if (attr.name === MARK || attr.name.startsWith('on')) found.push(`${where}: <${tag} ${attr.name}>`);
    }
    if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') found.push(`${where}: <meta http-equiv=refresh>`);
    const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
    if (/evil\.example|^\s*javascript:/i.test(href)) found.push(`${where}: <${tag} href=${href}>`);
    if (tag === 'script' && el.getAttribute('src') !== null && !el.getAttribute('src')!.startsWith(`${BASE}_astro/`))
      found.push(`${where}: <script src=${el.getAttribute('src')}>`);
  }
  // a character reference cut by inserted markup (&<span lang="en">quot;) shows its letters to the reader
  const outsideScripts = markup.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const split = /&[#A-Za-z0-9]{0,10}</.exec(outsideScripts);
  if (split) found.push(`${where}: split character reference …${outsideScripts.slice(Math.max(0, split.index - 30), split.index + 40)}…`);
  // what a reader reads must hold no escaped markup either: a reference escaped twice shows as &quot;
  // (a textarea's text is RCDATA: its references are the browser's to decode, which the parser here does not)
  const { document: readable } = parseHTML(markup.replace(/<textarea\b[\s\S]*?<\/textarea>/gi, ''));
  const text = readable.body?.textContent ?? readable.documentElement?.textContent ?? '';
  const shown = /&(?:quot|amp|lt|gt|#\d+|#x[0-9a-f]+);/i.exec(text);
  if (shown) found.push(`${where}: shows "${text.slice(Math.max(0, shown.index - 30), shown.index + 30)}"`);
  return found;
}

describe('a hostile dataset', () => {
  it('puts no element, attribute, script or split character reference of its own on any page of either language', () => {
    const pages = files(DIST, '.html');
    // every page kind, in both languages
    const kinds = new Set(
      pages.map(
        (f) =>
          relative(DIST, f)
            .replace(/^en\//, '')
            .replace(/\/[^/]+\/index\.html$|\/index\.html$/, '')
            .split('/')[0],
      ),
    );
    for (const kind of ['index.html', 'data', 'embed', 'methodology', 'metrics', 'regions', 'reports', 'search', 'topics', '404.html'])
      expect([...kinds]).toContain(kind);
    expect(pages.filter((f) => relative(DIST, f).startsWith('en/')).length).toBeGreaterThan(15);
    const problems = pages.flatMap((f) => injected(readFileSync(f, 'utf8'), relative(DIST, f)));
    expect(problems).toEqual([]);
  });

  it('draws comparison charts of the two regions, with every label as text', () => {
    for (const path of ['metrics/school_construction_investment', 'en/metrics/school_construction_investment']) {
      const { document } = parseHTML(page(path));
      const labels = [...document.querySelectorAll('svg text')].map((t) => t.textContent).join(' ');
      expect(labels, path).toMatch(path.startsWith('en') ? /Boshan><\/svg> aa bb cc/ : /博山区"x="y/);
      expect(labels, path).toMatch(path.startsWith('en') ? /Zhangdian x="y"/ : /张店区/);
    }
    // the standalone chart images are well-formed SVG with no element the names put there
    const svgs = files(DIST, '.svg').filter((f) => !f.endsWith('favicon.svg'));
    expect(svgs.length).toBeGreaterThan(1);
    for (const svg of svgs) {
      const text = readFileSync(svg, 'utf8');
      expect(text.match(/<svg\b/g)?.length, svg).toBe(text.match(/<\/svg>/g)?.length);
      expect(injected(text, relative(DIST, svg))).toEqual([]);
      expect(text).not.toMatch(/<(script|meta|foreignObject)\b/);
      // chart marks link to their figures' cards, on this site
      for (const [, href] of text.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) expect(href, svg).toMatch(new RegExp(`^${BASE}`));
    }
  });

  it('shows the names and notes as written, in order', () => {
    const { document } = parseHTML(page('en/reports/005-boshan-2019'));
    const text = document.body.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('"Nanyue Outstanding Teacher" aa bb cc 2014–2018年 <meta http-equiv=refresh');
    expect(text).toContain(`Boshan District Education and Sports Bureau aa bb <script src=${BASE}data/sources/005-boshan-2019.txt`);
    const metric = parseHTML(page('en/metrics/school_construction_investment')).document.body.textContent!.replace(/\s+/g, ' ');
    expect(metric).toContain('Investment in schools x="y" data-pwned="1" "Nanyue Outstanding Teacher" & 2014–2018');
    const zh = parseHTML(page('reports/004-zhangdian-2019')).document.body.textContent!.replace(/\s+/g, ' ');
    expect(zh).toContain('学校建设投资> aa bb cc <meta http-equiv=refresh content=2;url=/PWNED');
    // no page holds a bidirectional control or zero-width character: a figure reads as written
    for (const f of files(DIST, '.html')) expect(readFileSync(f, 'utf8'), f).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('publishes the script-shaped report text, which no page can run', async () => {
    // the report's text as published, where the script tag in its names points
    expect(readFileSync(join(OUT, 'sources', '005-boshan-2019.txt'), 'utf8')).toBe(SCRIPT_SOURCE);
    mkdirSync(join(DIST, 'data', 'sources'), { recursive: true });
    copyFileSync(join(OUT, 'sources', '005-boshan-2019.txt'), join(DIST, 'data', 'sources', '005-boshan-2019.txt'));
    const { origin, server } = await serve(DIST, BASE);
    const browser = await launchChromium();
    const tab = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const events: string[] = [];
    tab.on('dialog', (d) => {
      events.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    tab.on('request', (r) => {
      if (/evil\.example|PWNED/.test(r.url())) events.push(`request: ${r.url()}`);
      if (r.resourceType() === 'script' && !r.url().startsWith(`${origin}${BASE}_astro/`) && !r.url().startsWith(`${origin}${BASE}pagefind/`))
        events.push(`script: ${r.url()}`);
    });
    const paths = [
      '',
      'metrics/school_construction_investment/',
      'regions/370304/',
      'reports/005-boshan-2019/',
      'reports/',
      'regions/',
      'topics/funding/',
      'embed/school_construction_investment/',
      'data/',
      'methodology/',
    ];
    for (const path of [...paths, ...paths.map((p) => `en/${p}`)]) {
      await tab.goto(`${origin}${BASE}${path}`);
      expect(await tab.evaluate(() => getComputedStyle(document.body).display), path).not.toBe('none');
    }
    // the injected refresh would have fired after 2 s
    await tab.goto(`${origin}${BASE}reports/004-zhangdian-2019/`);
    await tab.waitForTimeout(2500);
    expect(tab.url()).toBe(`${origin}${BASE}reports/004-zhangdian-2019/`);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(events).toEqual([]);
    await browser.close();
    server.close();
  }, 180_000);

  it('publishes no CSV cell that a spreadsheet would run as a formula, except numbers', () => {
    const csvs = [...files(OUT, '.csv'), ...files(join(DIST, 'charts'), '.csv')];
    expect(csvs.length).toBeGreaterThan(5);
    for (const file of csvs) {
      for (const row of Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data) {
        for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${file}: ${cell.slice(0, 40)}`).toBe(true);
      }
    }
  });

  it('never copies a staging folder of npm run data into the site', () => {
    expect(existsSync(join(DIST, `data.staging-${process.pid}`))).toBe(false);
    expect(readdirSync(DIST).filter((f) => /\.(staging|previous)-\d+$/.test(f))).toEqual([]);
  });
});

// A build told neither where it is served (SITE_URL, BASE_PATH) nor which repository takes error reports (REPO_URL),
// as a fork or a reader's own checkout builds it: no page, citation, code snippet or data file names the builder's
// machine, and no page offers to report an error to nowhere.
describe('the hostile dataset built with no site address and no repository configured', () => {
  const served = () => files(DIST, '').filter((f) => /\.(html|json|csv|svg|txt|xml|js|cff)$/.test(f));

  it('names no localhost in any page, citation, snippet or data file', () => {
    const all = served();
    expect(all.length).toBeGreaterThan(100);
    const naming = all.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f));
    expect(naming.slice(0, 10), `${naming.length} files`).toEqual([]);
  });

  it('links its canonical and twin pages from the root, and its citations give no address', () => {
    const report = page('reports/005-boshan-2019');
    expect(report).toMatch(/<link rel="canonical" href="\/reports\/005-boshan-2019\/"/);
    expect(report).toMatch(/<link rel="alternate" hreflang="en" href="\/en\/reports\/005-boshan-2019\/"/);
    expect(report).not.toMatch(/url\s*=\s*\{/);
  });

  it('offers no error report where no repository is configured', () => {
    expect(repositoryUrl({}, process.cwd())).toBeNull();
    const offering = files(DIST, '.html')
      .filter((f) => /issues\/new|<summary>[^<]*(报错|report an error)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(DIST, f));
    expect(offering.slice(0, 10), `${offering.length} pages`).toEqual([]);
  });
});

describe('what the compile refuses of a hostile dataset, so that no page shows it', () => {
  it('refuses bidirectional controls and zero-width characters in names, notes and beside figures, each at its file, line and field', () => {
    const run = compile(
      writeHostileDataset((name, text) => {
        if (name === 'regions.csv') return text.replace('Boshan></svg>', 'Boshan\u202e2019></svg>');
        if (name === 'metrics.csv') return text.replace('学校建设投资>', '学校\u200b建设投资>');
        if (name === '005/report.json') return text.replace('"Boshan 2019', '"Boshan \u20662019');
        return text;
      }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/regions\.csv:3: name_en: contains the invisible format character U\+202E/);
    expect(run.stderr).toMatch(/metrics\.csv:2: name_zh: contains the invisible format character U\+200B/);
    expect(run.stderr).toMatch(/005-boshan-2019\/report\.json:\d+: title_en: contains the invisible format character U\+2066/);
    expect(run.wrote).toBe(false);
  });

  it('refuses a zero-width character inside a figure of the script-shaped text', () => {
    // the sentence reads 投资15亿元 (with a zero-width space inside the number); the curated quote starts at 5
    const dir = writeHostileDataset((name, text) => (name === '005/figures.csv' ? text.replaceAll('投资5亿元的3所', '5亿元的3所') : text));
    const source = join(dir, 'reports', '005-boshan-2019', 'source.txt');
    const text = SCRIPT_SOURCE.replace('投资5亿元', '投资1\u200b5亿元');
    writeFileSync(source, text);
    writeFileSync(join(dir, 'snapshots', '005_0000.txt'), text);
    execFileSync('node', ['scripts/stamp-report.ts', '005-boshan-2019'], { env: { ...process.env, DATA_DIR: dir }, stdio: 'ignore' });
    const run = compile(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/005-boshan-2019\/figures\.csv:2: figure_text: stands beside the invisible character U\+200B/);
    expect(run.wrote).toBe(false);
  });

  it('refuses 100 KB names and notes, each at its file, line and field, and publishes nothing', () => {
    const run = compile(writeDataset({ regions: REGIONS.replace('Zhangdian District', HUGE), report: reportJson({ notes_zh: HUGE, notes_en: HUGE }) }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/regions\.csv:2: name_en: is 100000 characters long; at most 200 are allowed/);
    expect(run.stderr).toMatch(/report\.json:\d+: notes_en: is 100000 characters long; at most 5000 are allowed/);
    expect(run.wrote).toBe(false);
  });
});
