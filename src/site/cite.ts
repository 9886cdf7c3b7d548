// Citations of one figure and of one report in GB/T 7714-2015, APA 7 and BibTeX: the report, the bureau, where
// the sentence sits in the report's text, the dataset version and the permalink. Pure text, so pages render them
// without JavaScript and a test can check them against the report's fields.
import type { Observation } from '../model/observation.ts';
import type { PublishedReport } from '../model/report.ts';

export type Citations = { gbt: string; apa: string; bibtex: string };
export type DatasetVersion = { version: string; date: string };
// A report is cited by the site's title for it (report-title.ts): the sources' own say neither place nor year.
type Report = Pick<PublishedReport, 'report_id' | 'bureau' | 'bureau_en' | 'year'> & { heading_zh: string; heading_en: string };
type Figure = Pick<Observation, 'observation_id' | 'quote_start' | 'quote_end' | 'figure_text'>;

/** Line numbers (1-based) of code-point offsets in a text, as the published quote offsets count. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  let at = 0;
  for (const ch of text) {
    at++;
    if (ch === '\n') starts.push(at);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const DATASET_ZH = '教育局数据图谱：地方教育局工作报告中的数字';
const DATASET_EN = 'Bureau Atlas: figures from Chinese local education bureaus’ work reports';
// LaTeX reads % as a comment, _ and $ as mathematics, & # ^ ~ as markup; BibTeX counts every brace, escaped or
// not, so a brace of the text is written as a command that holds none (a note's "80%" once ended the entry there).
const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  _: '\\_',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};
/** Text as the value of a BibTeX field: every character LaTeX or BibTeX would read as markup escaped. */
export const bibtexText = (text: string) => text.replace(/[\\{}%_&#$^~]/g, (c) => LATEX[c]!);
const bib = bibtexText;
/** A URL in a BibTeX url field: read verbatim by url/hyperref, but BibTeX still counts its braces. */
const bibUrl = (url: string) => url.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
const version = (v: DatasetVersion) => (v.date ? `${v.version} (${v.date})` : v.version);

/** Where the sentence sits: "第 12 行，字符 345–402" / "line 12, characters 345–402" (code points of sources/<id>.txt). */
export function location(o: Figure, line: number | null): { zh: string; en: string } {
  const span = o.quote_start === null ? null : `${o.quote_start}–${o.quote_end}`;
  return {
    zh: [line !== null ? `第 ${line} 行` : '', span ? `字符 ${span}` : ''].filter(Boolean).join('，'),
    en: [line !== null ? `line ${line}` : '', span ? `characters ${span}` : ''].filter(Boolean).join(', '),
  };
}

/** `permalink` is null where the site's address is not configured: a citation gives no address rather than a wrong one. */
export function figureCitations(o: Figure, r: Report, line: number | null, v: DatasetVersion, permalink: string | null): Citations {
  const at = location(o, line);
  const year = r.year === null ? null : String(r.year);
  return {
    gbt: `${r.bureau}. ${r.heading_zh}[R/OL]//bureau-atlas 贡献者. ${DATASET_ZH}[DS/OL]. ${v.version} 版. ${year ?? '出版年不详'}: ${at.zh}“${o.figure_text}”${v.date ? `[${v.date}]` : ''}.${permalink ? ` ${permalink}.` : ''}`,
    apa: `${r.bureau_en}. (${year ?? 'n.d.'}). ${r.heading_en} [${r.heading_zh}] (${at.en}: “${o.figure_text}”). In bureau-atlas contributors, ${DATASET_EN} (Version ${version(v)}) [Data set].${permalink ? ` ${permalink}` : ''}`,
    bibtex: [
      `@misc{${o.observation_id.replace(/[^A-Za-z0-9]/g, '_')},`,
      `  author = {{${bib(r.bureau)}}},`,
      `  title = {${bib(r.heading_zh)}},`,
      year ? `  year = {${year}},` : '',
      `  howpublished = {bureau-atlas dataset, version ${bib(version(v))}},`,
      `  note = {${bib(at.en)}: ${bib(o.figure_text)}; observation ${bib(o.observation_id)}},`,
      permalink ? `  url = {${bibUrl(permalink)}}` : '',
      '}',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

export function reportCitations(r: Report, v: DatasetVersion, permalink: string | null): Citations {
  const year = r.year === null ? null : String(r.year);
  return {
    gbt: `${r.bureau}. ${r.heading_zh}[R/OL]//bureau-atlas 贡献者. ${DATASET_ZH}[DS/OL]. ${v.version} 版. ${year ?? '出版年不详'}${v.date ? `[${v.date}]` : ''}.${permalink ? ` ${permalink}.` : ''}`,
    apa: `${r.bureau_en}. (${year ?? 'n.d.'}). ${r.heading_en} [${r.heading_zh}]. In bureau-atlas contributors, ${DATASET_EN} (Version ${version(v)}) [Data set].${permalink ? ` ${permalink}` : ''}`,
    bibtex: [
      `@misc{${r.report_id.replace(/[^A-Za-z0-9]/g, '_')},`,
      `  author = {{${bib(r.bureau)}}},`,
      `  title = {${bib(r.heading_zh)}},`,
      year ? `  year = {${year}},` : '',
      `  howpublished = {bureau-atlas dataset, version ${bib(version(v))}},`,
      permalink ? `  url = {${bibUrl(permalink)}}` : '',
      '}',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
