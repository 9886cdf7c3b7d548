// The families a chart's downloadable image is set in, first first: named in the standalone SVG (chart-model.ts)
// and shipped for the PNG (png.ts). Chinese keeps Noto Sans SC throughout, its full-width punctuation being right in
// Chinese; English sets Latin text and punctuation in Noto Sans (Noto Sans SC draws ’ … · at CJK width) and takes
// what Noto Sans lacks, Chinese characters first of all, from Noto Sans SC.
import type { Locale } from '../i18n/format.ts';

export const CHART_FONTS: Record<Locale, readonly string[]> = { 'zh-cn': ['Noto Sans SC'], en: ['Noto Sans', 'Noto Sans SC'] };
