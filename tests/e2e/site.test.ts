// Assertions on the built site: every entity has its pages, every figure its anchor, every chart its marks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, DIST, DIST_AGAIN, REPO_URL, SITE_URL } from './paths.ts';

const json = <T>(name: string): T[] => JSON.parse(readFileSync(join('public', 'data', `${name}.json`), 'utf8'));
type Obs = { observation_id: string; report_id: string; metric_id: string; kind: string; value_base: number | null; quote_start: number | null };
const observations = json<Obs>('observations');
const metricIds = [...new Set(observations.map((o) => o.metric_id))];
const built = (path: string) => {
  const file = join(DIST, path, 'index.html');
  expect(existsSync(file), `${path} is built`).toBe(true);
  return file;
};
const page = (path: string) => parseHTML(readFileSync(built(path), 'utf8')).document;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );

/** Each built page's ids, links (a[href]), every URL it loads or links and what it loads: each page parsed once for the link tests. */
let links: { file: string; ids: Set<string>; anchors: string[]; urls: string[]; loads: string[] }[] | undefined;
const pageLinks = () =>
  (links ??= htmlFiles(DIST).map((file) => {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    return {
      file,
      ids: new Set([...document.querySelectorAll('[id]')].map((e) => e.id)),
      anchors: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      urls: [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src')!),
      // what the browser fetches as the page loads (a link to another page is the broken-link test's)
      loads: [...document.querySelectorAll('link[rel="stylesheet"][href], link[rel="preload"][href], link[rel="icon"][href], script[src], img[src]')].map(
        (el) => el.getAttribute('href') ?? el.getAttribute('src')!,
      ),
    };
  }));

type FullObs = Obs & { region_id: string; scope: string; period: string; year: number | null; flags: string[] };
type MetricRow = { metric_id: string; compare: string; period_basis: string; derived_from: string };

describe('every comparison panel of the built site', () => {
  const full = new Map(json<FullObs>('observations').map((o) => [o.observation_id, o]));
  const metrics = new Map(json<MetricRow>('metrics').map((m) => [m.metric_id, m]));
  const basisOf = (period: string) =>
    /H[12]$/.test(period) ? 'half_year' : /S[12]$/.test(period) ? 'semester' : /^\d{4}-\d{4}$/.test(period) ? 'multi_year' : 'year';

  it('sets only whole-region values of one definition, one kind and one kind of period on an axis, from two regions at least', async () => {
    const { GROWTH_PANELS, derivedGrowthId } = await import('../../src/site/growth.ts');
    let panels = 0;
    for (const file of htmlFiles(DIST)) {
      const doc = parseHTML(readFileSync(file, 'utf8')).document;
      for (const panel of doc.querySelectorAll('[data-panel="compare"]')) {
        panels++;
        const where = `${relative(DIST, file)} ${panel.closest('figure')?.getAttribute('data-metric') ?? panel.getAttribute('data-growth-panel')}`;
        const rows = panel
          .getAttribute('data-observations')!
          .split(' ')
          .map((id) => full.get(id)!);
        expect(rows.every(Boolean), where).toBe(true);
        // Every mark of the panel links to one of its rows: nothing is drawn that the panel does not declare.
        const ids = new Set(rows.map((o) => o.observation_id));
        for (const a of panel.querySelectorAll('svg a')) expect(ids.has(a.getAttribute('href')!.split('#obs-')[1] ?? ''), where).toBe(true);
        expect(
          rows.every((o) => o.scope === 'region'),
          `${where}: whole-region only`,
        ).toBe(true);
        expect(
          rows.every((o) => !o.flags.includes('restatement') && !o.flags.includes('alternative_value')),
          `${where}: no restatement`,
        ).toBe(true);
        // a value its source leaves unclear or contradicts, or gives twice, is listed beside the chart, never drawn
        expect(
          rows.flatMap((o) => o.flags.filter((f) => /^(ambiguous_|inconsistent_)/.test(f)).map((f) => `${o.observation_id} ${f}`)),
          `${where}: nothing in doubt`,
        ).toEqual([]);
        expect(new Set(rows.map((o) => o.region_id)).size, `${where}: two regions at least`).toBeGreaterThanOrEqual(2);
        const growth = GROWTH_PANELS.find((g) => g.id === panel.getAttribute('data-growth-panel'));
        const allowed = growth ? [growth.stated, derivedGrowthId(growth.base)] : [rows[0]!.metric_id];
        expect(
          rows.every((o) => allowed.includes(o.metric_id)),
          `${where}: one definition`,
        ).toBe(true);
        for (const o of rows) {
          const m = metrics.get(o.metric_id)!;
          expect(m.compare, `${where}: ${o.metric_id} is declared comparable`).not.toBe('no');
          expect(o.kind, where).toBe(m.derived_from ? 'derived' : 'actual');
          expect(o.year === null ? 'year' : basisOf(o.period), `${where}: period basis`).toBe(m.period_basis);
        }
      }
    }
    expect(panels).toBeGreaterThan(0);
  });
});

describe('the built site', () => {
  it('has a page for every report, region and metric, in both languages', () => {
    for (const prefix of ['', 'en/']) {
      for (const r of json<{ report_id: string }>('reports')) built(`${prefix}reports/${r.report_id}`);
      for (const r of json<{ region_id: string }>('regions')) built(`${prefix}regions/${r.region_id}`);
      for (const id of metricIds) built(`${prefix}metrics/${id}`);
    }
  });

  it('anchors every curated figure on its report page and links it from its metric page', () => {
    for (const prefix of ['', 'en/']) {
      const anchors = new Map<string, Set<string>>();
      for (const o of observations.filter((o) => o.kind !== 'derived')) {
        if (!anchors.has(o.report_id))
          anchors.set(o.report_id, new Set([...page(`${prefix}reports/${o.report_id}`).querySelectorAll('[id^="obs-"]')].map((e) => e.id)));
        expect(anchors.get(o.report_id)!.has(`obs-${o.observation_id}`), o.observation_id).toBe(true);
      }
      for (const id of metricIds) {
        const links = new Set([...page(`${prefix}metrics/${id}`).querySelectorAll('a[href*="#obs-"]')].map((a) => a.getAttribute('href')!.split('#')[1]));
        for (const o of observations.filter((o) => o.metric_id === id && o.kind !== 'derived'))
          expect(links.has(`obs-${o.observation_id}`), o.observation_id).toBe(true);
      }
    }
  });

  it('offers every curated figure’s citation: in three styles on its metric page, by its place and permalink under one citation of its report on its report page, with a prefilled issue on both, in both languages', () => {
    type Report = { report_id: string; title: string; title_en: string; bureau: string; bureau_en: string; year: number | null };
    const reports = new Map(json<Report>('reports').map((r) => [r.report_id, r]));
    const release = JSON.parse(readFileSync(join('public', 'data', 'release.json'), 'utf8')) as { version: string };
    const curated = observations.filter((o) => o.kind !== 'derived');
    // a report is cited by the site's title for it, the one its report page's heading shows
    const h1 = (path: string) => (page(path) as unknown as Document).querySelector('h1')!.textContent!.trim();
    const headings = new Map<string, [string, string]>();
    const both = (id: string) => headings.get(id) ?? headings.set(id, [h1(`reports/${id}`), h1(`en/reports/${id}`)]).get(id)!;
    const heading = (id: string) => both(id)[0];
    const headingEn = (id: string) => both(id)[1];
    for (const prefix of ['', 'en/']) {
      const pages = new Map<string, Document>();
      const at = (path: string) => pages.get(path) ?? pages.set(path, page(path) as unknown as Document).get(path)!;
      for (const o of curated) {
        const r = reports.get(o.report_id)!;
        const permalink = `${SITE_URL}${BASE_PATH}reports/${o.report_id}/#obs-${o.observation_id}`;
        const metricPage = `${prefix}metrics/${o.metric_id}`;
        if (at(metricPage).querySelector('ol')) {
          const cite = at(metricPage).getElementById(`cite-${o.observation_id}`);
          expect(cite, `${metricPage}: ${o.observation_id}`).not.toBeNull();
          const [gbt, apa] = [...cite!.querySelectorAll('p')].map((p) => p.textContent!);
          const bibtex = cite!.querySelector('pre')!.textContent!;
          expect(gbt, metricPage).toMatch(
            new RegExp(
              `^GB/T 7714 ${escape(r.bureau)}\\. ${escape(heading(o.report_id))}\\[R/OL\\]//.*${escape(release.version)} 版\\. ${r.year ?? '出版年不详'}: 第 \\d+ 行，字符 \\d+–\\d+“.+”.*${escape(permalink)}\\.$`,
            ),
          );
          expect(apa, metricPage).toMatch(
            new RegExp(
              `^APA ${escape(r.bureau_en)}\\. \\(${r.year ?? 'n\\.d\\.'}\\)\\. ${escape(headingEn(o.report_id))} \\[${escape(heading(o.report_id))}\\] \\(line \\d+, characters \\d+–\\d+: .*Version ${escape(release.version)}.*${escape(permalink)}$`,
            ),
          );
          expect(bibtex, metricPage).toContain(`author = {{${r.bureau.replace(/_/g, '\\_')}}}`);
          expect(bibtex, metricPage).toContain(`url = {${permalink}}`);
          const issue = cite!.querySelector('a')!.getAttribute('href')!;
          expect(issue.startsWith(`${REPO_URL}/issues/new?title=`), metricPage).toBe(true);
          expect(decodeURIComponent(issue), metricPage).toContain(`Observation: ${o.observation_id}`);
        }
        // the report page: the figure's place in its text, linked to its sentence, and the issue naming it
        const reportPage = `${prefix}reports/${o.report_id}`;
        const place = at(reportPage).getElementById(`cite-${o.observation_id}`);
        expect(place, `${reportPage}: ${o.observation_id}`).not.toBeNull();
        const [toSentence, issue] = [...place!.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
        expect(toSentence, reportPage).toBe(`#obs-${o.observation_id}`);
        expect(at(reportPage).getElementById(`obs-${o.observation_id}`), reportPage).not.toBeNull();
        if (o.quote_start !== null)
          expect(place!.textContent!.trim(), reportPage).toMatch(prefix ? /^line \d+, characters \d+–\d+/ : /^第 \d+ 行，字符 \d+–\d+/);
        expect(issue!.startsWith(`${REPO_URL}/issues/new?title=`), reportPage).toBe(true);
        expect(decodeURIComponent(issue!), reportPage).toContain(`Observation: ${o.observation_id}`);
      }
      // the report's own citation, with one of its figures cited in full as the example
      for (const r of reports.values()) {
        const block = at(`${prefix}reports/${r.report_id}`).getElementById('cite-report')!.textContent!;
        expect(block, r.report_id).toContain(`${r.bureau}. ${heading(r.report_id)}[R/OL]`);
        if (curated.some((o) => o.report_id === r.report_id && o.quote_start !== null))
          expect(block, r.report_id).toMatch(new RegExp(`字符 \\d+–\\d+“.+”.*${escape(`${SITE_URL}${BASE_PATH}reports/${r.report_id}/#obs-`)}`));
      }
    }
  });

  it('draws one mark for every comparable value on each metric chart, and says why when there is no chart', async () => {
    const { partition } = await import('../../src/site/comparable.ts');
    const metrics = new Map(json<Parameters<typeof partition>[0] & { metric_id: string }>('metrics').map((m) => [m.metric_id, m]));
    const all = json<Parameters<typeof partition>[1][number]>('observations');
    for (const id of metricIds) {
      const split = partition(
        metrics.get(id)!,
        all.filter((o) => o.metric_id === id),
      );
      const doc = page(`metrics/${id}`);
      const svgs = doc.querySelectorAll(`figure.chart[data-metric="${id}"] .plot svg`);
      if (split.regions < 2) {
        expect(svgs.length, id).toBe(0);
        expect(doc.querySelector(`figure.chart[data-metric="${id}"] .no-chart`)?.textContent, id).toBeTruthy();
        continue;
      }
      expect(svgs.length, id).toBe(2);
      for (const svg of svgs) {
        expect(svg.querySelectorAll('a').length, id).toBe(split.compared.length);
        for (const g of svg.querySelectorAll('g[aria-label]')) expect(g.getAttribute('role')).toBe('group');
      }
    }
  });

  it('serves the downloads exactly as npm run data published them', () => {
    for (const file of ['observations.csv', 'observations.json', 'metrics.csv', 'regions.csv', 'reports.csv', 'datapackage.json']) {
      expect(readFileSync(join(DIST, 'data', file), 'utf8'), file).toBe(readFileSync(join('public', 'data', file), 'utf8'));
    }
  });

  it('keeps every internal link and asset under the base path, and every file a page loads is there', () => {
    const outside: string[] = [];
    const missing: string[] = [];
    for (const { file, urls, loads } of pageLinks()) {
      for (const url of loads) {
        const path = decodeURIComponent(url.split(/[?#]/)[0]!.slice(BASE_PATH.length));
        if (url.startsWith(BASE_PATH) && !existsSync(join(DIST, path))) missing.push(`${relative(DIST, file)}: ${url}`);
      }
      for (const url of urls) {
        if (url.startsWith('/') && !url.startsWith(BASE_PATH)) outside.push(`${relative(DIST, file)}: ${url}`);
        // the one link out: a prefilled issue on the project's repository
        if (/^https?:/.test(url) && !url.startsWith('http://127.0.0.1:4399/bureau-atlas/') && !url.startsWith(`${REPO_URL}/issues/new?`))
          outside.push(`${relative(DIST, file)}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('has no broken internal link and no page that nothing links to', () => {
    const pages = pageLinks();
    const pagePath = (file: string) => `${BASE_PATH}${relative(DIST, file).replace(/index\.html$/, '')}`;
    const ids = new Map(pages.map((p) => [pagePath(p.file), p.ids]));
    const broken: string[] = [];
    const linked = new Set<string>();
    for (const { file, anchors } of pages) {
      const from = pagePath(file);
      for (const href of anchors) {
        if (!href.startsWith(BASE_PATH) && !href.startsWith('#')) continue;
        const [path, hash] = (href.startsWith('#') ? `${from}${href}` : href).split('#') as [string, string | undefined];
        if (path !== from) linked.add(path);
        if (ids.has(path)) {
          if (hash && !ids.get(path)!.has(decodeURIComponent(hash))) broken.push(`${from} → ${href} (no such anchor)`);
        } else if (!existsSync(join(DIST, decodeURIComponent(path.slice(BASE_PATH.length))))) broken.push(`${from} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
    const orphans = [...ids.keys()].filter((p) => !linked.has(p) && p !== BASE_PATH && !p.endsWith('404.html'));
    expect(orphans).toEqual([]);
  });

  it('links every page to its twin in the other language', () => {
    const zh = page('methodology');
    expect(zh.documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(zh.querySelector('[data-lang-switch]')!.getAttribute('href')).toBe(`${BASE_PATH}en/methodology/`);
    const en = page('en/methodology');
    expect(en.documentElement.getAttribute('lang')).toBe('en');
    expect(en.querySelector('[data-lang-switch]')!.getAttribute('href')).toBe(`${BASE_PATH}methodology/`);
  });

  it('labels the national value with its year on every chart of a metric that has one, and says where there is none', async () => {
    type Ref = { metric_id: string; year: number; unit: string; document: string; publisher: string };
    const reference = json<Ref>('reference');
    const { partition } = await import('../../src/site/comparable.ts');
    const metrics = new Map(json<Parameters<typeof partition>[0] & { metric_id: string }>('metrics').map((m) => [m.metric_id, m]));
    const all = json<Parameters<typeof partition>[1][number]>('observations');
    for (const metricId of [...new Set(reference.filter((r) => r.unit === '%').map((r) => r.metric_id))].filter((m) => metricIds.includes(m))) {
      const years = new Set(reference.filter((r) => r.metric_id === metricId).map((r) => r.year));
      // The chart draws the comparable values only; a metric without a comparison has no chart to mark.
      const split = partition(
        metrics.get(metricId)!,
        all.filter((o) => o.metric_id === metricId),
      );
      const values = split.regions >= 2 ? split.compared : [];
      const withNational = values.filter((o) => o.year !== null && years.has(o.year)).length;
      const doc = page(`metrics/${metricId}`);
      // the national value is drawn once, labelled with its value and year, not as an unlabelled tick per row
      const labels = [...doc.querySelectorAll('.plot-wide svg text')].filter((t) => /^全国 \S+（\d{4}(–\d{4})?）$/.test(t.textContent ?? ''));
      expect(labels.length > 0, metricId).toBe(withNational > 0);
      const notes = doc.querySelector('figure.chart .frame-note')?.textContent ?? '';
      if (withNational < values.length) expect(notes, metricId).toContain('暂无全国数值');
      else expect(notes, metricId).not.toContain('暂无全国数值');
    }
    const published = readFileSync(join(DIST, 'data', 'reference.csv'), 'utf8');
    for (const r of reference) expect(published).toContain(`${r.metric_id},${r.year},`);
    expect(published.split('\n')[0]).toContain('document,publisher,published');
  });

  it('is byte-identical when the same commit is built twice, once with its pages built by two processes', () => {
    // the second build is the site tier's setup's (DIST_AGAIN), made in a copy of the project, its region and report
    // pages in a second Astro process as at national scale (scripts/lib/pages-build.ts)
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .sort();
    expect(files(DIST_AGAIN)).toEqual(files(DIST));
    const differing = files(DIST).filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(DIST_AGAIN, f))));
    expect(differing).toEqual([]);
  });
});
