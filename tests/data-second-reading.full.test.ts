// The second reading of every compared row (issue 22), on the real data/: each case it resolved stays resolved,
// nothing the source leaves in doubt is compared, every drawn row has a published reading, and each per-unit value
// is its two stated figures divided.
import { describe, expect, it } from 'vitest';
import { partition } from '../src/site/comparable.ts';
import type { Observation } from '../src/model/observation.ts';
import { realDataset } from './real-dataset.ts';

const { compiled, problems } = realDataset();
const observations = compiled!.observations;
const byId = new Map(observations.map((o) => [o.observation_id, o]));
const get = (id: string) => {
  const o = byId.get(id);
  expect(o, id).toBeDefined();
  return o!;
};
const metric = new Map(compiled!.metrics.map((m) => [m.metric_id, { ...m, derived_from: m.derived_from ?? '' }]));
const split = (id: string) =>
  partition(
    metric.get(id)!,
    observations.filter((o) => o.metric_id === id),
  );
/** Ids a metric's chart draws: none below two regions. */
const drawn = (id: string) => {
  const p = split(id);
  return p.regions >= 2 ? p.compared.map((o) => o.observation_id) : [];
};
const review = new Map(compiled!.reviews.map((r) => [r.observation_id, r]));

describe('the second reading of the compared rows', () => {
  it('compiles', () => expect(problems).toEqual([]));

  it('gives every drawn row a published reading that found it of its metric’s definition', () => {
    let rows = 0;
    for (const m of compiled!.metrics) {
      for (const id of drawn(m.metric_id)) {
        rows++;
        expect(review.get(id), `${id} is drawn in ${m.metric_id} without a second reading`).toMatchObject({
          verdict: 'same_definition',
          compared_in: m.metric_id,
        });
      }
    }
    // 21 charts and 55 rows before the reading; 15 charts and 36 rows after it
    expect(rows).toBe(36);
    expect(compiled!.metrics.filter((m) => drawn(m.metric_id).length).length).toBe(15);
  });

  it('lists every row the source leaves unclear or contradicts, with its reason, and draws none of them', () => {
    for (const m of compiled!.metrics) {
      const p = split(m.metric_id);
      for (const o of p.compared)
        expect(
          o.flags.filter((f) => /^(ambiguous_|inconsistent_)|^alternative_value$/.test(f)),
          o.observation_id,
        ).toEqual([]);
      for (const o of p.unclear) expect(p.reasons.get(o.observation_id), o.observation_id).toBeTruthy();
    }
    // the five rows flagged ambiguous_* that sat on a comparison axis
    const unclear = (id: string) => split(get(id).metric_id).unclear.map((o) => o.observation_id);
    for (const id of ['000-p1-anon-city-f011', '000-p2-anon-county-f008', '000-p1-anon-city-f067', '002-hengfeng-2021-f047', '000-p1-anon-city-f012'])
      expect(unclear(id), id).toContain(id);
    // 本科上线7487人…比20__年(6825人)增加了746人: 7487 − 6825 = 662, so none of the three is compared
    for (const id of ['000-p1-anon-city-f029', '000-p1-anon-city-f031', '000-p1-anon-city-f032']) {
      expect(get(id).flags).toContain('inconsistent_change');
      expect(split(get(id).metric_id).reasons.get(id), id).toBe('contradicted');
    }
    expect(drawn('gaokao_undergraduate_qualifiers_change')).toEqual([]);
  });

  it('compares neither of 横峰’s two borrower counts, and says so on both', () => {
    const p = split('student_loan_recipients');
    expect(p.unclear.map((o) => o.observation_id).sort()).toEqual(['002-hengfeng-2021-f010', '002-hengfeng-2021-f047']);
    expect([p.reasons.get('002-hengfeng-2021-f010'), p.reasons.get('002-hengfeng-2021-f047')]).toEqual(['two_values', 'two_values']);
    expect(drawn('student_loan_recipients').sort()).toEqual(['000-p1-anon-city-f093', '004-zhangdian-2019-f108']);
  });

  it('reads 横峰’s 資助金788.15725萬元 as the paragraph’s total aid, which its eleven items add up to, not as loans', () => {
    const total = get('002-hengfeng-2021-f048');
    expect(total).toMatchObject({ metric_id: 'student_aid_amount', value_base: 7881572.5, scope: 'region' });
    expect(total.checks_en).toContain('(consistent within rounding)');
    expect(total.flags.filter((f) => f.startsWith('inconsistent'))).toEqual([]);
    // the report's one loan amount is 425萬元, compared beside 阳江 and 张店
    expect(drawn('student_loan_amount').sort()).toEqual(['000-p1-anon-city-f094', '002-hengfeng-2021-f011', '004-zhangdian-2019-f109']);
  });

  it('resolves each unlike pair the reading found', () => {
    // 张店 handled 12345 complaints; 福田 received cases of every kind through two channels
    expect(get('004-zhangdian-2019-f111').metric_id).toBe('hotline_complaints_handled');
    expect(get('000-p5-anon-district-f051').metric_id).toBe('hotline_cases_received');
    expect(drawn('hotline_cases_received')).toEqual([]);
    // 临泉 met a target of at most 5 %; the share itself is not stated
    expect(get('000-p2-anon-county-f068')).toMatchObject({ kind: 'target', qualifier: 'le', value: 5 });
    expect(drawn('private_compulsory_enrolment_share')).toEqual([]);
    // 临泉's 10 programmes covered 82 schools; 阳江 counts a project a school
    expect(get('000-p2-anon-county-f009').metric_id).toBe('education_projects_implemented');
    expect(metric.get('education_projects_implemented')!.compare).toBe('no');
    expect(drawn('school_construction_projects')).toEqual([]);
    // 湖里 opened 8 schools; 临泉 built or expanded 82
    for (const id of ['000-p3-anon-district-f005', '000-p3-anon-district-f007']) expect(get(id).metric_id).toBe('schools_opened');
    expect(drawn('schools_built_or_expanded')).toEqual([]);
    // 福田's 近10万人次 are one programme's; 临泉's 2万余人次 all its training
    expect(get('000-p5-anon-district-f055').scope).toBe('group:普及性全员培训');
    expect(drawn('teacher_training_participants')).toEqual([]);
    // 张店's 59 are the schools' organisations; the bureau's own office has a committee with 4 branches besides
    expect(get('004-zhangdian-2019-f003').scope).toBe('group:学校');
    expect(drawn('grassroots_party_organisations').sort()).toEqual(['000-p1-anon-city-f003', '000-p4-anon-county-f003']);
    // every row moved out of a metric is read as of another definition, and every scoped one as a part
    for (const [id, verdict] of [
      ['004-zhangdian-2019-f111', 'different_definition'],
      ['000-p2-anon-county-f009', 'different_definition'],
      ['000-p3-anon-district-f005', 'different_definition'],
      ['002-hengfeng-2021-f048', 'different_definition'],
      ['000-p2-anon-county-f068', 'target'],
      ['000-p5-anon-district-f055', 'part'],
      ['004-zhangdian-2019-f003', 'part'],
    ])
      expect(review.get(id)?.verdict, id).toBe(verdict);
  });

  it('tightened the definitions the reading found loose', () => {
    expect(metric.get('hotline_cases_received')!.definition_en).toMatch(/received/);
    expect(metric.get('school_construction_projects')!.definition_en).toMatch(/one school or kindergarten/);
    expect(metric.get('teacher_training_participants')!.definition_en).not.toMatch(/or teachers/);
    expect(metric.get('tutoring_institutions_closed_or_converted')!.definition_en).toMatch(/营改非/);
  });
});

