import { printCss } from './print-css.ts';
import type { PrintBlock, PrintDocument, PrintField, PrintPage, PrintTable } from './print-model.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A field's value, or on a blank form the space to write it in. */
function valueHtml(field: PrintField): string {
  if (field.value !== null) return escapeHtml(field.value);
  if (field.choices) return `<span class="choices">${field.choices.map((c) => `<span>□ ${escapeHtml(c)}</span>`).join('')}</span>`;
  if (field.date) return '　　　　年　　月　　日';
  return `<span class="write" style="min-height: ${(field.lines ?? 1) * 6}mm"></span>`;
}

/** The facts of a form's head, two to a row. */
function factsHtml(facts: readonly PrintField[]): string {
  const rows: string[] = [];
  for (let i = 0; i < facts.length; i += 2) {
    const pair = facts.slice(i, i + 2).map((f) => `<th>${escapeHtml(f.label)}</th><td${facts.length % 2 === 1 && i === facts.length - 1 ? ' colspan="3"' : ''}>${valueHtml(f)}</td>`);
    rows.push(`<tr>${pair.join('')}</tr>`);
  }
  return `<table class="facts">${rows.join('')}</table>`;
}

function tableHtml(table: PrintTable): string {
  const head = `<thead><tr><th class="n">序号</th>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const filled = table.rows.map((row, i) => `<tr><td class="n">${i + 1}</td>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
  const blank = Array.from({ length: table.blankRows }, (_, i) => `<tr><td class="n">${table.rows.length + i + 1}</td>${table.columns.map(() => '<td></td>').join('')}</tr>`);
  return `<table class="rows">${head}<tbody>${[...filled, ...blank].join('')}</tbody></table>`;
}

function blockHtml(block: PrintBlock): string {
  return [
    '<section class="block">',
    block.heading ? `<h2>${escapeHtml(block.heading)}</h2>` : '',
    block.fields.length > 0 ? `<table class="fields">${block.fields.map((f) => `<tr><th>${escapeHtml(f.label)}</th><td>${valueHtml(f)}</td></tr>`).join('')}</table>` : '',
    block.table ? tableHtml(block.table) : '',
    block.note ? `<p class="note">${escapeHtml(block.note)}</p>` : '',
    '</section>',
  ].join('');
}

function signaturesHtml(signers: readonly string[]): string {
  if (signers.length === 0) return '';
  const lines = signers.map((s) => `<div class="signature"><span class="who">${escapeHtml(s)}签名：</span><span class="line"></span><span class="date">日期：　　　　年　　月　　日</span></div>`);
  return `<div class="signatures">${lines.join('')}</div>`;
}

function pageHtml(organisation: string, page: PrintPage): string {
  return [
    `<article class="form${page.cover ? ' cover' : ''}">`,
    `<header><p class="org">${escapeHtml(organisation)}</p><h1>${escapeHtml(page.title)}</h1></header>`,
    factsHtml(page.facts),
    page.statement.length > 0 ? `<div class="statement">${page.statement.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>` : '',
    ...page.blocks.map(blockHtml),
    signaturesHtml(page.signatures),
    '</article>',
  ].join('\n');
}

/** A printable document as one self-contained HTML page (its CSS inline, no script, nothing fetched). Pure. */
export function printHtml(doc: PrintDocument): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${doc.internal ? '<meta name="robots" content="noindex, nofollow">' : ''}`,
    `<title>${escapeHtml(doc.title)} · ${escapeHtml(doc.organisation)}</title>`,
    `<style>${printCss(doc.organisation, doc.archiveNo, doc.internal)}</style></head>`,
    '<body>',
    `<p class="toolbar">用浏览器的“打印”（Ctrl+P）打印本页：纸张 A4，边距“默认”，不勾选“页眉和页脚”。${doc.internal ? '内部资料：含服务对象个人资料，不得外传。' : ''}</p>`,
    ...doc.pages.map((p) => pageHtml(doc.organisation, p)),
    '</body>',
    '</html>',
  ].join('\n');
}
