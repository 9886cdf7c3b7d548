// The text around the figures: sentences without numbers, as a bureau writes them, and the web page a report is
// cut from.
import { TOPICS, type Topic } from '../../src/vocab/topics.ts';
import { pick, type Rng } from './random.ts';

const SECTION_TITLES: Record<Topic, string> = {
  access: '坚持教育优先发展，各类教育协调推进',
  places: '加快学校建设，教育资源持续扩大',
  funding: '加大教育投入，办学条件不断改善',
  aid: '落实资助政策，教育公平扎实推进',
  exams: '深化教学改革，教育质量稳步提升',
  teachers: '加强队伍建设，教师素质不断提高',
  quality: '坚持立德树人，素质教育全面实施',
  governance: '强化安全管理，教育治理水平提升',
};
const FILLER: Record<Topic, string[]> = {
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

/** The meeting count every report states: a figure of no metric, which the report's skipped.csv lists. */
export const meetingClause = (all: string, meetings: number) => `召开${all}教育工作会议和专题推进会${meetings}次`;

/**
 * source.txt: the title, an opening, then a section per topic, its clauses two or three to a sentence, with
 * sentences that carry no figure, and a closing section.
 */
export function reportText(rng: Rng, title: string, year: number, all: string, meeting: string, clausesByTopic: Map<Topic, string[]>): string {
  const a = all.slice(1);
  const lines: string[] = [title, `${year}年，${all}教育系统在${a}委${a}政府的坚强领导下，全面贯彻党的教育方针，落实立德树人根本任务，各项工作取得新成效。`];
  lines.push(`全年${meeting}，研究部署重点工作。`);
  let section = 0;
  for (const topic of TOPICS) {
    const clauses = clausesByTopic.get(topic);
    if (!clauses?.length) continue;
    lines.push(`${CN_ORDINAL[section++] ?? '十'}、${SECTION_TITLES[topic]}`);
    lines.push(sectionText(rng, topic, clauses));
  }
  lines.push(`${CN_ORDINAL[section] ?? '十'}、存在的问题和下一步打算`);
  lines.push(`${CLOSING.join('；')}。`);
  return `${lines.join('\n')}\n`;
}

function sectionText(rng: Rng, topic: Topic, clauses: string[]): string {
  const sentences: string[] = [`${pick(rng, FILLER[topic])}。`];
  for (let i = 0; i < clauses.length;) {
    const take = Math.min(clauses.length - i, 2 + Math.floor(rng() * 2));
    const parts = clauses.slice(i, i + take);
    if (rng() < 0.5) parts.splice(1, 0, pick(rng, FILLER[topic]));
    sentences.push(`${parts.join('，')}。`);
    i += take;
  }
  sentences.push(`${pick(rng, FILLER[topic])}。`);
  return sentences.join('');
}

/** The snapshot: source.txt inside the government web page it was published on. */
export function snapshotPage(regionName: string, title: string, bureau: string, published: string, source: string): string {
  return (
    `${regionName}人民政府门户网站\n首页 > 政务公开 > 规划计划 > 工作总结\n${title}\n发布时间：${published}　来源：${bureau}　字号：大 中 小\n` +
    `${source}【打印本页】【关闭窗口】\n主办单位：${regionName}人民政府办公室\n`
  );
}
