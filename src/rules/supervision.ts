import { groupBy, memoisedPer } from '../group-by.ts';
import type { RecordOfKind } from '../records/archive-record.ts';
import type { RecordRule, RecordsContext, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { actsAsSupervisor } from './roster.ts';

type Supervision = RecordOfKind<'supervision'>;

/** SV-RECORD-EXISTS (第六章第四条.1, G-CONFIDENTIAL): a record discussed is named by the id of a record that exists. */
export const discussedRecordsExist: RecordRule<'supervision'> = (record, ctx) => {
  const report = reporter(record);
  return record.data.recordsDiscussed.flatMap((id, i) =>
    ctx.byId.has(id) || ctx.unparsed.has(id) ? [] : [report.error('SV-RECORD-EXISTS', ['recordsDiscussed', i], `讨论的记录 ${id} 不存在；督导记录只以编号引用档案中已有的记录，不写服务对象姓名`)],
  );
};

/**
 * SV-SUPERVISOR-ROLE: the supervisor holds the supervisor role for the post on the day of the
 * session (a post without a supervisor: the business lead); supervisees are staff other than them.
 */
export const supervisorHeldRole: RecordRule<'supervision', RosterContext> = (record, ctx) => {
  const report = reporter(record);
  const { supervisor, supervisees, post, date } = record.data;
  const findings: Finding[] = [];
  // An unknown post has no supervisor, so the business lead would seem to act for it: the post is checked first.
  if (!ctx.roster.posts.some((p) => p.id === post)) findings.push(report.error('SCHEMA', ['post'], `staff.yaml 中没有岗位 ${post}；应为已登记的岗位编号`));
  else if (!ctx.roster.people.some((p) => p.id === supervisor)) findings.push(report.error('SCHEMA', ['supervisor'], `staff.yaml 中没有工作人员 ${supervisor}`));
  else if (!actsAsSupervisor(ctx.roster, supervisor, post, date)) {
    findings.push(report.error('SV-SUPERVISOR-ROLE', ['supervisor'], `${supervisor} 在 ${date} 不是岗位 ${post} 的督导（无督导的岗位为业务负责人）；见 staff.yaml 的角色与期限`));
  }
  supervisees.forEach((id, i) => {
    if (!ctx.roster.people.some((p) => p.id === id)) findings.push(report.error('SCHEMA', ['supervisees', i], `staff.yaml 中没有工作人员 ${id}`));
    else if (id === supervisor) findings.push(report.error('SV-SUPERVISOR-ROLE', ['supervisees', i], `督导 ${id} 不能同时是被督导社工`));
  });
  return findings;
};

const key = (f: { owner: string; action: string }) => `${f.owner}\u0000${f.action}`;
const before = (a: Supervision, b: Supervision) => a.data.date < b.data.date || (a.data.date === b.data.date && a.id < b.id);

/** Each supervisee's sessions, in order. */
const sessionsBySupervisee = memoisedPer((records: RecordsContext['records']) =>
  groupBy(
    records.filter((r): r is Supervision => r.kind === 'supervision').sort((a, b) => (before(a, b) ? -1 : 1)),
    (r) => r.data.supervisees,
  ),
);

/** The latest session before `record` that `staff` attended as a supervisee. */
const previousSessionOf = (staff: string, record: Supervision, ctx: RecordsContext): Supervision | undefined =>
  sessionsBySupervisee(ctx.records).get(staff)?.findLast((other) => before(other, record));

/**
 * SV-FOLLOW-UP: the follow-ups of `record` still waiting for their owner's next session, where
 * they are reviewed (the owner has no later session yet).
 */
export const followUpsAwaitingReview = (record: Supervision, ctx: RecordsContext) =>
  record.data.followUps.filter((f) => !sessionsBySupervisee(ctx.records).get(f.owner)?.some((other) => before(record, other)));

/**
 * SV-FOLLOW-UP: each follow-up is owned by a supervisee, and carried to that supervisee's next
 * session, which records whether it was done; one not done is agreed again there (warning).
 */
export const followUpsCarried: RecordRule<'supervision'> = (record, ctx) => {
  const report = reporter(record);
  const { supervisees, followUps, previousFollowUps } = record.data;
  const findings: Finding[] = [];
  followUps.forEach((f, i) => {
    if (!supervisees.includes(f.owner)) findings.push(report.error('SV-FOLLOW-UP', ['followUps', i, 'owner'], `跟进事项的负责人 ${f.owner} 不是本次被督导社工`));
  });
  const reviewed = new Set(previousFollowUps.map(key));
  const agreed = new Set<string>();
  supervisees.forEach((staff, i) => {
    const at = previousFollowUps.length > 0 ? ['previousFollowUps'] : ['supervisees', i];
    const previous = previousSessionOf(staff, record, ctx);
    for (const f of previous?.data.followUps.filter((f) => f.owner === staff) ?? []) {
      agreed.add(key(f));
      if (!reviewed.has(key(f))) {
        findings.push(report.error('SV-FOLLOW-UP', at, `上次督导（${previous?.id}，${previous?.data.date}）约定 ${staff} 的跟进事项「${f.action}」未在本次回顾；请在「上次跟进事项完成情况」中写明是否完成`));
      }
    }
  });
  const carried = new Set(followUps.map(key));
  previousFollowUps.forEach((f, i) => {
    if (!agreed.has(key(f))) {
      findings.push(report.error('SV-FOLLOW-UP', ['previousFollowUps', i], `「${f.action}」不是 ${f.owner} 上次督导约定的跟进事项`));
    } else if (!f.done && !carried.has(key(f))) {
      findings.push(report.warning('SV-FOLLOW-UP', ['previousFollowUps', i, 'done'], `上次的跟进事项「${f.action}」未完成，应转入本次的跟进事项`));
    }
  });
  return findings;
};
