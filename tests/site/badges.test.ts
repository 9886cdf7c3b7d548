// A flag looks the same on every page, by how much it matters: red only where the source contradicts itself or is
// unreadable, grey for how a figure was read (an inferred region was red on report pages and grey elsewhere).
import { describe, expect, it } from 'vitest';
import { flagBadge } from '../../src/site/badges.ts';
import { t } from '../../src/i18n/strings.ts';

describe('flagBadge', () => {
  it('sets apart what contradicts or garbles the source', () => {
    expect(flagBadge('inconsistent_total', t('zh-cn').flags)).toEqual({ class: 'badge warn', label: '所述合计与各分项之和不符' });
    expect(flagBadge('garbled_in_source', t('en').flags).class).toBe('badge warn');
  });

  it('keeps reading notes grey: an inferred region or year, a restatement', () => {
    for (const f of ['region_inferred', 'year_inferred', 'restatement', 'alternative_value']) expect(flagBadge(f, t('zh-cn').flags).class).toBe('badge');
    expect(flagBadge('restatement', t('en').flags).label).toBe(t('en').flags.restatement);
  });

  it('shows a flag it has no label for by its id', () => {
    expect(flagBadge('inconsistent_newkind', {})).toEqual({ class: 'badge warn', label: 'inconsistent_newkind' });
  });
});
