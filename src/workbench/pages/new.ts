import { recordKinds, serviceKinds, type ServiceKind } from '../../schemas/index.ts';
import { csrfField, esc } from '../html.ts';
import { liveScript } from './record.ts';

/** Which kind of record to open. */
export function chooseKindBody(): string {
  return `<p>选择要新建的记录类型。编号按年度自动顺延（与 swa new 相同）。</p><div class="actions">${serviceKinds
    .map((kind) => `<a class="button" href="/new?kind=${kind}">新建${esc(recordKinds[kind].label)}记录</a>`)
    .join('')}</div>`;
}

/**
 * The new record's form: posting it takes the next free number and writes the record in the work
 * tree. Its findings are live from the start, checked against the record swa new would write.
 */
export function newRecordBody(kind: ServiceKind, csrf: string, fields: string): string {
  return `<form method="post" action="/new" data-form="new" data-check="/new/check">${csrfField(csrf)}<input type="hidden" name="kind" value="${esc(kind)}">
<p class="muted" data-summary aria-live="polite">检查结果会随填写更新</p>${fields}
<div class="actions sticky"><button type="submit">保存为新的${esc(recordKinds[kind].label)}记录</button><a href="/">取消</a></div></form>${liveScript}`;
}
