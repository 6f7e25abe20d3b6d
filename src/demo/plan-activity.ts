import { addDays } from '../dates.ts';
import type { Value } from './frontmatter.ts';
import { activitySummaries, activityThemes, caseCategories, districts, groupSessionSummaries } from './phrases.ts';
import { serviceFields, Timeline, type Fields, type PlanInput, type RecordPlan } from './timeline.ts';

const list = (fields: Fields, key: string) => fields[key] as Value[];
const employerTitles: Record<string, string> = { P03: '南湾街道办事处 社区事务科 科长（虚构）' };

/**
 * A group (kind `group`) or a community activity (kind `community`), from plan to archive: the
 * plan sent at least 14 days before the first meeting (GR-PLAN-LEAD, CM-PLAN-LEAD), approved by
 * the supervisor, then the business lead and the org head, and org funds by the finance lead
 * before the first meeting (GR-FUNDING); recruitment, or publicity and preparation, before it
 * (GR-RECRUIT, CM-PROCESS); each meeting filed the next day and reviewed (GR-SESSION, CM-RECORD);
 * the report and financial report within 3 days of the end (GR-REPORT-3D), reviewed by the
 * supervisor, the business lead and the org head; archived within the week (GR-ARCHIVE-1W).
 * A community activity's needs assessment and the employer's consent come with its plan
 * (CM-NEEDS, CM-EMPLOYER-CONSENT).
 */
