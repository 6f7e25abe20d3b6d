import { addWorkingDays, workingDaysBetween } from '../archive/calendar.ts';
import { addDays } from '../dates.ts';
import type { Value } from './frontmatter.ts';
import { agencies, caseWords, closingSummaries, districts, followUpSummaries, sessionModes, sessionSummaries } from './phrases.ts';
import { sealedClient, serviceFields, Timeline, type Fields, type PlanInput, type RecordPlan } from './timeline.ts';

/** Working days the receiving worker has for a referral reply (archive.yaml's default, C-REFERRAL-REPLY). */
const replyDays = 3;

const list = (fields: Fields, key: string) => fields[key] as Value[];

/**
 * A case from intake to archive: intake approved before any service (C-INTAKE-APPROVAL), consent
 * signed on the intake day (G-CONSENT), 5–20 sessions each filed the next day and reviewed by the
 * supervisor (C-SESSION-RECORD), for a quarter of the cases a referral approved before the
 * receiver replies within working days (C-REFERRAL, C-REFERRAL-REPLY), the closing report
 * approved before the closing form (C-CLOSE-APPROVAL), a follow-up within 90 days (C-FOLLOW-UP),
 * then the archive number with every form present (C-ARCHIVE-COMPLETE).
 */
export function planCase({ id, path, start, post, worker, reject, dice, staffing, calendar }: PlanInput): RecordPlan {
  const category = dice.weighted({ QSN: 35, ZZ: 25, JT: 25, JD: 15 });
  const words = caseWords[category];
  const issue = dice.pick(words.issues);
  const t = new Timeline(staffing, dice, worker, post);
  const plan: RecordPlan = {
    id,
    path,
    category,
    fields: {
      ...serviceFields(id, `${issue}个案（合成）`, category, post, worker),
      client: undefined,
      profile: undefined,
      consent: undefined,
      basicInfo: undefined,
      intake: undefined,
      assessment: undefined,
      plan: undefined,
      sessions: [],
      referrals: [],
      closingReport: undefined,
      closingEvaluation: undefined,
      closingForm: undefined,
      attachments: [],
      followUps: [],
    },
    body: `## 个案概述\n\n${issue}方面的困扰，经评估开案跟进。（虚构合成数据）\n\n## 服务过程\n\n按服务计划开展个别面谈与家访，定期回顾目标。\n`,
    client: { name: `合成案主（${id}，虚构）` },
    timeline: t,
  };

  let day = addDays(start, 1);
  t.submit(day, 'intake', (f) => {
    f.client = sealedClient;
    f.profile = { gender: dice.pick(['男', '女']), ageBand: dice.pick(words.ageBands), district: districts[post] ?? '东湖街道' };
    f.consent = { signed: true, date: start, signedBy: words.signedBy };
    f.basicInfo = { date: start, source: dice.pick(['主动求助', '主动求助', '转介', '外展发现']), presentingIssue: issue };
    f.intake = { date: start, initialAssessment: `${dice.pick(words.problems)}较明显，需要持续的个案跟进` };
  });
  if (reject) {
    t.rejectAndResubmit(day, 'intake', '请补充初步评估的依据后重新提交。', (f) => {
      const intake = f.intake as Fields;
      intake.initialAssessment = `${String(intake.initialAssessment)}；已补充评估依据`;
    });
  }
  day = addDays(day, dice.int(0, 1));
  t.approve(day, 'intake');

  const planned = addDays(day, 1);
  day = addDays(planned, 1);
  t.submit(day, 'session', (f) => {
    f.assessment = { date: planned, problems: [dice.pick(words.problems), dice.pick(words.problems)], summary: `问题集中于${issue}，支持系统尚可` };
    f.plan = { date: planned, goals: [dice.pick(words.goals), dice.pick(words.goals)], strategies: [dice.pick(words.strategies), dice.pick(words.strategies)] };
  });

  const sessions = dice.int(5, 20);
  const referAfter = dice.chance(0.25) ? sessions - 2 : -1;
  for (let i = 0; i < sessions; i++) {
    const held = addDays(day, dice.int(1, 10));
    day = addDays(held, 1);
    t.submit(day, 'session', (f) => list(f, 'sessions').push({ date: held, mode: dice.pick(sessionModes), summary: dice.pick(sessionSummaries) }));
    day = addDays(day, dice.int(0, 1));
    t.approve(day, 'session');
    if (i === referAfter) day = refer(day);
  }

  function refer(after: string): string {
    const referred = addDays(after, dice.int(1, 3));
    const internal = dice.chance(0.6);
    const receiver = dice.pick(staffing.allWorkers(referred).filter((w) => w !== worker));
    let d = addDays(referred, 1);
    t.submit(d, 'referral', (f) =>
      list(f, 'referrals').push({
        date: referred,
        type: internal ? '机构内' : '机构间',
        toWorker: internal ? receiver : undefined,
        toAgency: internal ? undefined : dice.pick(agencies),
        reason: internal ? '服务对象搬迁至其他岗位的服务范围，需就近继续跟进' : '需要专业机构提供本机构不能提供的服务',
        needsAssessment: '仍需持续支持；接收方可就近提供服务',
        clientConsent: true,
      }),
    );
    d = addDays(d, dice.int(0, 1));
    t.approve(d, 'referral');
    const approved = d;
    const replied = addWorkingDays(approved, 1, calendar);
    d = addDays(replied, 1);
    if (workingDaysBetween(approved, d, calendar) > replyDays) throw new Error(`referral reply of ${id} would be late`);
    t.submit(d, 'session', (f) => {
      const referral = list(f, 'referrals').at(-1) as Fields;
      referral.reply = { date: replied, accepted: true, note: '同意接收，已约定首次服务时间' };
    });
    // The supervisor reads the reply the same afternoon, so it does not wait on the branch for the next session.
    t.approve(d, 'session');
    return d;
  }

  const reported = addDays(day, dice.int(2, 6));
  day = addDays(reported, 1);
  t.submit(day, 'closing', (f) => {
    f.closingReport = { date: reported, reason: referAfter >= 0 ? '转介完成' : dice.pick(['目标达成', '目标达成', '案主要求']), summary: dice.pick(closingSummaries) };
    f.closingEvaluation = { date: reported, goalsMet: dice.pick(['完全达成', '部分达成']), clientFeedback: '觉得服务有帮助，愿意继续保持' };
  });
  day = addDays(day, dice.int(0, 1));
  t.approve(day, 'closing');

  const closed = addDays(day, dice.int(0, 2));
  day = addDays(closed, 1);
  const closing = t.submit(day, 'session', (f) => {
    f.closingForm = { date: closed };
    f.attachments = [
      { name: '接受个案服务同意书', pages: 1 },
      { name: '个案基本资料表', pages: 2 },
      { name: '个案记录表', pages: sessions },
      ...(referAfter >= 0 ? [{ name: '个案转介表', pages: 1 }] : []),
    ];
  });
  plan.closing = { day: closed, step: closing };
  const followed = addDays(closed, dice.int(20, 70));
  day = addDays(followed, 1);
  t.submit(day, 'session', (f) => list(f, 'followUps').push({ date: followed, summary: dice.pick(followUpSummaries) }));

  day = addDays(day, dice.int(1, 8));
  t.submit(day, 'archive', (f) => (f.archiveNo = plan.archiveNo));
  t.approve(addDays(day, dice.int(0, 1)), 'archive');
  return plan;
}
