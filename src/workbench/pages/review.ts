import type { TimelineEntry } from '../../approvals/timeline.ts';
import { roleLabel, stageLabel } from '../../i18n/terms.ts';
import { dayOf } from '../../ledger/commit.ts';
import { csrfField, esc, recordPath } from '../html.ts';
import type { Waiting } from '../work-list.ts';
import type { Namer } from '../../site/value-parts.ts';

export interface Review {
  record: string;
  waiting: Waiting;
  role: string | null;
  /** The branch tip reviewed: the approval is refused if the branch moves after this page was shown. */
  head: string | null;
  /** The change as forms (label, old → new, rows added and removed). */
  changes: string;
  /** The findings of the record as submitted. */
  findings: string;
  timeline: readonly TimelineEntry[];
  /** Whether this user may decide (named among the stage's approvers). */
  mayDecide: boolean;
  csrf: string;
  names: Namer;
}

/** The supervisor's review: the change as forms, the findings, the timeline, who approves; 批准 and 退回. */
export function reviewBody(r: Review): string {
  const name = (id: string | null) => esc(id ? `${r.names(id).text}` : '—');
  const path = recordPath('review', r.record);
  const facts = `<div class="card" data-facts><p>环节：<strong>${esc(stageLabel(r.waiting.stage))}</strong>（${esc(r.role ? roleLabel(r.role) : '')}）· 提交人：${name(r.waiting.submittedBy)} · 提交日期：${esc(r.waiting.since)}</p>
<p>审批人：${r.waiting.candidates.map(name).join(' 或 ') || '（无人担任该角色）'}</p></div>`;
  if (r.waiting.remote) {
    return `${facts}<form method="post" action="${path}/fetch" class="actions">${csrfField(r.csrf)}<button type="submit">取到本机审阅</button><span class="muted">这份提交在远程仓库 ${esc(r.waiting.remote)} 上，先在本机建立它的分支（不会合并）</span></form>`;
  }
  const decide = r.mayDecide && r.head
    ? `<h2>审批</h2><form method="post" action="${path}/approve" class="actions">${csrfField(r.csrf)}<input type="hidden" name="head" value="${esc(r.head)}"><button type="submit" data-approve>批准</button><span class="muted">批准后记入正式档案；有远程仓库时同时推送</span></form>
<form method="post" action="${path}/reject" class="card">${csrfField(r.csrf)}<label for="reason">退回理由（社工会看到）</label><textarea id="reason" name="reason" required></textarea><div class="actions"><button type="submit" class="danger" data-reject>退回</button></div></form>`
    : `<p class="muted">你不是这个环节的审批人，只能查看。</p>`;
  return `${facts}<h2>改动</h2>${r.changes}<h2>检查结果</h2>${r.findings}<h2>时间线</h2>${timelineTable(r.timeline, name)}${decide}`;
}

function timelineTable(entries: readonly TimelineEntry[], name: (id: string | null) => string): string {
  if (entries.length === 0) return '<p class="muted">git 历史中还没有这份记录（新记录）。</p>';
  return `<table data-timeline><tbody>${entries.map((e) => `<tr><td>${esc(dayOf(e.time))}</td><td>${name(e.by)}</td><td>${esc(e.note)}</td></tr>`).join('')}</tbody></table>`;
}
