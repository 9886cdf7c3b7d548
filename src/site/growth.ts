// Funding growth as its own view: growth of money spent and growth of the budget are two panels, never one axis.
// Each panel holds the growth a report states and the growth this site derives where a report gives two years'
// amounts of the same metric (derive.ts), each row naming the two years compared.
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { isYearPeriod } from '../model/period.ts';
import { isComparable } from './comparable.ts';

export type GrowthPanel = {
  id: 'spending' | 'budget';
  /** The metric of stated growth rates. */
  stated: string;
  /** The amount metric whose derived growth (`<base>_growth`) joins the panel. */
  base: string;
};

export const GROWTH_PANELS: GrowthPanel[] = [
  { id: 'spending', stated: 'education_expenditure_growth_rate', base: 'education_expenditure' },
  { id: 'budget', stated: 'education_budget_growth_rate', base: 'education_budget' },
];

/** A growth value the view draws: whole-region, of its metric's own kind, for a single year. */
const comparable = (o: Observation, m: PublishedMetric) => isComparable(o, m) && isYearPeriod(o.period);

export const derivedGrowthId = (base: string) => `${base}_growth`;

/** The values of one panel: stated growth and derived growth of its base, whole-region, year on year. */
export function growthRows(panel: GrowthPanel, byMetric: (id: string) => Observation[], metric: (id: string) => PublishedMetric | undefined): Observation[] {
  return [panel.stated, derivedGrowthId(panel.base)].flatMap((id) => {
    const m = metric(id);
    return m ? byMetric(id).filter((o) => comparable(o, m)) : [];
  });
}
