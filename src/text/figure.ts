// Parsing of one written figure ("13。7亿元", "近60亿元", "500余万元", "90%以上", "两所") into number, unit and
// qualifier. The compile step uses it to prove a curated value against its quote; the extractor uses it on candidates.
import { INFIX_QUALIFIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, type Qualifier } from '../vocab/qualifiers.ts';
import { MULTIPLIER_EXP, TRADITIONAL, UNIT_WORDS, type UnitBase } from '../vocab/units.ts';

function toSimplifiedForParsing(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL[ch] ?? ch;
  return out;
}

// Full-width digits and the decimal points the reports actually use: "13。7亿元" and "2。2万个" write 。 where a
// decimal point is meant, some pages use the full-width ．
const DIGIT_MAP: Record<string, string> = {
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
  '．': '.',
  '。': '.',
  '％': '%',
  '，': ',',
};
function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) out += DIGIT_MAP[ch] ?? ch;
  return out;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral below ten thousand ("十二" → 12, "两" → 2, "一百二十" → 120); NaN when it is not one. */
export function parseChineseNumeral(text: string): number {
  if (!text) return Number.NaN;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGIT) {
      if (CN_DIGIT[ch] === 0) {
        if (digit !== null) return Number.NaN; // "二〇二一" is a year written out, not an amount
        continue; // "三千零五": 零 only marks a skipped place
      }
      if (digit !== null) return Number.NaN; // "二三" is not a number
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_SMALL_UNIT) {
      total += (digit ?? 1) * CN_SMALL_UNIT[ch]!;
      digit = null;
    } else return Number.NaN;
  }
  return total + (digit ?? 0);
}

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

export type ParsedFigure = { ok: true; value: number; valueText: string; unit: string; qualifier: Qualifier } | { ok: false; reason: string };

const NUMBER_RE = /^(\d+(?:\.\d+)?)/;

/**
 * Parses the written form of one figure. `unit` is returned exactly as written in `text` (Traditional stays
 * Traditional); `valueText` is the number in ASCII digits as written, without trailing-zero changes.
 */
export function parseFigure(text: string): ParsedFigure {
  const written = text.trim();
  if (!written) return { ok: false, reason: 'empty figure' };
  // Blanked digits ("220__个") come from anonymised templates: the number is unreadable, not zero.
  if (/[_＿]/.test(written)) return { ok: false, reason: 'unreadable: digits are blanked in the source' };
  const simple = asciiDigits(toSimplifiedForParsing(written));
  let rest = simple;
  let offset = 0; // position in `written`, which has the same length as `simple` (all mappings are 1:1)
  let qualifier: Qualifier = '';
  for (const [word, q] of PREFIX_QUALIFIERS) {
    if (rest.startsWith(word)) {
      qualifier = q;
      rest = rest.slice(word.length);
      offset += word.length;
      break;
    }
  }
  let value: number;
  let valueText: string;
  const arabic = NUMBER_RE.exec(rest.replace(/(?<=\d),(?=\d{3})/g, ''));
  if (arabic) {
    valueText = arabic[1]!;
    value = Number(valueText);
    // thousands separators ("1,200") are dropped from the value but count in the written length
    const consumed = countWithSeparators(rest, valueText.length);
    rest = rest.slice(consumed);
    offset += consumed;
  } else {
    let n = 0;
    while (n < rest.length && CN_NUMERAL_CHARS.includes(rest[n]!)) n++;
    value = parseChineseNumeral(rest.slice(0, n));
    if (!n || Number.isNaN(value)) return { ok: false, reason: 'no number found' };
    valueText = String(value);
    rest = rest.slice(n);
    offset += n;
  }
  // A range ("2-4次", "1—2项") is read as at least its lower end; the upper end stays in the figure's text.
  const range = /^[-—–~～至到](\d+(?:\.\d+)?)/.exec(rest);
  if (range && arabic) {
    if (Number(range[1]) < value) return { ok: false, reason: 'a range whose upper end is below its lower end' };
    if (qualifier) return { ok: false, reason: 'two qualifiers' };
    qualifier = 'ge';
    rest = rest.slice(range[0].length);
    offset += range[0].length;
  }
  for (const [word, q] of INFIX_QUALIFIERS) {
    if (rest.startsWith(word)) {
      if (qualifier) return { ok: false, reason: 'two qualifiers' };
      qualifier = q;
      rest = rest.slice(word.length);
      offset += word.length;
      break;
    }
  }
  let unitEnd = rest.length;
  for (const [word, q] of SUFFIX_QUALIFIERS) {
    if (rest.endsWith(word)) {
      if (qualifier && !(q === 'gt' && qualifier === 'gt')) return { ok: false, reason: 'two qualifiers' };
      qualifier = q;
      unitEnd = rest.length - word.length;
      break;
    }
  }
  // "10万余人": the infix qualifier may follow a multiplier
  let unitSimple = rest.slice(0, unitEnd);
  let unitWritten = written.slice(offset, offset + unitEnd);
  const inner = /^([万亿千])([余多])(.*)$/.exec(unitSimple);
  if (inner) {
    if (qualifier) return { ok: false, reason: 'two qualifiers' };
    qualifier = 'gt';
    unitSimple = inner[1]! + inner[3]!;
    unitWritten = unitWritten.slice(0, 1) + unitWritten.slice(2);
  }
  if (!unitForParsing(unitSimple)) return { ok: false, reason: `unknown unit "${unitWritten}"` };
  return { ok: true, value, valueText, unit: unitWritten, qualifier };
}

function countWithSeparators(text: string, digits: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < digits) {
    if (text[i] !== ',') seen++;
    i++;
  }
  return i;
}

export type UnitInfo = { base: UnitBase; exponent: number };

function unitForParsing(unit: string): UnitInfo | null {
  // "元/生·年", "元/人": a rate per person keeps the base of its numerator
  const head = unit.split('/')[0]!;
  // Some figures carry no unit at all ("化解1200余有各种诉求的考生家庭"): a bare count.
  if (head === '') return { base: 'count', exponent: 0 };
  if (head in UNIT_WORDS) return { base: UNIT_WORDS[head]!, exponent: 0 };
  const first = head[0];
  if (first && first in MULTIPLIER_EXP && head.length > 1) {
    const base = UNIT_WORDS[head.slice(1)];
    if (base && base !== '%' && base !== 'pp') return { base, exponent: MULTIPLIER_EXP[first]! };
  }
  // "万" alone after a count of people or things ("招生2万") is a count
  if (head in MULTIPLIER_EXP) return { base: 'count', exponent: MULTIPLIER_EXP[head]! };
  return null;
}

/** The base unit and power of ten of a unit as written ("亿元" → CNY × 10⁸); null for an unknown unit. */
export function unitInfo(unit: string): UnitInfo | null {
  return unitForParsing(asciiDigits(toSimplifiedForParsing(unit)));
}

/**
 * Multiplies a decimal written in ASCII by 10^exponent without binary rounding, so 13.7亿元 becomes exactly
 * 1370000000 and not 1370000000.0000002.
 */
export function scaleDecimal(valueText: string, exponent: number): string {
  const negative = valueText.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? valueText.slice(1) : valueText).split('.');
  let digits = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  return (negative ? '-' : '') + (frac ? `${whole}.${frac}` : whole);
}

/** Number of decimals written ("47.88" → 2), used to judge how far a stated figure may be from its arithmetic. */
export function writtenDecimals(valueText: string): number {
  const dot = valueText.indexOf('.');
  return dot < 0 ? 0 : valueText.length - dot - 1;
}
