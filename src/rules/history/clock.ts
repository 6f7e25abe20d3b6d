import { configFiles } from '../../ledger/approval-scope.ts';
import { dayOf } from '../../ledger/commit.ts';
import type { Ledger } from '../../ledger/ledger.ts';
import type { Finding } from '../finding.ts';
import { historyFinding, shortSha, type HistoryContext } from './context.ts';

/** A commit on main dated earlier than its first parent (A-CLOCK). */
export interface ClockSkew {
  sha: string;
  time: string;
  parent: { sha: string; time: string };
}

/**
 * A-CLOCK: the commits of main's first-parent history (from the adoption point on) dated earlier
 * than their first parent by more than `toleranceMinutes`, by sha. Pure.
 */
export function clockSkews(mainline: Ledger['mainline'], toleranceMinutes: number): Map<string, ClockSkew> {
  const skews = new Map<string, ClockSkew>();
  const tolerance = toleranceMinutes * 60_000;
  for (let i = 1; i < mainline.length; i++) {
    const commit = mainline[i]!;
    const parent = mainline[i - 1]!;
    if (Date.parse(commit.time) < Date.parse(parent.time) - tolerance) skews.set(commit.sha, { ...commit, parent });
  }
  return skews;
}

export function clockMessage(skew: ClockSkew, toleranceMinutes: number): string {
  return `提交 ${shortSha(skew.sha)} 的时间（${skew.time}）早于它在 main 上的前一个提交 ${shortSha(skew.parent.sha)}（${skew.parent.time}），超出 ${toleranceMinutes} 分钟的时钟误差容限：提交时间被改动过或机器时钟有误`;
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
      const message = clockMessage(skew, ctx.config.clockToleranceMinutes);
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
