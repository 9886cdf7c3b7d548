// The flags an observation may carry and how much each one matters to a reader. A warning (the source contradicts
// itself, or is garbled or mistyped) is marked on charts and counted; the others explain how a row was read.

export const FLAGS = [
  'garbled_in_source',
  'inconsistent_change',
  'inconsistent_rate',
  'inconsistent_total',
  'ambiguous_period',
  'ambiguous_scope',
  'ambiguous_definition',
  'typo_in_source',
  'year_inferred',
  'year_unknown',
  // Set by the build: the report's region is inferred or unidentified; the row restates, or gives another reading
  // of, a whole-region value the report already states (declared with restates= or alternative_to=).
  'region_inferred',
  'region_unknown',
  'restatement',
  'alternative_value',
  'rate_above_100',
] as const;
export type Flag = (typeof FLAGS)[number];

/**
 * - contradiction: the build's cross-checks found the figure at odds with other figures of its own source;
 * - source_defect: the source's text is garbled or mistyped where the figure stands;
 * - reading: how the figure was read (inferred year or region, a restatement, an ambiguity a curator noted).
 */
export type Severity = 'contradiction' | 'source_defect' | 'reading';

const SEVERITY: Readonly<Record<Flag, Severity>> = {
  garbled_in_source: 'source_defect',
  inconsistent_change: 'contradiction',
  inconsistent_rate: 'contradiction',
  inconsistent_total: 'contradiction',
  ambiguous_period: 'reading',
  ambiguous_scope: 'reading',
  ambiguous_definition: 'reading',
  typo_in_source: 'source_defect',
  year_inferred: 'reading',
  year_unknown: 'reading',
  region_inferred: 'reading',
  region_unknown: 'reading',
  restatement: 'reading',
  alternative_value: 'reading',
  rate_above_100: 'reading',
};

/** The severity of a published flag; one this build does not list is read by its name (inconsistent_…). */
export function severity(flag: string): Severity {
  return (SEVERITY as Record<string, Severity>)[flag] ?? (flag.startsWith('inconsistent_') ? 'contradiction' : 'reading');
}

/** A flag that marks the value on charts and tables (⚠): the source contradicts itself or is unreadable there. */
export const isWarning = (flag: string): boolean => severity(flag) !== 'reading';

/** Flags of a value whose meaning its curators could not settle from the text. */
export const AMBIGUOUS_FLAGS = ['ambiguous_definition', 'ambiguous_scope', 'ambiguous_period'] as const;

/**
 * A flag that leaves the value in doubt, so that it is never set beside other values: the source contradicts it,
 * gives another reading of it, or leaves its definition, scope or period unclear.
 */
export const leavesInDoubt = (flag: string): boolean =>
  severity(flag) === 'contradiction' || flag === 'alternative_value' || (AMBIGUOUS_FLAGS as readonly string[]).includes(flag);
