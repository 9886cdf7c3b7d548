// Finds every numeric mention in a report's text, with its offsets, and says what it is: a figure worth curating,
// or a year, a date, a document number, an ordinal, a range. Figures are read by parseFigure, the same reader the
// compile step uses to prove curated values.
import { PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, type Qualifier } from '../vocab/qualifiers.ts';
import { MULTIPLIER_EXP, UNIT_WORDS, spellings } from '../vocab/units.ts';
import { CN_NUMERAL_CHARS, parseFigure, unitInfo, scaleDecimal } from './figure.ts';

export type MentionCategory = 'figure' | 'range' | 'unreadable' | 'year' | 'date' | 'document_number' | 'ordinal' | 'name';

export type Mention = {
  /** Offsets in UTF-16 code units of the text given (see codePointOffset for published offsets). */
  start: number;
  end: number;
  text: string;
  category: MentionCategory;
  value: number | null;
  valueText: string;
  unit: string;
  valueBase: string;
  unitBase: string;
  qualifier: Qualifier;
};

const DIGIT = '0-9０-９';
const DECIMAL = '.。．';
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest word first, so 不得低于 wins over 低于, 个百分点 over 个 and 人次 over 人.
const alternation = (words: string[]) =>
  [...new Set(words.flatMap(spellings))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|');
const PREFIX = alternation(PREFIX_QUALIFIERS.map(([word]) => word));
// 届 is no unit of a figure, but it is read as one so that 第六届 and 九届八次 are recognised as ordinals.
const UNIT_ALTERNATION = alternation([...Object.keys(UNIT_WORDS), '届']);
// 百 is left out: before 分 it would read 百分点 as "hundred points".
const MULTIPLIER = Object.keys(MULTIPLIER_EXP)
  .filter((m) => m !== '百')
  .flatMap(spellings)
  .join('');
// 余/多 have their own rule below; a trailing + is mostly arithmetic ("5+2").
const SUFFIX = alternation(SUFFIX_QUALIFIERS.map(([word]) => word).filter((word) => word.length > 1));

// number (Arabic with an optional decimal written as . 。 or ．, or Chinese numerals), optional 余/多, optional
// multiplier, optional unit, optional trailing qualifier. A blanked number (220__个, 20__年) is caught too.
const FIGURE_RE = new RegExp(
  `(?<prefix>${PREFIX})?` +
    `(?<number>[${DIGIT}]+[_＿]{2,}[${DIGIT}]*|[_＿]{2,}[${DIGIT}]+|[${DIGIT}]+(?:,[${DIGIT}]{3})*(?:[${DECIMAL}][${DIGIT}]+)?(?:[—–~～\\-至到][${DIGIT}]+(?:[${DECIMAL}][${DIGIT}]+)?)?|[${CN_NUMERAL_CHARS}兩]+)` +
    `(?<infix>[余餘多](?=[${MULTIPLIER}]|${UNIT_ALTERNATION}))?` +
    `(?<multiplier>[${MULTIPLIER}][余餘多]?)?` +
    `(?<unit>${UNIT_ALTERNATION})?` +
    `(?<suffix>${SUFFIX}|[余餘多](?![${DIGIT}]))?`,
  'gu',
);

// Chinese numerals inside words are not figures: 一是, 统一, 十四五, 一对一, 三全育人. They count only when a
// measure word follows, and a lone 一 ("一所学校" = "a school") is left out.
function chineseNumeralCounts(numeral: string, unit: string): boolean {
  // 一 with a concrete measure word counts (新建一所, 一期); with 个, 批, 项 it is mostly the article "a".
  if (numeral === '一') return /^[所座期名位班栋幢]$/.test(unit);
  if (['〇', '零', '十', '百', '千'].includes(numeral)) return false; // 百年, 千家万户
  return unit !== '' && unit !== '年';
}

const DOCUMENT_NUMBER = /[〔[［(（]\s*[12]\d{3}\s*[〕\]］)）]\s*\d+\s*号/g;

function categorise(text: string, start: number, end: number, body: string, unit: string, qualified: boolean): MentionCategory {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  // 20__ is a blanked year wherever it stands (20__年, 20__—20__年, 20__版); 220__个 is a garbled figure.
  if (/[_＿]/.test(body)) return unit === '年' || after.startsWith('年') || /^(19|20)[_＿]+$/.test(body) ? 'year' : 'unreadable';
  if (/[第届屆]$/.test(before)) return 'ordinal'; // 第六届, 九届八次全会
  if (unit === '年' && /^[级級]/.test(after)) return 'ordinal'; // 1—3年级 is a range of grades
  if (unit === '期' && /^(工程|项目|項目)/.test(after)) return 'ordinal'; // 二期工程 is the second phase
  // A bare four-digit number in the range of years is a year ("2019、2020年"); 1500多万 is not.
  if (/^(19[4-9]\d|20\d{2})([—–~～\-至到](19[4-9]\d|20\d{2}))?$/.test(body) && unit === '' && !qualified) return 'year';
  if (unit === '年' && /^[12]\d{3}/.test(body)) return 'year';
  if (/^[月日号號]/.test(after) || before.endsWith('月') || (/^\d{1,2}$/.test(body) && /^[月日]/.test(after))) return 'date';
  if (/[—–~～\-至到]/.test(body)) return 'range';
  return 'figure';
}

export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const documentSpans: [number, number][] = [];
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    documentSpans.push([m.index, m.index + m[0].length]);
    mentions.push(blank(m.index, m.index + m[0].length, m[0], 'document_number'));
  }
  // matches come in text order, so one pointer into the document numbers suffices (a scan of all was quadratic)
  let doc = 0;
  const inDocument = (i: number) => {
    while (doc < documentSpans.length && documentSpans[doc]![1] <= i) doc++;
    return doc < documentSpans.length && i >= documentSpans[doc]![0];
  };
  for (const m of text.matchAll(FIGURE_RE)) {
    const raw = m[0];
    if (!raw || inDocument(m.index)) continue;
    const { prefix = '', number = '', unit = '', multiplier = '', infix = '', suffix = '' } = m.groups!;
    const start = m.index;
    const isArabic = /[0-9０-９_＿]/.test(number);
    if (!isArabic && !chineseNumeralCounts(number, unit)) continue;
    // Numerals of a quoted slogan or name (“两个确立”, “三位一体”, “五项管理”) and 每一所 ("every school") count nothing.
    // (the character before is tested alone: a regex ending in $ on the text so far made the scan quadratic)
    if (!isArabic && !prefix && /[“「‘"『每]/.test(text[start - 1] ?? '')) {
      mentions.push(blank(start, start + raw.length, raw, 'name'));
      continue;
    }
    const ascii = number.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
    const category = categorise(text, start + prefix.length, start + raw.length, ascii, unit, Boolean(multiplier || infix || suffix));
    if (category !== 'figure') {
      mentions.push(blank(start + prefix.length, start + raw.length, raw.slice(prefix.length), category));
      continue;
    }
    // A bare number is offered only with a multiplier or qualifier ("1200余"); alone it is too often part of a name.
    // The exception is an item of a list of counts whose measure word the source left out (中青年专家1、最美教师…6名).
    const listItem = isArabic && /[\u4e00-\u9fff]/.test(text[start - 1] ?? '') && /^[、,，;；]/.test(text.slice(start + raw.length));
    if (!unit && !multiplier && !infix && !suffix && !listItem) continue;
    // A trailing decimal mark is the sentence's full stop, not part of the number.
    let figureText = raw.replace(/[。．.]$/, '');
    let parsed = parseFigure(figureText);
    if (!parsed.ok && prefix) {
      figureText = figureText.slice(prefix.length);
      parsed = parseFigure(figureText);
    }
    if (!parsed.ok) continue;
    const figureStart = start + raw.indexOf(figureText);
    const info = unitInfo(parsed.unit);
    mentions.push({
      start: figureStart,
      end: figureStart + figureText.length,
      text: figureText,
      category: 'figure',
      value: parsed.value,
      valueText: parsed.valueText,
      unit: parsed.unit,
      valueBase: info ? scaleDecimal(parsed.valueText, info.exponent) : parsed.valueText,
      unitBase: info?.base ?? '',
      qualifier: parsed.qualifier,
    });
  }
  return mergeRanges(
    text,
    mentions.sort((a, b) => a.start - b.start),
  );
}

