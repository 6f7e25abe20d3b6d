import type { RecordRule, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { holdsRole } from './roster.ts';
import { roleLabel } from '../i18n/terms.ts';

/** GR-AUDIT (小组第五条): the businessLead spot-checks archived groups and community activities. */
export const auditIsValid: RecordRule<'audit', RosterContext> = (record, ctx) => {
  const report = reporter(record);
  const { target, auditor, date } = record.data;
  const findings: Finding[] = [];
  const audited = ctx.byId.get(target);
  if (!audited) {
    if (!ctx.unparsed.has(target)) findings.push(report.error('GR-AUDIT', ['target'], `抽查对象 ${target} 不存在`));
  } else if (audited.kind !== 'group' && audited.kind !== 'community') {
    findings.push(report.error('GR-AUDIT', ['target'], `抽查对象 ${target} 不是小组或社区活动；抽查针对已存档的小组/活动`));
  } else if (audited.data.archiveNo === undefined) {
    findings.push(report.error('GR-AUDIT', ['target'], `抽查对象 ${target} 尚未存档（没有档案编号）`));
  }
  if (!holdsRole(ctx.roster, auditor, 'businessLead', date)) {
    findings.push(report.error('GR-AUDIT', ['auditor'], `${auditor} 在 ${date} 不是机构${roleLabel('businessLead')}；抽查由${roleLabel('businessLead')}进行`));
  }
  return findings;
};
