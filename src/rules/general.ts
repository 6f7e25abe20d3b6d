import type { ArchiveRecord } from '../records/archive-record.ts';
import type { RuleContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';

type ServiceRecord = Extract<ArchiveRecord, { kind: 'case' | 'consultation' | 'group' | 'community' }>;

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

/** The worker and post named on a record exist in staff.yaml, and the worker held the worker role. */
export function staffReferencesExist(record: ServiceRecord, ctx: RuleContext): Finding[] {
  const report = reporter(record);
  const findings: Finding[] = [];
  const { worker, post } = record.data;
  if (!ctx.roster.posts.some((p) => p.id === post)) {
    findings.push(report.error('SCHEMA', ['post'], `staff.yaml 中没有岗位 ${post}；应为已登记的岗位编号`));
  }
  if (!ctx.roster.people.some((p) => p.id === worker)) {
    findings.push(report.error('SCHEMA', ['worker'], `staff.yaml 中没有工作人员 ${worker}；应为已登记的社工编号`));
  } else if (!ctx.roster.people.some((p) => p.id === worker && p.roles.some((r) => r.role === 'worker'))) {
    findings.push(report.error('SCHEMA', ['worker'], `${worker} 在 staff.yaml 中从未担任社工（worker），不能作为负责社工`));
  }
  return findings;
}

