import type { FieldChange } from './field-changes.ts';
import { displayValue } from './form-values.ts';
import type { Part } from '../../site/value-parts.ts';
import { partHtml } from '../html.ts';
import { html, Html } from './html.ts';

/** A stored value as a person reads it, by the field's html name: a staff or post code as its name, a category code as its label. */
export type FieldNamer = (value: string, field: string) => Part;

const changeStyles = `
.swa-changes{list-style:none;padding:0;margin:0;max-width:40rem}
.swa-changes .change{border-bottom:1px solid #ddd;padding:.4rem 0;overflow-wrap:anywhere}
.swa-changes .change-label{font-weight:600;display:block}
.swa-changes del{color:#b00020;background:#fde8ea}
.swa-changes ins{color:#0b6b2b;background:#e6f4ea;text-decoration:none}
.swa-changes .change-kind{font-size:.85em;border-radius:3px;padding:0 .3rem;margin-left:.3rem;background:#eee}
.swa-changes dl{margin:.25rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:.1rem .6rem}
.swa-changes dd{margin:0}
`;

const kindLabel = { changed: '修改', added: '新增', removed: '删除' } as const;

function shown(value: unknown, field: string, namer: FieldNamer | undefined): Html | string {
  if (value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && namer) return new Html(partHtml(namer(value, field)));
  return displayValue(value);
}

/**
 * The changes as a list a supervisor reads: each field's label, old value → new value; rows
 * added or removed as one entry with their fields. Every value escaped; one column, for a phone too.
 */
export function renderChanges(changes: readonly FieldChange[], opts: { nonce?: string; namer?: FieldNamer } = {}): string {
  if (changes.length === 0) return html`<p class="swa-no-changes">没有字段改动</p>`.text;
  const nonce = opts.nonce === undefined ? '' : html` nonce="${opts.nonce}"`;
  return html`<style${nonce}>${new Html(changeStyles)}</style>
<ul class="swa-changes">
${changes.map((change) => html`<li class="change change-${change.change}" data-field="${change.name}"><span class="change-label">${change.label}<span class="change-kind">${kindLabel[change.change]}</span></span>${body(change, opts.namer)}</li>
`)}</ul>`.text;
}

function body(change: FieldChange, namer: FieldNamer | undefined): Html {
  if (change.fields) {
    const tag = change.change === 'removed' ? 'del' : 'ins';
    return html`<dl>${change.fields.map((field) => html`<dt>${field.label}</dt><dd>${new Html(`<${tag}>`)}${shown(field.value, field.name === '' ? change.name : `${change.name}.${field.name}`, namer)}${new Html(`</${tag}>`)}</dd>`)}</dl>`;
  }
  if (change.before === undefined && change.after === undefined) return html`<span class="change-sealed">已修改（加密内容，无法显示）</span>`;
  return html`<del>${shown(change.before, change.name, namer)}</del> → <ins>${shown(change.after, change.name, namer)}</ins>`;
}
