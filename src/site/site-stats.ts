import type { RuleContext } from '../rules/context.ts';
import { computeStats, type Figures, type SupervisionRow, type TargetRow } from '../stats/compute.ts';
import { parsePeriod, type Period } from '../stats/period.ts';

/** The funder's figures of the year the site is built for, for the dashboard. */
export interface SiteStats {
  period: Period;
  targets: TargetRow[];
  byMonth: Record<string, Figures>;
  totals: Figures;
  /** Supervision received per worker and quarter, the worker by name. */
  supervision: (SupervisionRow & { workerName: string })[];
}

/** From the records alone, as `swa stats --year` computes them. Pure. */
export function siteStats(ctx: RuleContext): SiteStats {
  const period = parsePeriod(ctx.today.slice(0, 4)) as Period;
  const stats = computeStats(ctx.records, ctx.config.projects, period);
  const names = new Map(ctx.roster.people.map((p) => [p.id, p.name]));
  return {
    period,
    targets: stats.targets,
    byMonth: stats.byMonth,
    totals: stats.totals,
    supervision: stats.supervision.map((row) => ({ ...row, workerName: names.get(row.worker) ?? row.worker })),
  };
}
