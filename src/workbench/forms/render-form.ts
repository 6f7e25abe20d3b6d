import type { Finding } from '../../rules/finding.ts';
import { isoDate } from '../../schemas/common.ts';
import type { FormField, FormSection } from './form-types.ts';
import { displayValue, rowFieldName, valueAt } from './form-values.ts';
import { Html, html } from './html.ts';
import { listOf } from './describe-form.ts';
import { formScript, formStyles } from './form-assets.ts';
import { placeFindings } from './place-findings.ts';
import { renderFindings } from './render-findings.ts';

export interface RenderOptions {
  /** Values shown, not editable: no add or remove buttons, nothing submitted from selects and checkboxes. */
  readOnly?: boolean;
  /** Choices that replace a text input by a select, by FormField.choiceKey ("worker", "disclosures.approvedBy"): staff ids from the roster. */
  choices?: Record<string, { value: string; label: string }[]>;
  /** A CSP nonce for the inline style and script. */
  nonce?: string;
}

interface Context {
  readOnly: boolean;
  sealed: boolean;
  choices: NonNullable<RenderOptions['choices']>;
  findings: Map<string, Finding[]>;
}

/** The placeholder for a row's index in a row template; the script puts the next index in its place. */
const indexPlaceholder = '__i__';

/**
 * The sections as an HTML fragment in Chinese: one fieldset per section, labels bound to their
 * inputs, required marks, each field's findings beside it (findings under "" above the form),
 * lists as rows with add and remove buttons. Every value is escaped. One column, so it reads on a
 * 390 px phone. Sealed sections carry autocomplete="off": the browser keeps no copy of a client's data.
 */
export function renderSections(
  sections: readonly FormSection[],
  value: unknown,
  findings: ReadonlyMap<string, Finding[]>,
  opts: RenderOptions = {},
): string {
  const placed = placeFindings(sections, value, findings);
  const nonce = opts.nonce === undefined ? '' : html` nonce="${opts.nonce}"`;
  const editable = !opts.readOnly;
  return html`<div class="swa-form">
<style${nonce}>${new Html(formStyles)}</style>
${findingsBox('', placed)}
${sections.map((section) => sectionHtml(section, value, { readOnly: !editable, sealed: section.sealed === true, choices: opts.choices ?? {}, findings: placed }))}
${editable && sections.some((s) => s.fields.some((f) => f.row)) ? html`<script${nonce}>${new Html(formScript)}</script>` : ''}
</div>`.text;
}

function sectionHtml(section: FormSection, value: unknown, ctx: Context): Html {
  const only = listOf(section);
  return html`<fieldset class="form-section" id="section-${section.key}"${section.sealed ? html` data-sealed` : ''}>
<legend>${section.label}</legend>
${findingsBox(section.key, ctx.findings)}
${only ? rowsHtml(only, valueAt(value, only.path), ctx, false) : section.fields.map((field) => fieldHtml(field, field.name, valueAt(value, field.path), ctx))}
</fieldset>
`;
}

function fieldHtml(field: FormField, name: string, value: unknown, ctx: Context): Html {
  if (field.row) return rowsHtml(field, value, ctx, true, name);
  const id = `f-${name}`;
  const mark = field.required ? html`<span class="required" title="必填">*</span>` : '';
  const control = controlHtml(field, name, id, value, ctx);
  const label = html`<label for="${id}">${field.label}${mark}</label>`;
  return html`<div class="field${field.input === 'checkbox' ? ' field-checkbox' : ''}">
${field.input === 'checkbox' ? [control, label] : [label, control]}
${findingsBox(name, ctx.findings)}
</div>
`;
}

function controlHtml(field: FormField, name: string, id: string, value: unknown, ctx: Context): Html {
  const shown = displayValue(value);
  const common = html`id="${id}" name="${name}"${field.required ? html` aria-required="true"` : ''}${ctx.sealed ? html` autocomplete="off"` : ''}`;
  const locked = ctx.readOnly || field.fixed ? html` readonly` : '';
  const choices = ctx.choices[field.choiceKey] ?? field.options;
  if (field.input === 'checkbox') {
    // The hidden marker names the box in the post when it is unchecked too (see readFormValues).
    const marker = ctx.readOnly ? '' : html`<input type="hidden" name="${name}" value="">`;
    return html`${marker}<input type="checkbox" ${common} value="true"${value === true ? html` checked` : ''}${ctx.readOnly ? html` disabled` : ''}>`;
  }
  if (choices && !field.fixed) {
    const known = choices.some((choice) => choice.value === shown);
    return html`<select ${common}${ctx.readOnly ? html` disabled` : ''}>
<option value="">请选择</option>
${choices.map((choice) => html`<option value="${choice.value}"${choice.value === shown ? html` selected` : ''}>${choice.label}</option>`)}
${shown !== '' && !known ? html`<option value="${shown}" selected>${shown}（不在可选项中）</option>` : ''}
</select>`;
  }
  if (field.input === 'textarea') return html`<textarea ${common} rows="3"${locked}>${shown}</textarea>`;
  // A date or number the browser's input cannot show would be blanked by it and lost on save: shown as text, the user sees what to fix.
  const showable = shown === '' || (field.input === 'date' ? isoDate.safeParse(shown).success : Number.isFinite(Number(shown)));
  if (field.input === 'number' && showable) {
    const bounds = html`${field.min === undefined ? '' : html` min="${field.min}"`}${field.max === undefined ? '' : html` max="${field.max}"`}`;
    return html`<input type="number" ${common} value="${shown}" step="${field.step ?? 'any'}"${bounds} inputmode="${field.step === 1 ? 'numeric' : 'decimal'}"${locked}>`;
  }
  const type = field.input === 'date' && showable ? 'date' : 'text';
  return html`<input type="${type}" ${common} value="${shown}"${locked}>`;
}

function rowsHtml(field: FormField, value: unknown, ctx: Context, withLegend: boolean, name = field.name): Html {
  const rows = Array.isArray(value) ? value : [];
  const row = (index: number | string, item: unknown, title: string) => html`<div class="row">
<p class="row-title">${title}</p>
${findingsBox(rowFieldName(name, index, ''), ctx.findings)}
${(field.row ?? []).map((sub) => fieldHtml(sub, rowFieldName(name, index, sub.name), valueAt(item, sub.path), ctx))}
${ctx.readOnly ? '' : html`<button type="button" class="remove-row" data-remove-row>删除此项</button>`}
</div>
`;
  const mark = field.required ? html`<span class="required" title="必填">*</span>` : '';
  return html`<fieldset class="rows" data-rows="${name}" data-next="${rows.length}">
${withLegend ? html`<legend>${field.label}${mark}</legend>${findingsBox(name, ctx.findings)}` : ''}
${ctx.readOnly ? '' : html`<input type="hidden" name="${name}" value="">`}
<div class="row-list">
${rows.map((item, index) => row(index, item, `第${index + 1}项`))}
</div>
${rows.length === 0 ? html`<p class="rows-empty">尚无记录</p>` : ''}
${ctx.readOnly ? '' : html`<template>${row(indexPlaceholder, undefined, '新增一项')}</template>
<button type="button" class="add-row" data-add-row>添加一项</button>`}
</fieldset>
`;
}

/** The findings of one name, in a box that is there even when empty, so that live findings have a place to go. */
function findingsBox(name: string, findings: ReadonlyMap<string, Finding[]>): Html {
  return html`<div class="findings" data-findings-for="${name}" aria-live="polite">${new Html(renderFindings(findings.get(name) ?? []))}</div>`;
}
