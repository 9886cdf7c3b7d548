// A metric guesser learned from curated figures: the words just before a figure in its sentence ("高考本科上线率")
// vote for the metrics they preceded in other reports. Character n-grams of the clause before the figure, each
// weighted by how specific it is to one metric and by its length, among metrics counted in the figure's unit.
export type Example = { before: string; unitBase: string; metricId: string };

const CLAUSE = /[，,、；;：:。！？\n（）()]/;
const clauseBefore = (before: string) => {
  const parts = before.replace(/[0-9０-９.．。%％]+/g, ' ').split(CLAUSE);
  // the clause holding the figure, and the one before it when it is short ("其中，" "比上年")
  const last = parts.at(-1) ?? '';
  return last.trim().length >= 4 ? last : `${parts.at(-2) ?? ''}${last}`;
};
function* grams(text: string): Generator<string> {
  const chars = Array.from(text.replace(/\s+/g, ''));
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= chars.length; i++) yield chars.slice(i, i + n).join('');
}

export class LearnedGuesser {
  readonly votes = new Map<string, Map<string, number>>(); // gram → metric → count
  readonly units = new Map<string, string>(); // metric → unit base

  constructor(examples: readonly Example[]) {
    for (const e of examples) {
      this.units.set(e.metricId, e.unitBase);
      for (const g of new Set(grams(clauseBefore(e.before)))) {
        const byMetric = this.votes.get(g) ?? new Map<string, number>();
        byMetric.set(e.metricId, (byMetric.get(e.metricId) ?? 0) + 1);
        this.votes.set(g, byMetric);
      }
    }
  }

  guess(before: string, unitBase: string): string {
    const scores = new Map<string, number>();
    for (const g of new Set(grams(clauseBefore(before)))) {
      const byMetric = this.votes.get(g);
      if (!byMetric) continue;
      let total = 0;
      for (const n of byMetric.values()) total += n;
      const weight = (Array.from(g).length - 1) ** 2 / byMetric.size;
      for (const [metric, n] of byMetric) {
        if (this.units.get(metric) !== unitBase) continue;
        scores.set(metric, (scores.get(metric) ?? 0) + (weight * n) / total);
      }
    }
    let best = '';
    let top = 0;
    for (const [metric, score] of scores) if (score > top || (score === top && metric < best)) [best, top] = [metric, score];
    return best;
  }
}
