// Reading a text file of data/ or one a maintainer hands in: UTF-8 only (a BOM allowed), and when a file is not,
// one clear word naming what it most likely is, so the fix is a conversion, not hundreds of follow-on errors.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const CJK = /[\u4e00-\u9fff]/g;
// Characters of a plain Chinese or English text: ASCII printable and white space, CJK, CJK and full-width punctuation.
const PLAIN = /[\t\n\r\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;

const convert = (encoding: string) => `; it looks like ${encoding} — convert it with: iconv -f ${encoding} -t UTF-8`;

/** Share of a decoding's characters that plain text is made of; -1 when the bytes are not valid in it. */
function plainShare(bytes: Uint8Array, encoding: string, pattern = PLAIN): number {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return (text.match(pattern) ?? []).length / Math.max(1, text.length);
  } catch {
    return -1;
  }
}

/** Line (1-based) of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Decodes UTF-8 (BOM allowed); refuses anything else and names the encoding a file seems to be in. */
export function decodeReport(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { ok: false, message: `is not UTF-8: it is ${encoding} (it starts with a ${encoding} byte order mark)${convert(encoding)}` };
  }
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: named below
  }
  const ok = (text: string): Decoded => ({ ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  if (text !== null && !text.includes('\u0000')) return ok(text);

  // UTF-16 without a byte order mark: every other byte of its ASCII is NUL, and it decodes to plain text.
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      if (plainShare(bytes, encoding) > 0.9) return { ok: false, message: `is not UTF-8${convert(encoding.toUpperCase())}` };
    }
  }
  // UTF-8 text with a stray NUL is text: the rule on control characters names its line and field
  if (text !== null && (text.match(/\u0000/g) ?? []).length * 100 < text.length) return ok(text);
  if (bytes.includes(0)) return { ok: false, message: 'is a binary file (it contains NUL bytes), not a text file' };

  // Mostly valid UTF-8 with a few broken bytes (a file cut mid-character, a bad copy): converting it from another
  // encoding would garble every line, so say where it breaks instead.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let wide = 0;
  for (const ch of lenient) {
    if (ch === '\ufffd') broken++;
    else if (ch.codePointAt(0)! > 0x7f) wide++;
  }
  if (wide >= 10 * broken) {
    const offset = firstInvalidUtf8(bytes);
    const where = offset >= bytes.length - 3 ? 'at its end (the file is cut in the middle of a character)' : `at byte ${offset}, line ${lineAt(bytes, offset)}`;
    return {
      ok: false,
      message: `is UTF-8 with ${broken} invalid byte sequence${broken === 1 ? '' : 's'}, the first ${where}; take the file again from its source rather than converting it`,
    };
  }
  // Chinese pages saved by older tools are usually GB18030 (GBK) or, for Traditional text, Big5.
  // The one that decodes to plain text (a CSV is mostly ASCII), with the larger share of Chinese characters.
  const best = ['gb18030', 'big5']
    .map((encoding) => ({ encoding, plain: plainShare(bytes, encoding), cjk: plainShare(bytes, encoding, CJK) }))
    .filter((c) => c.plain > 0.9 && c.cjk > 0)
    .sort((a, b) => b.cjk - a.cjk)[0];
  return { ok: false, message: `is not UTF-8${best ? convert(best.encoding.toUpperCase()) : ''}` };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // binary search on the longest valid prefix; streaming, a sequence cut by the prefix's end is not an error
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
