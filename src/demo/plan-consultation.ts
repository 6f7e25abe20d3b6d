import { addDays } from '../dates.ts';
import { caseCategories, consultationTopics, districts } from './phrases.ts';
import { sealedClient, serviceFields, Timeline, type PlanInput, type RecordPlan } from './timeline.ts';

/**
 * A consultation closed on its day (C-INQUIRY: purpose, content, needs analysis, profile and
 * closing all recorded). Hotline calls (60%) are served first and approved afterwards by the
 * supervisor within the week (C-HOTLINE, stage hotline-review); visits, calls and outreach are
 * reviewed as a session and carry the person's details in a sealed block. Most are archived.
 */
export function planConsultation({ id, path, start, post, worker, dice, staffing }: PlanInput): RecordPlan {
  const hotline = dice.chance(0.6) ? dice.pick(['12355', '12355', '12351']) : undefined;
  const channel = hotline ? '热线' : dice.pick(['面谈', '电话', '外展', '线上']);
  const category = hotline ? 'RX' : dice.pick(caseCategories);
  const topic = dice.pick(consultationTopics[hotline ?? 'visit'] ?? []);
  const stage = hotline ? 'hotline-review' : 'session';
  const t = new Timeline(staffing, dice, worker, post);
  const plan: RecordPlan = {
    id,
    path,
    category,
    fields: {
      ...serviceFields(id, `${hotline ? `${hotline} 热线` : channel}：${topic}（合成）`, category, post, worker),
      date: undefined,
      channel: undefined,
      hotline: undefined,
      client: undefined,
      profile: undefined,
      purpose: undefined,
      content: undefined,
      needsAnalysis: undefined,
      closing: undefined,
    },
    body: `## 咨询经过\n\n${channel}咨询，提供信息支持，当日结案。（虚构合成数据）\n`,
    client: hotline ? undefined : { name: `合成来访者（${id}，虚构）` },
    timeline: t,
  };
  const served = dice.pick(['男', '女']);
  let day = addDays(start, 1);
  t.submit(day, stage, (f) => {
    Object.assign(f, { date: start, channel, hotline, client: hotline ? undefined : sealedClient });
    f.profile = { gender: served, ageBand: dice.pick(['13-17', '18-24', '35-44', '60+']), district: districts[post] ?? '东湖街道' };
    f.purpose = `希望了解${topic}的应对办法`;
    f.content = '说明可用的服务与求助渠道，讨论具体的应对做法';
    f.needsAnalysis = '以信息需求为主，暂无安全风险；无需开案';
    f.closing = { date: start, summary: '来访者表示已清楚处理办法，当日结案' };
  });
  day = addDays(day, dice.int(0, 3));
  t.approve(day, stage);
  if (dice.chance(0.8)) {
    day = addDays(day, dice.int(1, 5));
    t.submit(day, 'archive', (f) => (f.archiveNo = plan.archiveNo));
    t.approve(addDays(day, dice.int(0, 1)), 'archive');
  }
  return plan;
}
