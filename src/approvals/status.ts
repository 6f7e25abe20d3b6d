import { dayOf } from '../ledger/commit.ts';
import { stageDefinitions, type Stage } from '../ledger/stages.ts';
import { postOf, type ArchiveRecord } from '../records/archive-record.ts';
import { approvalPlacesOf, type HistoryContext } from '../rules/history/context.ts';
import { groupByKey, memoisedPer } from '../group-by.ts';
import { submitPrefix } from '../ledger/git-log.ts';
import type { Approval, Ledger } from '../ledger/ledger.ts';
import { whoMayAct } from '../rules/roster.ts';
import type { Role } from '../schemas/staff.ts';
import { roleLabel } from '../i18n/terms.ts';
import { nextStep, type NextStep } from './next-step.ts';

export interface RecordStatus {
  record: string;
  title: string;
  approved: { stage: Stage; by: string | null; date: string; sha: string }[];
  /** Submissions waiting for a decision, with who may decide. */
  waiting: { branch: string; stage: string; role: Role | null; candidates: string[]; since: string; rejected: { by: string | null; reason: string } | null }[];
  /** With nothing waiting: what the worker does next; null when waiting or archived. */
  next: (NextStep & { worker: string | null }) | null;
}

/** Each stage's place in the stages' order, which `approved` follows. */
const stageRank = new Map((Object.keys(stageDefinitions) as Stage[]).map((stage, i) => [stage, i]));

/** Where a record stands, derived from history alone: what is approved and what waits for whom. Pure. */
export function statusOf(ctx: HistoryContext, record: ArchiveRecord): RecordStatus {
  // By stage in the stages' order, each stage's valid approvals oldest first (validApprovals,
  // without a list per stage: statusOf is asked about every record). The sort is stable.
  const { approvals } = ctx.ledger;
  const approved: RecordStatus['approved'] = [];
  for (const at of approvalPlacesOf(ctx, record.id)) {
    const a = approvals[at] as Approval;
    if (a.stage !== null && stageRank.has(a.stage) && !ctx.invalid.has(a.sha)) approved.push({ stage: a.stage, by: ctx.approverAt(at), date: dayOf(a.time), sha: a.sha });
  }
  approved.sort((x, y) => (stageRank.get(x.stage) as number) - (stageRank.get(y.stage) as number));
  const waiting = waitingOf(ctx, record.id, postOf(record));
  const worker = 'worker' in record.data ? (record.data.worker as string) : null;
  return {
    record: record.id,
    title: 'title' in record.data ? (record.data.title as string) : record.id,
    approved,
    waiting,
    next: waiting.length > 0 ? null : withWorker(nextStep(record, new Set(approved.map((a) => a.stage)), ctx.ledger.imported.has(record.id)), worker),
  };
}

const withWorker = (step: NextStep | null, worker: string | null) => (step ? { ...step, worker } : null);

/**
 * A record that exists only on its submit branch so far: a new record waiting for its first
 * approval; `onBranch` is the record as the branch holds it (see readBranchRecords), whose post decides who may approve.
 */
export function branchOnlyStatus(ctx: HistoryContext, record: string, onBranch: ArchiveRecord | undefined): RecordStatus {
  return { record, title: '（新记录，尚未进入 main）', approved: [], waiting: waitingOf(ctx, record, postOf(onBranch)), next: null };
}

/** Records whose only copy is on an unmerged submit/* branch. */
export function branchOnlyRecords(ctx: HistoryContext): string[] {
  return ctx.ledger.pendingBranches.map((p) => p.branch.slice(submitPrefix.length)).filter((id) => !ctx.byId.has(id) && !ctx.unparsed.has(id));
}

const pendingByBranch = memoisedPer((ledger: Ledger) => groupByKey(ledger.pendingBranches, (p) => p.branch));

function waitingOf(ctx: HistoryContext, record: string, post: string | undefined): RecordStatus['waiting'] {
  return (pendingByBranch(ctx.ledger).get(`${submitPrefix}${record}`) ?? []).map(({ branch, submission, latest }) => {
    const stage = submission?.stage ?? '';
    const role = stage in stageDefinitions ? stageDefinitions[stage as Stage].role : null;
    return {
      branch,
      stage,
      role,
      // Who may decide comes from the roster last approved on main, never from an unapproved change.
      candidates: role && ctx.approvedRoster ? whoMayAct(ctx.approvedRoster, role, post, ctx.today) : [],
      since: dayOf((submission ?? latest)?.time ?? ''),
      rejected: latest?.reason !== undefined ? { by: latest.by, reason: latest.reason } : null,
    };
  });
}

export function formatStatus(statuses: readonly RecordStatus[]): string {
  return statuses
    .map((s) => {
      const done = s.approved.map((a) => `${stageDefinitions[a.stage].label}（${a.by ?? '?'}，${a.date}）`).join('、') || '无';
      const lines = [`${s.record}  ${s.title}`, `  已批准：${done}`];
      for (const w of s.waiting) {
        const label = w.stage in stageDefinitions ? stageDefinitions[w.stage as Stage].label : w.stage;
        lines.push(
          w.rejected
            ? `  已退回：${label}（${w.rejected.by}：${w.rejected.reason}），等待社工修改后重新提交（${w.branch}）`
            : `  待审批：${label}，等待 ${w.candidates.join(' 或 ') || `（无人担任${w.role ? roleLabel(w.role) : '该环节的角色'}）`} 审批（${w.branch}，${w.since} 提交）`,
        );
      }
      if (s.next?.action === 'submit') lines.push(`  下一步：社工 ${s.next.worker ?? ''} 提交「${stageDefinitions[s.next.stage].label}」（swa submit ${s.record}）`);
      if (s.next?.action === 'archive') lines.push(`  下一步：社工 ${s.next.worker ?? ''} 分配档案编号并提交存档审批（swa archive ${s.record}）`);
      if (!s.next && s.waiting.length === 0) lines.push('  下一步：无（已存档）');
      return lines.join('\n');
    })
    .join('\n');
}
