import { branchOnlyStatus, statusOf, type RecordStatus } from '../approvals/status.ts';
import type { Obligation } from '../archive/due.ts';
import { submitPrefix } from '../ledger/git-log.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { HistoryContext } from '../rules/history/context.ts';

export interface Waiting {
  record: string;
  branch: string;
  stage: string;
  since: string;
  submittedBy: string | null;
  candidates: string[];
  /** The record's title where this copy knows it (main's version). */
  title?: string;
  /** A branch seen only on a remote (refs/remotes/<remote>/submit/…), not yet here. */
  remote?: string;
}

export interface WorkList {
  /** The person's records (as their worker, or submitted by them), each with where it stands. */
  records: RecordStatus[];
  /** What `swa due` says this person owes, overdue first. */
  due: Obligation[];
  /** Submissions that wait for this person's decision, oldest first. */
  toDecide: Waiting[];
}

const workerOf = (record: ArchiveRecord) => ('worker' in record.data ? (record.data.worker as string) : null);

/** The 我的待办 view of one staff member. Pure: the history, the due list and any remote submissions come in. */
export function workListOf(ctx: HistoryContext, staffId: string, due: readonly Obligation[], remote: readonly Waiting[], branchRecords: readonly ArchiveRecord[] = []): WorkList {
  const submittedByMe = new Set(ctx.ledger.pendingBranches.filter((p) => p.submission?.by === staffId).map((p) => p.branch.slice(submitPrefix.length)));
  const mine = ctx.records.filter((r) => workerOf(r) === staffId || submittedByMe.has(r.id));
  const branchOnly = [...submittedByMe].filter((id) => !ctx.byId.has(id) && !ctx.unparsed.has(id));
  const records = [...mine.map((r) => statusOf(ctx, r)), ...branchOnly.map((id) => withTitle(branchOnlyStatus(ctx, id, branchRecords.find((r) => r.id === id)), branchRecords))].sort(byActivity);
  return {
    records,
    due: due.filter((o) => o.who.includes(staffId)).sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')),
    toDecide: [...waitingOf(ctx, branchRecords), ...remote].filter((w) => w.candidates.includes(staffId) && w.submittedBy !== staffId).sort(oldestFirst),
  };
}

/** A new record's title, as its branch holds it. */
function withTitle(status: RecordStatus, branchRecords: readonly ArchiveRecord[]): RecordStatus {
  const data = branchRecords.find((r) => r.id === status.record)?.data;
  const title = data && 'title' in data ? (data.title as string) : undefined;
  return title ? { ...status, title: `${title}（新记录，等待首次审批）` } : status;
}

/** Every submission waiting for a decision here (rejected ones wait for their worker, not for an approver), oldest first. */
export function waitingOf(ctx: HistoryContext, branchRecords: readonly ArchiveRecord[]): Waiting[] {
  const ids = ctx.ledger.pendingBranches.map((p) => p.branch.slice(submitPrefix.length));
  return ids
    .flatMap((id) => {
      const record = ctx.byId.get(id);
      const status = record ? statusOf(ctx, record) : branchOnlyStatus(ctx, id, branchRecords.find((r) => r.id === id));
      const submittedBy = ctx.ledger.pendingBranches.find((p) => p.branch === `submit/${id}`)?.submission?.by ?? null;
      const title = record ? status.title : undefined;
      return status.waiting.filter((w) => !w.rejected).map((w) => ({ record: id, branch: w.branch, stage: w.stage, since: w.since, submittedBy, candidates: w.candidates, ...(title ? { title } : {}) }));
    })
    .sort(oldestFirst);
}

const oldestFirst = (a: Waiting, b: Waiting) => a.since.localeCompare(b.since) || a.record.localeCompare(b.record);

/** Records with something waiting or rejected first, then the most recently approved. */
const byActivity = (a: RecordStatus, b: RecordStatus) => Number(b.waiting.length > 0) - Number(a.waiting.length > 0) || lastActivity(b).localeCompare(lastActivity(a)) || b.record.localeCompare(a.record);

const lastActivity = (s: RecordStatus) => [...s.approved.map((a) => a.date), ...s.waiting.map((w) => w.since)].sort().at(-1) ?? '';
