// A chart's data as a download: the observations with their region and the national value, in one set of columns
// for the whole metric and for the rows drawn, as CSV (UTF-8) or as CSV that Excel opens as is.
import { toCsv } from '../lib/csv.ts';
import type { Observation } from '../model/observation.ts';
import { nationalValue } from './chart-model.ts';
import type { SiteData } from './data.ts';

const COLUMNS = [
  'observation_id',
  'region_id',
  'region_zh',
  'region_en',
  'level',
  'metric_id',
  'period',
  'year',
  'kind',
  'value',
  'unit',
  'value_base',
  'unit_base',
  'qualifier',
  'scope',
  'flags',
  'national_value',
  'quote',
  'report_id',
] as const;

export function chartCsv(data: SiteData, observations: Observation[], excel: boolean): Response {
  const rows = observations.map((o) => {
    const region = data.region.get(o.region_id);
    return { ...o, region_zh: region?.name_zh, region_en: region?.name_en, level: region?.level, national_value: nationalValue(data, o.metric_id, o.year) };
  });
  const csv = toCsv(rows, COLUMNS);
  // Excel on Chinese Windows reads a CSV without a byte-order mark as GBK and shows UTF-8 Chinese garbled.
  return new Response(excel ? `\uFEFF${csv.replace(/\n/g, '\r\n')}` : csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
