// The Chinese of what the build writes in checks_en (checks.ts, derive.ts, normalise.ts), sentence by sentence, for
// the Chinese pages and checks_zh. A bridge until those stages write both languages themselves: it reads only the
// sentences they write today, and an English sentence it does not know is a mistake of the build, not of the data.

const SENTENCES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\S+): not checked, a value is unreadable$/, (m) => `${m[1]}：未核对，有数值无法辨读`],
  [/^(\S+): not checked, a value is approximate or a bound$/, (m) => `${m[1]}：未核对，有数值是约数或上下限`],
  [
    /^(\S+): (.+); stated (\S+) \((consistent within rounding|inconsistent)\)$/,
    (m) => `${m[1]}：${m[2]}，报告为 ${m[3]}（${m[4] === 'inconsistent' ? '不一致' : '在舍入误差内一致'}）`,
  ],
  [/^the report writes no unit \((.+)\); read in the metric's unit, (\S+)$/, (m) => `报告未写单位（${m[1]}），按指标的单位 ${m[2]} 读取`],
  [/^derived: (.+) = (\S+) percentage points, rounded to 2 decimals$/, (m) => `推算：${m[1]} = ${m[2]} 个百分点，保留两位小数`],
  [/^derived: (.+) = (\S+), rounded to 2 decimals$/, (m) => `推算：${m[1]} = ${m[2]}，保留两位小数`],
];

/** checks_zh for a checks_en of the build: each sentence (joined by " | ") in Chinese, joined by "；". */
export function checksInChinese(en: string): string {
  if (!en) return '';
  return en
    .split(' | ')
    .map((sentence) => {
      for (const [pattern, zh] of SENTENCES) {
        const m = pattern.exec(sentence);
        if (m) return zh(m);
      }
      throw new Error(`checks-zh.ts has no Chinese for the build's sentence "${sentence}"; add it there`);
    })
    .join('；');
}
