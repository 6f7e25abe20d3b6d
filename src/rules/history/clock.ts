import { groupBy } from '../../group-by.ts';
import { configFiles } from '../../ledger/approval-scope.ts';
import { dayOf } from '../../ledger/commit.ts';
import { archiveConfigSchema, type ArchiveConfig } from '../../schemas/archive-config.ts';
import type { Finding } from '../finding.ts';
import { historyFinding, shortSha, type HistoryContext } from './context.ts';

/** A commit on main dated earlier than a commit before it (A-CLOCK): the latest-dated one, with the tolerance it was judged by. */
export interface ClockSkew {
  sha: string;
  time: string;
  latest: { sha: string; time: string };
  toleranceMinutes: number;
}

/** The tolerance where no approved archive.yaml can be read: the configuration's default. */
const defaultTolerance: number = archiveConfigSchema.shape.clockToleranceMinutes.parse(undefined);

/**
 * A-CLOCK over main's first-parent history (from the adoption point on), one commit at a time in
 * order: whether the commit is dated earlier than the latest date so far by more than the tolerance
 * of the archive.yaml approved at that point (never the work tree's, nor one pushed without
 * approval). The latest date, not the first parent's: a clock set back on a throwaway commit, or
 * walked back a few minutes per commit, would otherwise take the next approval with it.
 */
export class MainlineClock {
  /** The latest's time, parsed once rather than again for every commit after it. */
  #latestMs: number;

  /** `latest`: the latest-dated commit so far. */
  constructor(public latest?: { sha: string; time: string }) {
    this.#latestMs = latest ? Date.parse(latest.time) : Number.NaN;
  }

  /** The skew of the next commit, if any. */
  next(commit: { sha: string; time: string }, approvedConfig: ArchiveConfig | null): ClockSkew | undefined {
    const latest = this.latest;
    const latestMs = this.#latestMs;
    const ms = Date.parse(commit.time);
    if (latest === undefined || ms > latestMs) [this.latest, this.#latestMs] = [commit, ms];
    const toleranceMinutes = approvedConfig?.clockToleranceMinutes ?? defaultTolerance;
    if (latest === undefined || ms >= latestMs - toleranceMinutes * 60_000) return undefined;
    return { ...commit, latest, toleranceMinutes };
  }
}

export function clockMessage(skew: ClockSkew): string {
  return `提交 ${shortSha(skew.sha)} 的时间（${skew.time}）早于 main 上在它之前的提交 ${shortSha(skew.latest.sha)}（${skew.latest.time}），超出 ${skew.toleranceMinutes} 分钟的时钟误差容限：提交时间被改动过或机器时钟有误`;
}

/**
 * A-CLOCK findings for the skewed commits that are not approvals (an approval's skew is one of its
 * violations): one per record the commit changed, or one about the history itself.
 */
export function unapprovedClockSkews(ctx: HistoryContext, skews: ReadonlyMap<string, ClockSkew>): Finding[] {
  if (skews.size === 0) return [];
  const approvals = ctx.ledger.approvalShas;
  const unapproved = groupBy(ctx.ledger.unapproved, (change) => [change.sha]);
  return [...skews.values()]
    .filter((skew) => !approvals.has(skew.sha))
    .flatMap((skew) => {
      const records = (unapproved.get(skew.sha) ?? []).flatMap((c) => c.records);
      const message = clockMessage(skew);
      return (records.length > 0 ? records : [null]).map((record) => historyFinding(ctx, record, 'A-CLOCK', 'error', message, configFiles[1]));
    });
}

/**
 * The day a merge's roles are judged on: the day of the merge, never a day before the latest date
 * on main before it (a merge dated back within the tolerance cannot reach into the day before).
 */
export function judgedDay(time: string, latestTime: string | undefined): string {
  return latestTime !== undefined && Date.parse(latestTime) > Date.parse(time) ? dayOf(latestTime) : dayOf(time);
}
