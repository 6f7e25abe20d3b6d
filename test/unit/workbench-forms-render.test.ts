import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/rules/finding.ts';
import { describeClientForm, describeRecordForm, renderSections } from '../../src/workbench/forms/index.ts';
import { submitForm } from './workbench-forms-submit.ts';

const finding = (rule: string, message: string): Finding => ({ rule, severity: 'error', record: 'cases/2026-0001', file: 'content/cases/2026/0001.md', line: 3, message });
const caseForm = describeRecordForm('case');
const record = {
  id: 'cases/2026-0001',
  title: '<script>alert("x")</script> & "引号"',
  worker: 'S05',
  intake: { date: '2026-03-02', initialAssessment: '</textarea><b>粗</b>' },
  sessions: [
    { date: '2026-03-09', mode: '面谈', summary: '第一次' },
    { date: '2026-13-40', mode: '飞鸽', summary: '第二次' },
  ],
};

describe('rendering a form', () => {
  const fragment = renderSections(caseForm, record, new Map());

  it('escapes every value, in attributes and in text', () => {
    expect(fragment).not.toContain('<script>alert');
    expect(fragment).not.toContain('<b>粗</b>');
    expect(fragment).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引号&quot;"');
    expect(submitForm(fragment)).toMatchObject({ title: record.title, 'intake.initialAssessment': record.intake.initialAssessment });
  });

  it('labels every input in Chinese, bound by for/id, with the input type of its value and a mark when required', () => {
    const ids = [...fragment.replace(/<template>[\s\S]*?<\/template>/g, '').matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(fragment, id).toMatch(new RegExp(`<label for="${id?.replace(/\./g, '\\.')}">\\p{Script=Han}`, 'u'));
    expect(fragment).toContain('<label for="f-intake.date">接案日期<span class="required" title="必填">*</span></label>');
    expect(fragment).toContain('<input type="date" id="f-intake.date" name="intake.date" aria-required="true" value="2026-03-02">');
    expect(fragment).toMatch(/<select id="f-basicInfo.source" name="basicInfo.source" aria-required="true">\s*<option value="">请选择<\/option>\s*<option value="主动求助">主动求助<\/option>/);
    expect(fragment).toMatch(/<input type="number" id="f-participantFee" name="participantFee" value="" step="0.01" min="0"/);
    expect(fragment).toContain('<input type="text" id="f-id" name="id" aria-required="true" value="cases/2026-0001" readonly>');
  });

  it('keeps a value the input cannot show: a date or number that is none as text, a choice that is not offered as an extra option', () => {
    expect(fragment).toContain('<input type="text" id="f-sessions.1.date" name="sessions.1.date" aria-required="true" value="2026-13-40">');
    expect(fragment).toContain('<option value="飞鸽" selected>飞鸽（不在可选项中）</option>');
    expect(submitForm(fragment)).toMatchObject({ 'sessions.1.date': '2026-13-40', 'sessions.1.mode': '飞鸽' });
    const group = renderSections(describeRecordForm('group'), { registration: { registered: '十二' }, sessions: [{ attendance: 12 }] }, new Map());
    expect(group).toContain('<input type="text" id="f-registration.registered" name="registration.registered" aria-required="true" value="十二">');
    expect(group).toContain('<input type="number" id="f-sessions.0.attendance" name="sessions.0.attendance" aria-required="true" value="12" step="1" min="0" inputmode="numeric">');
  });

  it('shows lists as numbered rows with a template for one more, and add and remove buttons', () => {
    expect(fragment).toContain('<p class="row-title">第2项</p>');
    expect(fragment).toContain('<fieldset class="rows" data-rows="sessions" data-next="2">');
    const template = /<fieldset class="rows" data-rows="sessions"[\s\S]*?<template>([\s\S]*?)<\/template>/.exec(fragment)?.[1] ?? '';
    expect(template).toContain('name="sessions.__i__.summary"');
    expect(fragment).toContain('data-add-row>添加一项</button>');
    expect(fragment).toContain('data-remove-row>删除此项</button>');
    expect(fragment.match(/<script>/g)).toHaveLength(1);
    expect(fragment).toContain("closest('[data-add-row]')");
  });

  it('offers the roster as choices where the caller gives them', () => {
    const withRoster = renderSections(caseForm, record, new Map(), { choices: { worker: [{ value: 'S05', label: 'S05 陈社工' }] }, nonce: 'n0' });
    expect(withRoster).toMatch(/<select id="f-worker" name="worker" aria-required="true">\s*<option value="">请选择<\/option>\s*<option value="S05" selected>S05 陈社工<\/option>/);
    expect(withRoster).toContain('<script nonce="n0">');
    expect(withRoster).toContain('<style nonce="n0">');
  });

  it('read only: nothing editable, no buttons, no script', () => {
    const shown = renderSections(caseForm, record, new Map(), { readOnly: true });
    expect(shown).not.toContain('<button');
    expect(shown).not.toContain('<script');
    expect(shown).toMatch(/name="intake.initialAssessment" aria-required="true" rows="3" readonly>/);
    expect(shown).toMatch(/<select id="f-basicInfo.source"[^>]* disabled>/);
  });

  it('never lets the browser remember a client value', () => {
    const client = describeClientForm('case');
    const sealed = renderSections(client ? [client] : [], { client: { name: '张三', relatives: [{ name: '李四', relation: '母亲' }] } }, new Map());
    const controls = [...sealed.matchAll(/<(?:input(?! type="hidden")|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
    expect(controls.length).toBeGreaterThan(8);
    for (const control of controls) expect(control).toContain('autocomplete="off"');
    expect(sealed).toContain('data-sealed');
  });
});

describe('findings beside their fields', () => {
  it('puts each finding at its field, or the nearest row, list or form shown, and the rest above the form', () => {
    const findings = new Map([
      ['intake.date', [finding('C-INTAKE-APPROVAL', '接案须经督导审批')]],
      ['sessions.1.typo', [finding('SCHEMA', '未知字段「typo」')]],
      ['consent', [finding('G-CONSENT', '开展服务前须签署<同意书>')]],
      ['client', [finding('G-ENCRYPTED-BAG', '加密块已损坏')]],
      ['', [{ ...finding('A-UNAPPROVED', '未经审批的修改'), severity: 'warning' as const }]],
    ]);
    const fragment = renderSections(caseForm, record, findings);
    const box = (name: string) => new RegExp(`data-findings-for="${name.replace(/\./g, '\\.')}" aria-live="polite"><ul class="finding-list">(.*?)</ul>`).exec(fragment)?.[1];
    expect(box('intake.date')).toBe('<li class="finding finding-error"><span class="finding-severity">错误</span> 接案须经督导审批 <code class="finding-rule">C-INTAKE-APPROVAL</code></li>');
    expect(box('sessions.1')).toContain('未知字段「typo」');
    expect(box('consent')).toContain('开展服务前须签署&lt;同意书&gt; <code class="finding-rule">G-CONSENT</code>');
    expect(box('')).toContain('加密块已损坏');
    expect(box('')).toContain('<span class="finding-severity">提醒</span> 未经审批的修改');
    expect(fragment.indexOf('data-findings-for="intake.date"')).toBeGreaterThan(fragment.indexOf('id="f-intake.date"'));
  });
});
