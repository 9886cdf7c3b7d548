import { describe, expect, it } from 'vitest';
import { chartTitle } from '../../src/site/chart-title.ts';

describe('a chart’s title', () => {
  it('states a region’s value against the national one where the page is about that region', () => {
    const facts = { name: '学前三年毛入园率', region: { name: '临泉县', value: '96.57%', raw: 96.57 }, national: { value: '89.7%', raw: 89.7 } };
    expect(chartTitle(facts, 'zh-cn')).toBe('临泉县学前三年毛入园率 96.57%，高于全国 89.7%');
    expect(chartTitle({ ...facts, name: 'Preschool gross enrolment rate', region: { ...facts.region, name: 'Linquan County' } }, 'en')).toBe(
      'Linquan County: Preschool gross enrolment rate 96.57%, above the national 89.7%',
    );
    expect(chartTitle({ ...facts, national: { value: '99%', raw: 99 } }, 'zh-cn')).toContain('低于全国 99%');
  });

  it('states the value alone without a national one, and names the metric without a region', () => {
    expect(chartTitle({ name: '学前三年毛入园率', region: { name: '临泉县', value: '96.57%', raw: 96.57 } }, 'zh-cn')).toBe('临泉县学前三年毛入园率 96.57%');
    expect(chartTitle({ name: '学前三年毛入园率' }, 'zh-cn')).toBe('学前三年毛入园率');
  });
});
