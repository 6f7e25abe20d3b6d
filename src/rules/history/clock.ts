import { configFiles } from '../../ledger/approval-scope.ts';
import { dayOf } from '../../ledger/commit.ts';
import { archiveConfigSchema, type ArchiveConfig } from '../../schemas/archive-config.ts';
import type { Finding } from '../finding.ts';
import { historyFinding, shortSha, type HistoryContext } from './context.ts';

/** A commit on main dated earlier than its first parent (A-CLOCK), with the tolerance it was judged by. */
export interface ClockSkew {
  sha: string;
  time: string;
  parent: { sha: string; time: string };
  toleranceMinutes: number;
}

/** The tolerance where no approved archive.yaml can be read: the configuration's default. */
const defaultTolerance: number = archiveConfigSchema.shape.clockToleranceMinutes.parse(undefined);

/**
 * A-CLOCK over main's first-parent history (from the adoption point on), one commit at a time in
 * order: whether the commit is dated earlier than its first parent by more than the tolerance of
 * the archive.yaml approved at that point (never the work tree's, nor one pushed without approval).
 */
export class MainlineClock {
  private parent: { sha: string; time: string } | undefined;

  /** The skew of the next commit, if any. */
  next(commit: { sha: string; time: string }, approvedConfig: ArchiveConfig | null): ClockSkew | undefined {
    const parent = this.parent;
    this.parent = commit;
    const toleranceMinutes = approvedConfig?.clockToleranceMinutes ?? defaultTolerance;
    if (parent === undefined || Date.parse(commit.time) >= Date.parse(parent.time) - toleranceMinutes * 60_000) return undefined;
    return { ...commit, parent, toleranceMinutes };
  }
}

export function clockMessage(skew: ClockSkew): string {
  return `提交 ${shortSha(skew.sha)} 的时间（${skew.time}）早于它在 main 上的前一个提交 ${shortSha(skew.parent.sha)}（${skew.parent.time}），超出 ${skew.toleranceMinutes} 分钟的时钟误差容限：提交时间被改动过或机器时钟有误`;
}

/**
 * A-CLOCK findings for the skewed commits that are not approvals (an approval's skew is one of its
 * violations): one per record the commit changed, or one about the history itself.
 */
export function unapprovedClockSkews(ctx: HistoryContext, skews: ReadonlyMap<string, ClockSkew>): Finding[] {
  const approvals = new Set(ctx.ledger.approvals.map((a) => a.sha));
  return [...skews.values()]
    .filter((skew) => !approvals.has(skew.sha))
    .flatMap((skew) => {
      const records = ctx.ledger.unapproved.filter((c) => c.sha === skew.sha).flatMap((c) => c.records);
      const message = clockMessage(skew);
      return (records.length > 0 ? records : [null]).map((record) => historyFinding(ctx, record, 'A-CLOCK', 'error', message, configFiles[1]));
    });
}

/**
 * The day a merge's roles are judged on: the day of the merge, never a day before its first
 * parent's (a merge dated back within the tolerance cannot reach into the day before).
 */
export function judgedDay(time: string, parentTime: string | undefined): string {
  return parentTime !== undefined && Date.parse(parentTime) > Date.parse(time) ? dayOf(parentTime) : dayOf(time);
}