export function planActivity(kind: 'group' | 'community', { id, path, start, post, worker, reject, dice, staffing }: PlanInput): RecordPlan {
  const category = dice.pick(caseCategories);
  const theme = dice.pick(activityThemes[category]);
  const group = kind === 'group';
  const meetings = group ? dice.int(4, 8) : dice.int(1, 3);
  const first = addDays(start, dice.int(21, 35));
  const schedule: string[] = [first];
  while (schedule.length < meetings) schedule.push(addDays(schedule.at(-1) as string, group ? 7 : dice.int(7, 14)));
  const source = dice.weighted({ 机构: 40, 无: 25, 用人单位: 20, 企业赞助: 15 });
  const employer = staffing.roster.people.find((p) => p.roles.some((r) => r.role === 'employer' && r.posts?.includes(post)))?.name;
  const financeLead = staffing.approver('funding', post, start);
  const signer = { 机构: financeLead, 无: '无', 用人单位: employer ?? staffing.name(worker), 企业赞助: staffing.name(worker) }[source];
  const budget = source === '无' ? [] : [{ item: '宣传与活动物料', amount: dice.int(10, 40) * 10 }, { item: '饮用水与茶点', amount: dice.int(5, 20) * 10 }];
  const total = budget.reduce((sum, line) => sum + line.amount, 0);
  const title = group ? `“${theme}”${dice.pick(['成长', '互助', '学习', '支持'])}小组（合成）` : `${districts[post] ?? ''}${theme}社区活动（合成）`;
  const t = new Timeline(staffing, dice, worker, post);
  const shared = serviceFields(id, title, category, post, worker);
  const plan: RecordPlan = {
    id,
    path,
    category,
    fields: group
      ? { ...shared, plan: undefined, funding: undefined, recruitment: undefined, registration: undefined, sessions: [], feedback: [], supervisorComment: undefined, report: undefined, financialReport: undefined }
      : { ...shared, needsAssessment: undefined, employerConsent: undefined, plan: undefined, funding: undefined, publicity: [], preparation: [], activities: [], adjustments: [], report: undefined, financialReport: undefined },
    body: `## ${group ? '小组' : '活动'}背景与理念\n\n针对${theme}方面的需要开展。（虚构合成数据）\n`,
    timeline: t,
  };

  let day = addDays(start, 1);
  t.submit(day, 'plan', (f) => {
    if (!group) {
      f.needsAssessment = { date: addDays(start, -dice.int(5, 15)), methods: ['入户走访', '与居委会座谈'], findings: `居民对${theme}的需求较突出` };
      f.employerConsent = { date: addDays(start, -dice.int(1, 4)), by: employer ?? employerTitles[post] ?? '用人单位负责人（虚构）' };
    }
    f.plan = {
      date: start,
      objectives: [`提升参与者在${theme}方面的认识`, '建立互助与支持'],
      ...(group ? { targetGroup: `${districts[post] ?? ''}有${theme}需要的居民` } : {}),
      budget,
      schedule: schedule.map((date, i) => ({ date, theme: `${theme}（第${i + 1}${group ? '节' : '次'}）` })),
      safetyMeasures: ['控制现场人数，保持出口畅通', '每次至少两名工作人员在场'],
      ...(group ? {} : { emergencyPlan: '现场配备急救箱；出现意外由工作人员处置并联系家属，必要时拨打 120' }),
    };
    f.funding = { source, applicationDate: source === '机构' ? start : undefined, requested: source === '机构' ? total : undefined, signer };
  });
  if (reject) {
    t.rejectAndResubmit(day, 'plan', '请补充场地的安全措施后重新提交。', (f) => {
      const measures = (f.plan as Fields).safetyMeasures as Value[];
      measures.push('活动前检查场地消防通道');
    });
  }
  day = addDays(day, dice.int(0, 1));
  t.approve(day, 'plan');
  for (const stage of ['org-business', 'org-head', ...(source === '机构' ? ['funding' as const] : [])] as const) {
    day = addDays(day, 1);
    t.submit(day, stage);
    t.approve(day, stage);
  }

  const prepared = addDays(day, 1);
  t.submit(addDays(prepared, 1), 'session', (f) =>
    group ? (f.recruitment = { date: prepared, channels: ['社工站公众号', '社区宣传栏'] }) : list(f, 'publicity').push({ date: prepared, summary: '社区宣传栏张贴海报，微信群发布通知' }),
  );
  const ready = addDays(first, -2);
  t.submit(addDays(ready, 1), 'session', (f) =>
    group ? (f.registration = { closedOn: ready, registered: dice.int(8, 15) }) : list(f, 'preparation').push({ date: ready, summary: '确认场地、物资与志愿者分工' }),
  );

  schedule.forEach((held, i) => {
    const last = i === schedule.length - 1;
    day = addDays(held, 1);
    t.submit(day, 'session', (f) => {
      const present = dice.int(8, 40);
      if (group) {
        list(f, 'sessions').push({ date: held, attendance: Math.min(present, 15), volunteers: dice.int(1, 3), summary: dice.pick(groupSessionSummaries) });
        if (last) {
          list(f, 'feedback').push({ date: held, participants: Math.min(present, 15), volunteers: 2, summary: '满意度高，希望继续开展' });
          f.supervisorComment = { date: held, by: staffing.approver('session', post, held), comment: '目标基本达成，程序设计合理' };
        }
      } else {
        list(f, 'activities').push({
          date: held,
          participants: present,
          volunteers: dice.int(2, 10),
          record: dice.pick(activitySummaries),
          processEvaluation: '现场秩序良好，流程按计划进行',
          outcomeEvaluation: '问卷显示多数参与者有所收获',
          feedback: { date: held, participants: Math.ceil(present / 2), volunteers: 2, summary: '希望定期举办' },
        });
      }
    });
    t.approve(day, 'session');
  });

  const reported = addDays(day, dice.int(0, 1));
  day = addDays(reported, 1);
  t.submit(day, 'report-supervisor', (f) => {
    f.report = { date: reported, summary: `按计划完成${meetings}${group ? '节小组' : '次活动'}，目标基本达成` };
    f.financialReport = { date: reported, signer, expenses: budget.map((line) => ({ item: line.item, amount: line.amount - dice.int(0, 3) * 10 })) };
  });
  day = addDays(day, dice.int(0, 1));
  t.approve(day, 'report-supervisor');
  for (const stage of ['report-business', 'report-head'] as const) {
    day = addDays(day, 1);
    t.submit(day, stage);
    t.approve(day, stage);
  }
  day = addDays(day, dice.int(1, 4));
  t.submit(day, 'archive', (f) => (f.archiveNo = plan.archiveNo));
  t.approve(addDays(day, dice.int(0, 1)), 'archive');
  return plan;
}
