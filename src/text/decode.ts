// Reading a report file a maintainer hands in: UTF-8 only, with a clear word when it is something else.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const CJK = /[\u4e00-\u9fff]/g;

/** Decodes UTF-8 (BOM allowed); refuses binary files and names the encoding a non-UTF-8 text seems to be in. */
export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { ok: false, message: 'is a binary file (it contains NUL bytes), not a text file' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    // Chinese pages saved by older tools are usually GB18030 (GBK) or, for Traditional text, Big5.
    const candidates = ['gb18030', 'big5', 'utf-16le'].map((encoding) => {
      try {
        const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
        return { encoding, score: (text.match(CJK) ?? []).length / Math.max(1, text.length) };
      } catch {
        return { encoding, score: -1 };
      }
    });
    const best = candidates.sort((a, b) => b.score - a.score)[0]!;
    const guess = best.score > 0.2 ? `; it looks like ${best.encoding.toUpperCase()} — convert it with: iconv -f ${best.encoding.toUpperCase()} -t UTF-8` : '';
    return { ok: false, message: `is not UTF-8${guess}` };
  }
}
