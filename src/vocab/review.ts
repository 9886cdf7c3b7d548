// The vocabulary of a second reading (data/reviews.csv): what a reader other than the row's curator found when
// reading a compared row in its source against its metric's definition, and the curation rule that decided it.

/** What the second reader found. */
export const VERDICTS = {
  same_definition: {
    en: 'The row measures what the metric defines; it may be compared.',
    zh: '该行与指标定义一致，可以比较。',
  },
  different_definition: {
    en: 'The row measures something else; it was moved to a metric of its own definition.',
    zh: '该行统计的是另一口径的数量，已移入相应口径的指标。',
  },
  target: {
    en: 'The row is a goal, not an outcome; it is recorded as a target.',
    zh: '该行是目标而非实际完成值，已记为目标。',
  },
  part: {
    en: 'The row covers part of the region only; it is scoped to that part.',
    zh: '该行只涉及地区的一部分，已写明范围。',
  },
  unclear: {
    en: 'The source leaves the row’s definition, scope or period unclear; it is listed beside the chart, not compared.',
    zh: '原文未说清该行的口径、范围或期间，只在图旁列出，不作比较。',
  },
  contradicted: {
    en: 'The report gives another value of the same thing that disagrees, or its figures do not add up; neither is compared.',
    zh: '报告对同一数量给出不一致的数值，或数字之间互相矛盾，均不作比较。',
  },
} as const;
export type Verdict = keyof typeof VERDICTS;

/** The curation rule applied (data/README.md). */
export const REVIEW_RULES = {
  definition: {
    en: 'One metric, one definition: a row shares a metric only if it counts the same thing in the same way (what is counted, through which channels, handled or received).',
    zh: '一个指标一种口径：统计对象、渠道、统计方式都相同，才共用一个指标。',
  },
  kind: {
    en: 'Targets and plans are never outcomes: a goal reached (如期完成…目标) says the outcome is within the goal, not what it is.',
    zh: '目标、计划不是实际值：“如期完成……目标”只说明实际值在目标以内，不是实际值本身。',
  },
  scope: {
    en: 'Part of a region is not the region: a figure for one programme, one group or some schools is scoped to that part.',
    zh: '局部不等于全体：只涉及某一项目、群体或部分学校的数字写明范围。',
  },
  unclear: {
    en: 'A row whose definition, scope or period its source leaves unclear is listed with its reason, never compared.',
    zh: '原文口径、范围或期间不明的数值，列出并说明原因，不作比较。',
  },
  disagreement: {
    en: 'Where a report gives two values of one thing that disagree, neither is compared until one reading is established from the text.',
    zh: '报告对同一数量给出两个不一致的数值时，在能从原文确定其一之前，两个都不作比较。',
  },
  per_unit: {
    en: 'A per-unit value divides a numerator and a denominator that one report states for the same thing; it is computed by this site, never a stated figure.',
    zh: '人均、校均等数值只用同一报告就同一对象给出的分子和分母计算，由本站推算，不是报告所写的数字。',
  },
} as const;
export type ReviewRule = keyof typeof REVIEW_RULES;
