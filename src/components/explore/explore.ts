// The data explorer in the browser: the form and the table, the state in the address. The Parquet reader (read.ts,
// with hyparquet) is fetched when the explorer starts, so no other page and no first paint waits for it.
import { formatValue } from '../../i18n/format.ts';
import { provinceCode } from '../../site/listing.ts';
import { flagBadge } from '../../site/badges.ts';
import {
  FACETS,
  PAGE_ROWS,
  exploreQuery,
  facetCounts,
  fullRegionName,
  matchingRows,
  parseExploreState,
  regionsByCode,
  sortRows,
  type Dictionary,
  type Facet,
  type FilterColumns,
  type SortKey,
} from '../../site/explore.ts';
import type { ExplorerConfig } from './config.ts';

type Reader = typeof import('./read.ts');

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export async function startExplorer(root: HTMLElement): Promise<void> {
  const config = JSON.parse(root.dataset.config!) as ExplorerConfig;
  const w = config.words;
  const locale = config.locale;
  const started = performance.now();
  root.hidden = false;
  document.querySelector('[data-explore-nojs]')?.remove();
  const form = root.querySelector<HTMLFormElement>('[data-explore-form]')!;
  const status = root.querySelector<HTMLElement>('[data-explore-status]')!;
  const tableBox = root.querySelector<HTMLElement>('[data-explore-table]')!;
  const pager = root.querySelector<HTMLElement>('[data-explore-pager]')!;
  const readNote = root.querySelector<HTMLElement>('[data-explore-read]')!;
  const select = (facet: Facet) => form.elements.namedItem(facet) as HTMLSelectElement;
  const search = form.elements.namedItem('q') as HTMLInputElement;
  let state = parseExploreState(location.search);
  search.value = state.q;

  let read: Reader;
  let table: Awaited<ReturnType<Reader['openTable']>>;
  let dict: Dictionary;
  let columns: FilterColumns;
  try {
    read = await import('./read.ts');
    const dictionary = read.readDictionary(config.data);
    table = await read.openTable(`${config.data}observations.parquet`);
    [dict, columns] = await Promise.all([dictionary, read.readFilterColumns(table)]);
  } catch (error) {
    status.textContent = `${w.failed}${(error as Error).message}`;
    return;
  }
  const byCode = regionsByCode(dict.regions);
  const regionName = (id: string) => {
    const r = dict.regions.get(id);
    return r ? fullRegionName(r, byCode, locale) : id;
  };
  const metricName = (id: string) => {
    const m = dict.metrics.get(id);
    return m ? (locale === 'en' ? m.name_en : m.name_zh) : id;
  };
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-Hans-CN');
  const counts = facetCounts(columns);
  const provinceOf = (id: string) => provinceCode(dict.regions.get(id));
  const provinceCounts = new Map<string, number>();
  for (const [id, n] of counts.region) provinceCounts.set(provinceOf(id), (provinceCounts.get(provinceOf(id)) ?? 0) + n);
  const topicCounts = new Map<string, number>();
  for (const [id, n] of counts.metric) {
    const topic = dict.metrics.get(id)?.topic ?? '';
    topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + n);
  }
  const number = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN');

  /** A facet's choices: the values present in the data, each with its count; the region and metric lists narrow to the province and topic chosen. */
  function options(facet: Facet): [string, string][] {
    const withCount = (value: string, label: string, n: number | undefined): [string, string] => [value, `${label} (${number.format(n ?? 0)})`];
    switch (facet) {
      case 'topic':
        return config.topics.filter((t) => topicCounts.has(t)).map((t) => withCount(t, w.topics[t as keyof typeof w.topics], topicCounts.get(t)));
      case 'province':
        return config.provinces.filter(([code]) => provinceCounts.has(code)).map(([code, name]) => withCount(code, name, provinceCounts.get(code)));
      case 'region':
        return [...counts.region.keys()]
          .filter((id) => !state.province || provinceOf(id) === state.province)
          .map((id) => [id, regionName(id)] as const)
          .sort((a, b) => collator.compare(a[1], b[1]))
          .map(([id, name]) => withCount(id, name, counts.region.get(id)));
      case 'metric':
        return [...counts.metric.keys()]
          .filter((id) => !state.topic || dict.metrics.get(id)?.topic === state.topic)
          .map((id) => [id, metricName(id)] as const)
          .sort((a, b) => collator.compare(a[1], b[1]))
          .map(([id, name]) => withCount(id, name, counts.metric.get(id)));
      case 'kind':
        return Object.keys(w.kinds)
          .filter((k) => counts.kind.has(k))
          .map((k) => withCount(k, w.kinds[k as keyof typeof w.kinds], counts.kind.get(k)));
      case 'year':
        return [...counts.year.keys()]
          .sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(b) - Number(a)))
          .map((y) => withCount(y, y === 'unknown' ? w.yearUnknown : y, counts.year.get(y)));
      case 'flag':
        return [...counts.flag.keys()]
          .sort((a, b) => (a === 'none' ? -1 : b === 'none' ? 1 : a.localeCompare(b)))
          .map((f) => withCount(f, f === 'none' ? w.noFlag : (w.flags[f as keyof typeof w.flags] ?? f), counts.flag.get(f)));
    }
  }

  function fillForm(): void {
    for (const facet of FACETS) {
      const box = select(facet);
      const choices = options(facet);
      // a value the data does not hold (a stale link) is kept visible, so the reader sees why nothing matches
      if (state[facet] && !choices.some(([v]) => v === state[facet])) choices.unshift([state[facet], state[facet]]);
      box.replaceChildren(el('option', { value: '' }, w.any), ...choices.map(([value, label]) => el('option', { value }, label)));
      box.value = state[facet];
    }
    search.value = state.q;
  }

  let values: (number | null)[] | undefined;
  let generation = 0;
  let first = true;

  const periodLabel = (period: string, year: number | null) => {
    if (year === null) return w.relativeYears[period] ?? w.yearUnknown;
    const part = /^(\d{4})([HS][12])$/.exec(period);
    return part ? fill(w.halves[part[2]!]!, { y: part[1]! }) : period.replace('-', '–');
  };
  const href = (template: string, ids: Record<string, string>) => template.replace(/__(\w+)__/g, (_, k: string) => encodeURIComponent(ids[k]!));

  function header(key: SortKey | null, label: string, numeric = false): HTMLTableCellElement {
    const th = el('th', { scope: 'col', ...(numeric && { class: 'num' }) });
    if (!key) {
      th.append(label);
      return th;
    }
    if (state.sort === key) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
    const button = el('button', { type: 'button', 'data-sort': key, 'aria-label': fill(w.sortBy, { column: label }) }, label);
    if (state.sort === key) button.append(state.desc ? ' ↓' : ' ↑');
    button.addEventListener('click', () => {
      state = { ...state, sort: key, desc: state.sort === key ? !state.desc : false, page: 1 };
      void update();
    });
    th.append(button);
    return th;
  }

  async function render(): Promise<void> {
    const mine = ++generation;
    let rows = matchingRows(columns, state, dict);
    if (state.sort === 'value' && !values) values = await read.readValues(table);
    rows = sortRows(rows, state.sort, state.desc, columns, dict, locale, values);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
    const page = Math.min(state.page, pages);
    const onPage = rows.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS);
    const shown = await read.readDisplayRows(table, onPage);
    if (mine !== generation) return;
    status.textContent =
      rows.length === table.rows
        ? fill(w.countAll, { total: number.format(table.rows) })
        : fill(w.count, { n: number.format(rows.length), total: number.format(table.rows) });
    if (!rows.length) {
      tableBox.replaceChildren(el('p', {}, w.none));
    } else {
      const body = el('tbody');
      for (const i of onPage) {
        const d = shown.get(i)!;
        const region = columns.region_id[i]!;
        const metric = columns.metric_id[i]!;
        const kind = columns.kind[i]!;
        const scope = d.scope && d.scope !== 'region' ? (locale === 'en' ? (d.scope_en ?? '') : d.scope.slice(d.scope.indexOf(':') + 1)) : '';
        const flags = (columns.flags[i] ?? '').split(';').filter(Boolean);
        const source =
          kind === 'derived'
            ? el('a', { href: href(config.hrefs.computed, { id: metric, obs: d.observation_id }) }, w.computedEntry)
            : el('a', { href: href(config.hrefs.observation, { report: d.report_id, obs: d.observation_id }), 'data-sentence': '' }, w.seeInReport);
        body.append(
          el(
            'tr',
            { 'data-observation': d.observation_id },
            el('td', {}, el('a', { href: href(config.hrefs.region, { id: region }) }, regionName(region))),
            el('td', {}, el('a', { href: href(config.hrefs.metric, { id: metric }), 'data-chart': '' }, metricName(metric)), scope ? ` (${scope})` : ''),
            el('td', {}, periodLabel(d.period, columns.year[i] ?? null)),
            el('td', { class: 'num' }, `${config.qualifierSigns[d.qualifier ?? ''] ?? ''}${formatValue(d.value_base, d.unit_base, locale)}`),
            el('td', {}, w.kinds[kind as keyof typeof w.kinds] ?? kind),
            el('td', {}, ...flags.flatMap((f, k) => [k ? ' ' : '', el('span', { class: flagBadge(f, w.flags).class }, flagBadge(f, w.flags).label)])),
            el('td', {}, source),
          ),
        );
      }
      const c = w.columns;
      tableBox.replaceChildren(
        el(
          'table',
          { class: 'explore-table' },
          el('caption', { class: 'visually-hidden' }, status.textContent),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              header('region', c.region),
              header('metric', c.metric),
              header('year', c.year),
              header('value', c.value, true),
              header('kind', c.kind),
              header(null, c.flags),
              header(null, c.source),
            ),
          ),
          body,
        ),
      );
    }
    renderPager(page, pages);
    readNote.textContent = fill(w.read, {
      kb: number.format(Math.round(read.traffic.bytes / 1024)),
      total: number.format(Math.round(read.traffic.fileBytes / 1024)),
      requests: read.traffic.requests,
    });
    if (first) {
      first = false;
      // for the benchmark: from the script's start to the first filtered rows on screen
      root.dataset.firstResultMs = String(Math.round(performance.now() - started));
    }
    root.dataset.ready = 'true';
  }

  function renderPager(page: number, pages: number): void {
    pager.replaceChildren();
    if (pages < 2) return;
    const go = (n: number, label: string, rel: string) => {
      const b = el('button', { type: 'button', rel }, label);
      b.addEventListener('click', () => {
        state = { ...state, page: n };
        void update();
      });
      return b;
    };
    if (page > 1) pager.append(go(page - 1, w.previous, 'prev'));
    pager.append(el('span', {}, ` ${page} / ${pages} `));
    if (page < pages) pager.append(go(page + 1, w.next, 'next'));
  }

  async function update(): Promise<void> {
    history.replaceState(null, '', `${location.pathname}${exploreQuery(state)}`);
    fillForm();
    await render();
  }

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLSelectElement;
    if (!(FACETS as readonly string[]).includes(target.name)) return;
    state = { ...state, [target.name]: target.value, page: 1 };
    // a region outside the chosen province, or a metric outside the chosen topic, no longer applies
    if (target.name === 'province' && state.region && provinceOf(state.region) !== state.province && state.province) state.region = '';
    if (target.name === 'topic' && state.metric && dict.metrics.get(state.metric)?.topic !== state.topic && state.topic) state.metric = '';
    void update();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, q: search.value.trim(), page: 1 };
      void update();
    }, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, q: search.value.trim(), page: 1 };
    void update();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    state = parseExploreState('');
    void update();
  });
  // the rows first, then the choices of every facet: the table is what the reader came for
  await render();
  fillForm();
}
