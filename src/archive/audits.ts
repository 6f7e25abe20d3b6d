import { createHash } from 'node:crypto';
import type { RecordOfKind } from '../records/archive-record.ts';
import type { RuleContext } from '../rules/context.ts';

type Audited = RecordOfKind<'group'> | RecordOfKind<'community'>;

/**
 * GR-AUDIT: a reproducible random sample of archived groups and community activities. Each
 * candidate is ranked by sha256(seed:id), so anyone with the seed (by default a commit hash)
 * re-draws exactly the same sample. Pure.
 */
export function sampleForAudit(ctx: RuleContext, n: number, seed: string): Audited[] {
  const candidates = ctx.records.filter((r): r is Audited => (r.kind === 'group' || r.kind === 'community') && r.data.archiveNo !== undefined);
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return candidates.sort((a, b) => rank(a.id).localeCompare(rank(b.id))).slice(0, n);
}

export interface WorkerScores {
  worker: string;
  audits: number;
  completeness: number;
  standardization: number;
  professionalism: number;
}

/** The half-year a date falls in, e.g. 2026H2. */
export const halfOf = (date: string) => `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;

/** Mean scores per worker of the audited records, for one half-year (or a whole year: 2026). Pure. */
export function auditReport(ctx: RuleContext, period: string): WorkerScores[] {
  const inPeriod = (date: string) => (period.includes('H') ? halfOf(date) === period : date.startsWith(period));
  const byWorker = new Map<string, { completeness: number; standardization: number; professionalism: number }[]>();
  for (const audit of ctx.records) {
    if (audit.kind !== 'audit' || !inPeriod(audit.data.date)) continue;
    const target = ctx.byId.get(audit.data.target);
    const worker = target && 'worker' in target.data ? (target.data.worker as string) : '（未知）';
    byWorker.set(worker, [...(byWorker.get(worker) ?? []), audit.data.scores]);
  }
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  return [...byWorker]
    .map(([worker, scores]) => ({
      worker,
      audits: scores.length,
      completeness: mean(scores.map((s) => s.completeness)),
      standardization: mean(scores.map((s) => s.standardization)),
      professionalism: mean(scores.map((s) => s.professionalism)),
    }))
    .sort((a, b) => a.worker.localeCompare(b.worker));
}
