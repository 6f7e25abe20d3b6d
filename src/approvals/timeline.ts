import { groupBy, groupByKey, memoisedPer } from '../group-by.ts';
import { dayOf } from '../ledger/commit.ts';
import type { Approval, Ledger } from '../ledger/ledger.ts';
import { stageDefinitions } from '../ledger/stages.ts';
import { firstOnMainLabel, roleLabel, routeLabels, stageLabel } from '../i18n/terms.ts';
import type { Finding } from '../rules/finding.ts';
import { approvalPlacesOf, type HistoryContext } from '../rules/history/context.ts';
import { locationFromPath } from '../records/record-path.ts';

export interface TimelineEntry {
  time: string;
  kind: 'import' | 'first-on-main' | 'submitted' | 'rejected' | 'approved' | 'invalid-approval' | 'unapproved-change';
  stage: string | null;
  /** Staff id of who acted, where known. */
  by: string | null;
  sha: string;
  note: string;
}

/** Submissions, rejections and unapproved changes by record, indexed once per ledger: the site asks for every record. */
const notesByRecord = memoisedPer((ledger: Ledger) => ({
  submissions: groupByKey(ledger.submissions, (n) => n.record),
  rejections: groupByKey(ledger.rejections, (n) => n.record),
  unapproved: groupBy(ledger.unapproved, (c) => c.files.map((f) => locationFromPath(f)?.id)),
}));

const stageName = (stage: string | null) => (stage === null ? '（未写明环节）' : stageLabel(stage));

/**
 * A record's approval timeline from git history alone, oldest first. Pure. Notes quote what people
 * typed into git (a rejection's reason, a branch name): the de-identified site rebuilds them from
 * the structured fields (src/site/public-facts.ts).
 */
export function timelineOf(ctx: HistoryContext, record: string, findings: readonly Finding[]): TimelineEntry[] {
  const { ledger } = ctx;
  const entries: TimelineEntry[] = [];
  const first = ledger.firstOnMain.get(record);
  if (first) {
    const imported = ledger.imported.has(record);
    entries.push({ time: first.time, kind: imported ? 'import' : 'first-on-main', stage: null, by: null, sha: first.sha, note: imported ? '导入（启用审批前已在档案中）' : firstOnMainLabel });
  }
  const notes = notesByRecord(ledger);
  for (const note of notes.submissions.get(record) ?? []) {
    entries.push({ time: note.time, kind: 'submitted', stage: note.stage, by: note.by, sha: note.sha, note: `提交「${stageName(note.stage)}」${note.branch ? `（待审批分支 ${note.branch}）` : ''}` });
  }
  for (const note of notes.rejections.get(record) ?? []) {
    entries.push({ time: note.time, kind: 'rejected', stage: note.stage, by: note.by, sha: note.sha, note: `退回「${stageName(note.stage)}」：${note.reason ?? ''}` });
  }
  for (const at of approvalPlacesOf(ctx, record)) {
    const approval = ledger.approvals[at] as Approval;
    const invalid = ctx.invalid.has(approval.sha);
    const rules = findings.filter((f) => f.record === record && f.message.includes(approval.sha.slice(0, 8))).map((f) => f.rule);
    const role = approval.stage ? roleLabel(stageDefinitions[approval.stage].role) : '';
    const signature = ctx.signatures.get(approval.sha);
    const signed = signature?.status === 'G' && signature.signer ? `，有 ${signature.signer} 名册登记密钥的签名` : '';
    entries.push({
      time: approval.time,
      kind: invalid ? 'invalid-approval' : 'approved',
      stage: approval.stage,
      by: ctx.approverAt(at),
      sha: approval.sha,
      note: `${invalid ? '无效的审批' : '批准'}「${stageName(approval.stage)}」（${role}${signed}）${invalid ? `：${[...new Set(rules)].join('、')}` : ''}`,
    });
  }
  for (const change of notes.unapproved.get(record) ?? []) {
    const how = change.how === 'carried' ? `随合并 ${change.sha.slice(0, 8)} 带入，该合并审批的是别的记录或名册` : routeLabels[change.how];
    entries.push({ time: change.time, kind: 'unapproved-change', stage: null, by: null, sha: change.sha, note: `未经审批的改动（${how}，${change.author.name}）` });
  }
  return entries.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.kind.localeCompare(b.kind));
}

export function formatTimeline(record: string, entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return `${record}：git 历史中还没有记录`;
  const lines = entries.map((e) => `${dayOf(e.time)}  ${e.sha.slice(0, 8)}  ${e.by ?? '—'}  ${e.note}`);
  return [`${record} 的审批时间线：`, ...lines].join('\n');
}