describe('per-unit values', () => {
  /** The derived row of a report, metric and period, with its two inputs. */
  const perUnit = (report: string, metricId: string, period: string) => {
    const o = get(`${report}-d-${metricId}-${period}`);
    const [num, den] = o.inputs.map(get) as [Observation, Observation];
    return { o, num, den };
  };
  const cases = [
    // [report, metric, period, numerator, denominator, value]
    ['000-p1-anon-city', 'student_loan_per_borrower', '2022', '7446。46万元', '6746人', 11038.33],
    ['004-zhangdian-2019', 'student_loan_per_borrower', '2019', '380.119万元', '462名', 8227.68],
    ['002-hengfeng-2021', 'student_loan_per_borrower', '2021', '425萬元', '453人', 9381.9],
    ['000-p1-anon-city', 'school_place_investment', '2022', '13。7亿元', '2。2万个', 62272.73],
    ['000-p2-anon-county', 'school_place_investment', '2022', '11。4亿元', '8400个', 135714.29],
    ['000-p2-anon-county', 'nutrition_programme_pupils_per_school', '2022', '16。96万名', '360所', 471.11],
    ['000-p4-anon-county', 'nutrition_programme_pupils_per_school', '2022S1', '63173人', '186所', 339.64],
    ['000-p4-anon-county', 'nutrition_programme_pupils_per_school', '2022S2', '60545人', '186所', 325.51],
  ] as const;

  it.each(cases)('%s %s %s: %s ÷ %s = %d, from two stated figures of one report, with its formula', (report, metricId, period, numText, denText, value) => {
    const { o, num, den } = perUnit(report, metricId, period);
    expect([num.figure_text, den.figure_text]).toEqual([numText, denText]);
    expect(num.report_id).toBe(report);
    expect(den.report_id).toBe(report);
    for (const input of [num, den]) {
      expect(input.kind).toBe('actual');
      expect(input.quote.includes(input.figure_text)).toBe(true);
    }
    expect(o).toMatchObject({ kind: 'derived', value, value_base: value, quote: '', figure_text: '', qualifier: '' });
    expect(o.value_base).toBeCloseTo(num.value_base! / den.value_base!, 2);
    expect(o.checks_en).toBe(
      `derived: ${num.value}${num.unit} (${num.observation_id}) ÷ ${den.value}${den.unit} (${den.observation_id}) = ${value} ${o.unit_base === 'CNY' ? 'yuan' : 'people'}, rounded to 2 decimals`,
    );
    const m = metric.get(metricId)!;
    expect(m.derived_from).toBe(`${num.metric_id};${den.metric_id}`);
    expect(m.measure).toBe('average');
    expect(m.definition_en).toMatch(/^Computed by this site: .+ ÷ /);
    expect(m.definition_zh).toMatch(/^由本站计算：.+ ÷ /);
  });

  it('carries every doubt of its inputs, so that a doubtful input keeps its quotient off the axis', () => {
    expect(drawn('student_loan_per_borrower').sort()).toEqual([
      '000-p1-anon-city-d-student_loan_per_borrower-2022',
      '004-zhangdian-2019-d-student_loan_per_borrower-2019',
    ]);
    const hengfeng = perUnit('002-hengfeng-2021', 'student_loan_per_borrower', '2021').o;
    expect(hengfeng.flags).toEqual(expect.arrayContaining(['alternative_value', 'ambiguous_definition', 'region_inferred']));
    expect(split('student_loan_per_borrower').reasons.get(hengfeng.observation_id)).toBe('two_values');
    // 13。7亿元 and 11。4亿元 are unclear, so is spending per place; 宿松's semesters are not 临泉's year
    expect(drawn('school_place_investment')).toEqual([]);
    expect(drawn('nutrition_programme_pupils_per_school')).toEqual([]);
    expect(split('nutrition_programme_pupils_per_school').other.map((o) => o.period)).toEqual(['2022S1', '2022S2']);
  });
});
