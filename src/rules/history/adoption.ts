import { configFiles } from '../../ledger/approval-scope.ts';
import type { Finding } from '../finding.ts';
import { shortSha, type HistoryContext } from './context.ts';

/**
 * A-UNAPPROVED-CHANGE of the configuration itself: an adoption point moved later. The first
 * commit on main whose archive.yaml named an adoption point must be the adoption point or come
 * after it; one before it means a tag was moved, or archive.yaml made to name a newer point, and
 * what came between the two would pass as imported, unchecked.
 */
export function movedAdoption(ctx: HistoryContext): Finding[] {
  const adoption = ctx.ledger.adoption;
  const first = ctx.ledger.configsBeforeAdoption.find((sha) => ctx.configAt(sha)?.adoption !== undefined);
  if (!adoption || first === undefined || first === adoption.sha) return [];
  return [
    {
      rule: 'A-UNAPPROVED-CHANGE',
      severity: 'error',
      record: null,
      file: configFiles[1] as string,
      line: 1,
      message: `启用审批的起点被后移：adoption: ${ctx.config.adoption} 现在指向 ${shortSha(adoption.sha)}，而 main 上更早的提交 ${shortSha(first)} 的 archive.yaml 已经设定了起点（adoption: ${ctx.configAt(first)?.adoption}）；两者之间的改动都被当作导入，不再检查。请把起点改回最初设定的提交（写提交哈希：标签可以被移动）`,
    },
  ];
}
