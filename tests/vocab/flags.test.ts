import { describe, expect, it } from 'vitest';
import { FLAGS, isWarning, severity } from '../../src/vocab/flags.ts';

describe('flag severity', () => {
  it('warns of a source at odds with itself, garbled or mistyped, and of nothing else', () => {
    expect(FLAGS.filter(isWarning)).toEqual(['garbled_in_source', 'inconsistent_change', 'inconsistent_rate', 'inconsistent_total', 'typo_in_source']);
  });

  it('reads a cross-check flag this build does not list as a contradiction', () => {
    expect(severity('inconsistent_mean')).toBe('contradiction');
    expect(isWarning('inconsistent_mean')).toBe(true);
    expect(isWarning('some_note')).toBe(false);
  });
});
