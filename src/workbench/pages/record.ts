import type { RecordStatus } from '../../approvals/status.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { recordKinds } from '../../schemas/index.ts';
import { csrfField, esc, recordPath } from '../html.ts';
import type { RecordSource } from '../record-source.ts';
import type { Namer } from '../../site/value-parts.ts';

export interface RecordForm {
  source: RecordSource;
  status: RecordStatus | null;
  csrf: string;
  /** The blob the form was loaded from: a save against another one is refused. */
  base: string;
  /** The record's sections, rendered (with their findings). */
  fields: string;
  /** The client section rendered, or the sealed notice. */
  client: string;
  /** "3 个错误、1 个提醒" */
  summary: string;
  /** Above the form: what changed under a refused save. */
  conflict?: string;
  names: Namer;
}

/** The record's edit form: every form of the record, the client data, findings beside their fields, live. */
export function recordBody(form: RecordForm): string {
  const { source } = form;
  const path = recordPath('record', source.id);
  return `${standing(form.status, form.names)}${form.conflict ?? ''}
<form method="post" action="${path}/save" data-form="record" data-check="${path}/check">${csrfField(form.csrf)}<input type="hidden" name="base" value="${esc(form.base)}">
<p class="muted" data-summary aria-live="polite">${esc(form.summary)}</p>
${form.client}${form.fields}
<div class="actions sticky"><button type="submit">保存</button><button type="submit" formaction="${path}/submit" class="secondary" data-submit>保存并提交审批</button><a href="/">返回我的待办</a></div>
</form>${liveScript}`;
}

/** A record that is not in the work tree: waiting on its branch, or rejected and to be taken back for fixing. */
export function onBranchBody(source: RecordSource, status: RecordStatus | null, csrf: string, readOnlyFields: string, names: Namer): string {
  const rejected = status?.waiting.some((w) => w.rejected) ?? false;
  const path = recordPath('record', source.id);
  return `${standing(status, names)}
${rejected ? `<form method="post" action="${path}/take" class="actions">${csrfField(csrf)}<button type="submit">取回修改</button><span class="muted">把退回的版本放回你的工作区，修改后再次提交</span></form>` : '<p class="muted">这份记录已提交，正在等待审批；下面是提交的内容（只读）。</p>'}
${readOnlyFields}`;
}

function standing(status: RecordStatus | null, names: Namer): string {
  if (!status) return '';
  const name = (id: string | null) => esc(id ? (names(id).text) : '?');
  const lines = [
    ...status.approved.map((a) => `<span class="tag approved">已批准：${esc(stageLabel(a.stage))}</span> ${name(a.by)}，${esc(a.date)}`),
    ...status.waiting.map((w) =>
      w.rejected
        ? `<span class="tag rejected">已退回：${esc(stageLabel(w.stage))}</span> ${name(w.rejected.by)}：<q data-reason>${esc(w.rejected.reason)}</q>`
        : `<span class="tag">等待审批：${esc(stageLabel(w.stage))}</span> ${w.candidates.map(name).join(' 或 ')}`,
    ),
    ...(status.next?.action === 'submit' ? [`下一步：填写并提交「${esc(stageLabel(status.next.stage))}」`] : []),
  ];
  return lines.length > 0 ? `<div class="card" data-standing>${lines.join('<br>')}</div>` : '';
}

export const kindTitle = (source: RecordSource, title: unknown): string =>
  `${recordKinds[source.kind].label} ${source.id}${typeof title === 'string' && title ? `：${title}` : ''}`;

/**
 * Live findings: after the user stops typing, the form is posted to the check endpoint (the same
 * rules as swa check, on the server) and each field's findings box is replaced by the answer's.
 * Nothing is kept in the browser's storage; values travel only in the POST body.
 */
export const liveScript = `<script>(() => {
  const form = document.querySelector('form[data-check]');
  if (!form) return;
  let timer, seq = 0;
  const refresh = async () => {
    const mine = ++seq;
    const res = await fetch(form.dataset.check, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { 'x-csrf-token': form.elements.csrf.value } });
    if (!res.ok || mine !== seq) return;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = new Map([...doc.querySelectorAll('[data-findings-for]')].map((box) => [box.dataset.findingsFor, box.innerHTML]));
    for (const box of form.querySelectorAll('[data-findings-for]')) box.innerHTML = fresh.get(box.dataset.findingsFor) ?? '';
    const summary = doc.querySelector('[data-summary]');
    if (summary) form.querySelector('[data-summary]').textContent = summary.textContent;
    form.dataset.checked = String(mine);
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 500); };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('click', (event) => { if (event.target.closest && event.target.closest('[data-add-row],[data-remove-row]')) later(); });
})();</script>`;
