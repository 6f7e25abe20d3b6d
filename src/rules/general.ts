import type { RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { startDate, type ServiceRecord } from './record-dates.ts';
import { holdsRole } from './roster.ts';

/** G-FREE (第五章): services are government-commissioned; clients pay nothing. */
export function serviceIsFree(record: ServiceRecord): Finding[] {
  if (record.data.participantFee === 0) return [];
  return [
    reporter(record).error(
      'G-FREE',
      ['participantFee'],
      `服务对象缴纳费用为 ${record.data.participantFee} 元；本机构服务均为政府购买，服务对象不缴纳任何费用，应为 0`,
    ),
  ];
}

/** The worker and post named on a record exist in staff.yaml, and the worker served that post when the service started. */
export function staffReferencesExist(record: ServiceRecord, ctx: RosterContext): Finding[] {
  const report = reporter(record);
  const findings: Finding[] = [];
  const { worker, post } = record.data;
  if (!ctx.roster.posts.some((p) => p.id === post)) {
    findings.push(report.error('SCHEMA', ['post'], `staff.yaml 中没有岗位 ${post}；应为已登记的岗位编号`));
  }
  if (!ctx.roster.people.some((p) => p.id === worker)) {
    findings.push(report.error('SCHEMA', ['worker'], `staff.yaml 中没有工作人员 ${worker}；应为已登记的社工编号`));
  } else if (!holdsRole(ctx.roster, worker, 'worker', startDate(record), post)) {
    findings.push(report.error('SCHEMA', ['worker'], `${worker} 在服务开始之日 ${startDate(record)} 不是岗位 ${post} 的社工（见 staff.yaml 的角色与期限）`));
  }
  return findings;
}

