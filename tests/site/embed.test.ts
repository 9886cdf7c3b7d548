import { describe, expect, it } from 'vitest';
import { embedHeight, embedSnippet, tabFromAddress, withTab } from '../../src/site/embed.ts';

describe('embed snippet', () => {
  it('is an iframe with a title and a fixed aspect, attributes escaped, the resize script optional', () => {
    const html = embedSnippet({ src: 'https://x.example/embed/a/', title: 'Rate "A" & B', width: 720, height: 480.4 });
    expect(html).toBe(
      '<iframe src="https://x.example/embed/a/" title="Rate &quot;A&quot; &amp; B" style="width: 100%; aspect-ratio: 720 / 480; border: 0" loading="lazy" data-bureau-atlas-embed></iframe>',
    );
    expect(embedSnippet({ src: '/e/', title: 't', width: 1, height: 1, resizeScript: '/embed-resize.js' })).toContain(
      '\n<script src="/embed-resize.js" async></script>',
    );
  });
  it('takes its height from the chart’s viewBox and the frame around it', () => {
    expect(embedHeight('<svg viewBox="0 0 720 200">', 260)).toBe(460);
  });
});

describe('the tab in the address', () => {
  it('reads ?tab= first, then a hash naming a chart’s panel, and ignores tabs the frame has not', () => {
    expect(tabFromAddress('?tab=table', '')).toBe('table');
    expect(tabFromAddress('', '#chart-preschool_gross_enrolment_rate-sentences')).toBe('sentences');
    expect(tabFromAddress('?tab=quotes', '')).toBeNull();
    expect(tabFromAddress('', '#obs-001')).toBeNull();
  });
  it('writes a tab into an address, keeping its hash and leaving the default out', () => {
    expect(withTab('/metrics/a/#chart-a', 'table')).toBe('/metrics/a/?tab=table#chart-a');
    expect(withTab('/metrics/a/?tab=table#chart-a', 'chart')).toBe('/metrics/a/#chart-a');
  });
});
