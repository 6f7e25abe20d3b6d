import { stageLabel } from '../../i18n/terms.ts';
import { esc, recordPath } from '../html.ts';
import type { Waiting } from '../work-list.ts';
import type { Namer } from '../../site/value-parts.ts';

/** The supervisor list: every submission waiting for a decision, oldest first, each linking to its review. */
export function approvalsBody(mine: readonly Waiting[], others: readonly Waiting[], names: Namer): string {
  return `<h2>等待我审批（${mine.length}）</h2>${mine.length > 0 ? approvalRows(mine, names) : '<p class="muted">没有等待你审批的提交。</p>'}
<h2>其他等待审批的提交（${others.length}）</h2>${others.length > 0 ? approvalRows(others, names) : '<p class="muted">没有。</p>'}`;
}

export function approvalRows(rows: readonly Waiting[], names: Namer): string {
  const name = (id: string | null) => esc(id ? (names(id).text) : '?');
  return `<table><thead><tr><th>提交日期</th><th>记录</th><th>环节</th><th>提交人</th><th>审批人</th></tr></thead><tbody>${rows
    .map(
      (w) =>
        `<tr data-waiting="${esc(w.record)}"><td data-label="提交日期">${esc(w.since)}</td><td data-label="记录"><a href="${recordPath('review', w.record)}">${esc(w.record)}</a>${w.title ? `<br><span class="muted">${esc(w.title)}</span>` : ''}${w.remote ? ` <span class="tag">在远程仓库 ${esc(w.remote)}</span>` : ''}</td><td data-label="环节">${esc(stageLabel(w.stage))}</td><td data-label="提交人">${name(w.submittedBy)}</td><td data-label="审批人">${w.candidates.map(name).join(' 或 ') || '（无人担任）'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}
