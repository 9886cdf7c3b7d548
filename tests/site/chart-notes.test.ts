import { describe, expect, it } from 'vitest';
import { chartNotes, once } from '../../src/site/chart-notes.ts';
import { t } from '../../src/i18n/strings.ts';

describe('a chart’s note line', () => {
  it('says every caveat once, on one line that starts 注：, in the page’s language', () => {
    const { note, alarm } = chartNotes({ total: true, levels: ['县', '县', '市辖区'], periods: ['2021 年', '2022 年'], inferred: true }, 'zh-cn');
    expect(note.startsWith('注：')).toBe(true);
    expect(note.split(t('zh-cn').sizeWarning)).toHaveLength(2);
    expect(note).toContain('行政级别不同：县、市辖区。');
    expect(note).toContain('年份不同：2021 年、2022 年。');
    expect(note).toContain('* 为本站据原文推断');
    expect(note).not.toMatch(/[A-Za-z]{3}/);
    expect(alarm).toBe('');
    const en = chartNotes({ total: true, qualified: true }, 'en');
    expect(en.note).toMatch(/^Note: These are totals/);
    expect(en.note).not.toMatch(/\p{Script=Han}/u);
  });

  it('is empty when there is nothing to say, and leaves one level or one year unsaid', () => {
    expect(chartNotes({}, 'zh-cn')).toEqual({ note: '', alarm: '' });
    expect(chartNotes({ levels: ['县', '县'], periods: ['2022 年'] }, 'en')).toEqual({ note: '', alarm: '' });
  });

  it('prints red only a source that contradicts itself; a garbled source is a grey note', () => {
    const grey = chartNotes({ defects: 2 }, 'zh-cn');
    expect(grey.alarm).toBe('');
    expect(grey.note).toContain('2 个数值的原文残缺');
    const red = chartNotes({ contradictions: 1, where: 'csv' }, 'zh-cn');
    expect(red.alarm).toContain('1 个数值与原文自身的其他数字矛盾');
    expect(red.alarm).toContain('CSV');
    expect(red.note).toBe('');
  });

  it('drops repeats and blanks, keeping the first order', () => {
    expect(once(['甲。', ' 乙。', '', '甲。'])).toEqual(['甲。', '乙。']);
  });
});