// "20%-30%" and "1—2项" are one statement of a range: the two ends become one mention valued at its lower end.
function mergeRanges(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out.at(-1);
    if (
      last &&
      last.category === 'figure' &&
      m.category === 'figure' &&
      last.unitBase === m.unitBase &&
      /^[—–~～\-至到]$/.test(text.slice(last.end, m.start))
    ) {
      out[out.length - 1] = { ...last, end: m.end, text: text.slice(last.start, m.end), category: 'range' };
      continue;
    }
    if (m.category === 'range') {
      const low = /^[0-9０-９.。．]+/.exec(m.text)?.[0];
      const parsed = low ? parseFigure(m.text.replace(/[—–~～\-至到][0-9０-９.。．]+/, '')) : null;
      if (parsed?.ok) {
        const info = unitInfo(parsed.unit);
        out.push({
          ...m,
          value: parsed.value,
          valueText: parsed.valueText,
          unit: parsed.unit,
          valueBase: info ? scaleDecimal(parsed.valueText, info.exponent) : '',
          unitBase: info?.base ?? '',
        });
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

function blank(start: number, end: number, text: string, category: MentionCategory): Mention {
  return { start, end, text, category, value: null, valueText: '', unit: '', valueBase: '', unitBase: '', qualifier: '' };
}

/** Characters a sentence may reach on either side of its figure: a text without stops is not one sentence of 20 MB. */
export const SENTENCE_REACH = 300;

/**
 * The sentence around a position: cut at 。！？；and line ends, but not at a 。 used as a decimal point, and at most
 * `reach` characters either side of the figure, which keeps extraction linear in the text's length.
 */
export function sentenceAround(text: string, start: number, end: number, reach = SENTENCE_REACH): { start: number; end: number; text: string } {
  const isStop = (i: number) => {
    const ch = text[i]!;
    // a CRLF text's line ends at its \r: a quote ending in \r is refused by npm run data
    if (ch === '\n' || ch === '\r' || ch === '！' || ch === '？' || ch === '；' || ch === '!' || ch === '?' || ch === ';') return true;
    return ch === '。' && !(/[0-9０-９]/.test(text[i - 1] ?? '') && /[0-9０-９]/.test(text[i + 1] ?? ''));
  };
  let a = start;
  const from = Math.max(0, start - reach);
  while (a > from && !isStop(a - 1)) a--;
  let b = end;
  const to = Math.min(text.length, end + reach);
  while (b < to && !isStop(b)) b++;
  // not in the middle of a surrogate pair
  if (a > 0 && /[\udc00-\udfff]/.test(text[a]!)) a++;
  if (b < text.length && /[\udc00-\udfff]/.test(text[b]!)) b++;
  if (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  while (a < b && /\s/.test(text[a]!)) a++;
  return { start: a, end: b, text: text.slice(a, b) };
}
