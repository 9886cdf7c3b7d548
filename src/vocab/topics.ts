// The topics metrics are grouped under on the site and in data/metrics.csv.
export const TOPICS = ['access', 'places', 'funding', 'aid', 'exams', 'teachers', 'quality', 'governance'] as const;
export type Topic = (typeof TOPICS)[number];
