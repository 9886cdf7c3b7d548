// The column dictionary of the published files: the single source of datapackage.json's Table Schemas and of the
// data page's column tables.
import { unsafeCell } from '../lib/csv-safe.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array';
export type Column = { name: string; type: FieldType; en: string; zh: string };

/** Folders of public/data/ that split observations.json by metric and by region: <folder>/<id>.json, same columns. */
export const SHARDS = { metric: 'by-metric', region: 'by-region' } as const;

const c = (name: string, type: FieldType, en: string, zh: string): Column => ({ name, type, en, zh });

export const TABLES = {
  observations: {
    title: 'Observations',
    description: 'One row per figure: as written in the report, normalised, located in its source sentence.',
    primaryKey: 'observation_id',
    foreignKeys: [
      { fields: 'report_id', reference: { resource: 'reports', fields: 'report_id' } },
      { fields: 'region_id', reference: { resource: 'regions', fields: 'region_id' } },
      { fields: 'metric_id', reference: { resource: 'metrics', fields: 'metric_id' } },
    ],
    columns: [
      c('observation_id', 'string', 'Stable id: <report_id>-<local id>; derived values: <report_id>-d-<metric>-<period>.', '稳定编号：报告编号-本地编号；推算值为 报告编号-d-指标-期间。'),
      c('report_id', 'string', 'The report the figure comes from.', '数字所在的报告。'),
      c('region_id', 'string', 'The region the report covers (GB/T 2260 code when identified).', '报告所属地区（已识别的用 GB/T 2260 代码）。'),
      c('metric_id', 'string', 'What is measured (see metrics).', '指标（见指标表）。'),
      c('period', 'string', 'The period the figure describes: 2019, 2015H1, a span 2014-2018, or Y / Y-1 when the report blanks its year.', '数字所指期间：2019、2015H1、区间 2014-2018；报告年份被隐去时为 Y、Y-1。'),
      c('year', 'integer', 'The calendar year the period ends in; empty when unknown.', '期间结束的年份；未知时为空。'),
      c('kind', 'string', 'actual, target (a goal), plan (a planned input) or derived (computed by this site).', 'actual 实际、target 目标、plan 计划、derived 本站推算。'),
      c('value', 'number', 'The number as written in the report.', '报告中写的数字。'),
      c('unit', 'string', 'The unit as written (亿元, %, 个百分点, 所…).', '报告中写的单位。'),
      c('value_base', 'number', 'The value in its base unit (yuan, percent, persons…).', '换算到基本单位后的数值。'),
      c('unit_base', 'string', 'Base unit: CNY, %, pp (percentage points), count, person, person_time, m2, mu, score, hour, times, day, year.', '基本单位。'),
      c('qualifier', 'string', 'Empty, approx (约/近), gt (余/多/超过), ge (以上/不低于), lt (不到), le (以内/不超过).', '限定词：约、余、以上、以内等。'),
      c('scope', 'string', 'region, or the part it describes: school:<name>, group:<who>, area:<name>, named in the report’s Chinese.', '范围：全地区，或某校、某群体、某区域（用报告原文的中文名称）。'),
      c('scope_en', 'string', 'The part’s name in English; empty for region.', '范围的英文名称；全地区为空。'),
      c('quote', 'string', 'The verbatim sentence of the report.', '报告原句（逐字）。'),
      c('quote_start', 'integer', 'Start of the quote in the report text, in Unicode code points.', '原句在报告文本中的起始位置（码点）。'),
      c('quote_end', 'integer', 'End of the quote (exclusive).', '原句结束位置（不含）。'),
      c('figure_start', 'integer', 'Start of the figure itself in the report text.', '数字本身的起始位置。'),
      c('figure_end', 'integer', 'End of the figure (exclusive).', '数字本身的结束位置（不含）。'),
      c('figure_text', 'string', 'The figure exactly as written (13。7亿元).', '数字原文（如 13。7亿元）。'),
      c('flags', 'array', 'Semicolon-separated warnings: inconsistent_change, inconsistent_rate, garbled_in_source, year_inferred…', '分号分隔的标记：前后矛盾、原文残缺、年份推断等。'),
      c('note', 'string', "The curator's note: definitions, arithmetic, judgement calls.", '整理者注释。'),
      c('checks', 'string', 'What the build verified or computed, in words.', '构建时的核对或计算说明。'),
      c('inputs', 'array', 'For derived values: the observations they are computed from.', '推算值所依据的观测。'),
    ],
  },
  metrics: {
    title: 'Metrics',
    description: 'The metric dictionary: what each metric measures, in Chinese and English.',
    primaryKey: 'metric_id',
    foreignKeys: [],
    columns: [
      c('metric_id', 'string', 'Metric id.', '指标编号。'),
      c('topic', 'string', 'Topic: access, places, funding, aid, exams, teachers, quality, governance.', '主题。'),
      c('name_zh', 'string', 'Name in Chinese.', '中文名称。'),
      c('name_en', 'string', 'Name in English.', '英文名称。'),
      c('unit_base', 'string', 'Base unit of its values.', '基本单位。'),
      c('higher_is_better', 'boolean', 'Whether a higher value is better; empty when the direction carries no judgement.', '数值越高是否越好；无判断时为空。'),
      c('definition_zh', 'string', 'Definition in Chinese.', '中文定义。'),
      c('definition_en', 'string', 'Definition in English.', '英文定义。'),
      c('measure', 'string', 'rate, change or average (comparable across regions of different sizes); count or amount (not comparable without a denominator).', '度量类型：比率、变化、平均数（不同规模地区可比）；数量、金额（无分母时不可直接比较）。'),
      c('compare', 'string', 'yes: the same quantity in every region; province: defined per province (exam lines), compared within a province only; no: local programmes or honours, listed but never ranked.', '可比性：yes 各地同一口径；province 各省口径不同（如本科线），只在省内比较；no 各地项目或荣誉不同，只列出、不排名。'),
      c('period_basis', 'string', 'The period a comparable value covers: year, half_year, semester or multi_year.', '可比数值所指期间：年、半年、学期、多年。'),
      c('stage', 'string', 'Level of schooling: all, preschool, compulsory, primary, lower_secondary, upper_secondary, general_upper_secondary, vocational, higher, special, none.', '学段：全部、学前、义务教育、小学、初中、高中阶段、普通高中、职业教育、高等教育、特殊教育、不涉及学段。'),
      c('keywords', 'array', 'Words that announce the metric in a sentence (used by the extraction assistant).', '提示该指标的关键词。'),
      c('derived_from', 'string', 'For metrics computed by this site: the metric they are computed from.', '本站推算指标的来源指标。'),
    ],
  },
  regions: {
    title: 'Regions',
    description: 'Regions the reports cover, with how each was identified.',
    primaryKey: 'region_id',
    foreignKeys: [],
    columns: [
      c('region_id', 'string', 'GB/T 2260 code when identified, else a descriptive id.', '已识别为 GB/T 2260 代码，否则为描述性编号。'),
      c('name_zh', 'string', 'Name in Chinese.', '中文名称。'),
      c('name_en', 'string', 'Name in English.', '英文名称。'),
      c('level', 'string', 'province, city (prefecture-level), county_city (county-level city), county, district (urban district), unknown.', '行政级别：省、地级市、县级市、县、市辖区。'),
      c('province_zh', 'string', 'Province in Chinese.', '所在省份。'),
      c('province_en', 'string', 'Province in English.', '所在省份（英文）。'),
      c('gb_code', 'string', 'GB/T 2260 administrative code; empty when unidentified.', '行政区划代码；未识别为空。'),
      c('basis', 'string', 'How it was identified: explicit, inferred, unknown.', '识别依据：明确、推断、未知。'),
      c('evidence', 'string', 'Verbatim quotes that identify it.', '识别所据原文。'),
      c('reasoning', 'string', 'The reasoning, in one line.', '推理说明。'),
    ],
  },
  reports: {
    title: 'Reports',
    description: 'The bureau reports, with their origin and how their year was established.',
    primaryKey: 'report_id',
    foreignKeys: [{ fields: 'region_id', reference: { resource: 'regions', fields: 'region_id' } }],
    columns: [
      c('report_id', 'string', 'Report id.', '报告编号。'),
      c('seed_file', 'string', 'The web page text it was cut from.', '所取自的原始网页文本。'),
      c('part', 'string', 'Its part within that file (篇3), if any.', '在该文件中的篇目。'),
      c('title', 'string', 'Title as in the source.', '原标题。'),
      c('title_en', 'string', 'Title in English.', '英文标题。'),
      c('bureau', 'string', 'Issuing bureau as named.', '发布机构。'),
      c('bureau_en', 'string', 'Issuing bureau in English.', '发布机构（英文）。'),
      c('region_id', 'string', 'Region covered.', '所属地区。'),
      c('kind', 'string', 'annual_summary, half_year_summary, summary_and_plan, plan, other.', '文件类型。'),
      c('period', 'string', 'Period covered.', '所涉期间。'),
      c('year', 'integer', 'Year; empty when unknown.', '年份；未知为空。'),
      c('year_basis', 'string', 'explicit, inferred or unknown.', '年份依据：明确、推断、未知。'),
      c('year_evidence', 'array', 'Verbatim quotes that establish the year.', '确定年份所据原文。'),
      c('year_reasoning', 'string', 'The reasoning, in one line.', '推理说明。'),
      c('language', 'string', 'zh-Hans or zh-Hant.', '简体或繁体。'),
      c('published', 'string', 'Publication date if the page gives one.', '发布日期（如有）。'),
      c('notes', 'string', 'What a researcher should know about the document.', '关于该文件的说明。'),
      c('source_index_no', 'string', 'The index number (索引号) the source page gives, verbatim; empty if none.', '原网页所载索引号（原文照录；无则为空）。'),
      c('source_issued', 'string', 'The date issued (发文日期) the source page gives, verbatim; empty if none.', '原网页所载发文日期（原文照录；无则为空）。'),
      c('source_publisher', 'string', 'The publisher (发布机构) the source page gives, verbatim; empty if none.', '原网页所载发布机构（原文照录；无则为空）。'),
      c('seed_sha256', 'string', 'SHA-256 of the seed file.', '原始文件的 SHA-256。'),
      c('source_sha256', 'string', 'SHA-256 of the cleaned text (sources/<report_id>.txt).', '整理后文本的 SHA-256。'),
      c('observation_count', 'integer', 'Number of curated figures.', '已整理的数字个数。'),
      c('mentions_found', 'integer', 'Numeric mentions the extraction assistant finds in the text (years, dates, ordinals and document numbers excluded).', '提取程序在原文中找到的数字（不含年份、日期、序数、文号）。'),
      c('mentions_curated', 'integer', 'Of those, mentions that are curated figures.', '其中已整理的。'),
      c('mentions_skipped', 'integer', 'Of those, mentions deliberately not curated (skipped.csv, with a reason).', '其中有意不整理的（附理由）。'),
      c('to_review', 'array', 'Mentions not yet reviewed, as code-point spans start-end.', '尚未审阅的数字位置。'),
    ],
  },
  reference: {
    title: 'National reference values',
    description: 'Official national statistics (教育部, 国家统计局) drawn as reference marks; not bureau reports.',
    primaryKey: ['measure', 'year'],
    foreignKeys: [{ fields: 'metric_id', reference: { resource: 'metrics', fields: 'metric_id' } }],
    columns: [
      c('measure', 'string', 'The national series as its source names it.', '全国数据系列名称。'),
      c('metric_id', 'string', 'The metric of this site it stands beside.', '对应的本站指标。'),
      c('year', 'integer', 'Year the value describes.', '数值所指年份。'),
      c('value', 'number', 'National value.', '全国数值。'),
      c('unit', 'string', 'Unit.', '单位。'),
      c('document', 'string', 'The official document it comes from.', '出处文件。'),
      c('publisher', 'string', 'Who published it.', '发布机构。'),
      c('published', 'string', 'When that document was published.', '文件发布时间。'),
      c('note', 'string', 'How the value is stated there, where it is not stated directly.', '说明（如数值由该文件间接给出）。'),
    ],
  },
} as const;

export type TableName = keyof typeof TABLES;
export const columnNames = (table: TableName) => TABLES[table].columns.map((col) => col.name);

/** Reads a published CSV record back to typed values, the inverse of how publish.ts writes them. */
export function typedRecord(table: TableName, record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of TABLES[table].columns) {
    const text = unsafeCell(record[col.name] ?? '');
    out[col.name] =
      col.type === 'array' ? (text ? text.split(';') : [])
      : col.type === 'number' || col.type === 'integer' ? (text === '' ? null : Number(text))
      : col.type === 'boolean' ? (text === '' ? null : text === 'true')
      : text;
  }
  return out;
}
