import type { RecordStatus } from '../../approvals/status.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { esc, recordPath } from '../html.ts';
import type { WorkList } from '../work-list.ts';
import { approvalRows } from './approvals.ts';
import type { Namer } from '../../site/value-parts.ts';

/** 我的待办: my records and where each stands, what I owe (overdue first), and what waits for my decision. */
export function homeBody(list: WorkList, names: Namer): string {
  const name = (id: string | null) => esc(id ? (names(id).text) : '?');
  const decide = list.toDecide.length > 0 ? `<h2>等待我审批（${list.toDecide.length}）</h2>${approvalRows(list.toDecide, names)}` : '';
  const due = list.due.length === 0
    ? '<p class="muted">目前没有到期的事项。</p>'
    : `<table><thead><tr><th>期限</th><th>记录</th><th>事项</th></tr></thead><tbody>${list.due
        .map((o) => `<tr><td data-label="期限">${o.overdue ? '<span class="tag overdue">已逾期</span> ' : ''}${esc(o.deadline ?? '（无期限）')}</td><td data-label="记录">${o.record ? `<a href="${recordPath('record', o.record)}">${esc(o.record)}</a>` : '—'}</td><td data-label="事项">${esc(o.what)} <span class="muted">${esc(o.rule)}</span></td></tr>`)
        .join('')}</tbody></table>`;
  const records = list.records.length === 0
    ? '<p class="muted">还没有你负责的记录。点上方“新建记录”开始。</p>'
    : `<table><thead><tr><th>记录</th><th>进展</th><th>下一步</th></tr></thead><tbody>${list.records.map((s) => recordRow(s, name)).join('')}</tbody></table>`;
  return `${decide}<h2>我的待办事项</h2>${due}<h2>我的记录</h2>${records}`;
}

function recordRow(s: RecordStatus, name: (id: string | null) => string): string {
  const last = s.approved.at(-1);
  const approved = last
    ? `<span class="tag approved">已批准：${esc(stageLabel(last.stage))}</span> <span class="muted">${name(last.by)}，${esc(last.date)}${s.approved.length > 1 ? `；共 ${s.approved.length} 个环节已批准` : ''}</span>`
    : '';
  const waiting = s.waiting.map((w) =>
    w.rejected
      ? `<span class="tag rejected">已退回：${esc(stageLabel(w.stage))}</span> ${name(w.rejected.by)}：<q data-reason>${esc(w.rejected.reason)}</q>`
      : `<span class="tag">等待审批：${esc(stageLabel(w.stage))}</span> <span class="muted">${w.candidates.map(name).join(' 或 ')}，${esc(w.since)} 提交</span>`,
  );
  const next = s.waiting.some((w) => w.rejected)
    ? '按退回理由修改后重新提交'
    : s.waiting.length > 0
      ? '等待审批'
      : s.next?.action === 'submit'
        ? `填写并提交「${esc(stageLabel(s.next.stage))}」`
        : s.next?.action === 'archive'
          ? '分配档案编号并提交存档'
          : '已存档';
  return `<tr data-record="${esc(s.record)}"><td data-label="记录"><a href="${recordPath('record', s.record)}">${esc(s.record)}</a><br><span class="muted">${esc(s.title)}</span></td><td data-label="进展">${[...waiting, approved].filter(Boolean).join('<br>') || '<span class="muted">尚未提交</span>'}</td><td data-label="下一步">${next}</td></tr>`;
}
