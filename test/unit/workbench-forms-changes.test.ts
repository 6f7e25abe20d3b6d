import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/records/parse-frontmatter.ts';
import { parseRecord } from '../../src/records/parse-record.ts';
import { recordKinds } from '../../src/schemas/index.ts';
import { skeletonYaml } from '../../src/templates/skeleton.ts';
import { fieldChanges, findingsByField, renderChanges } from '../../src/workbench/forms/index.ts';

const read = (file: string) => readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
const dataOf = (text: string) => (parseFrontmatter(text) as { data: Record<string, unknown> }).data;
type Group = { plan: { budget: object[] } & Record<string, unknown>; sessions: object[] } & Record<string, unknown>;

describe('fieldChanges', () => {
  const before = dataOf(read('content/groups/2026/0001.md')) as Group;
  const [s0, s1, s2, s3] = before.sessions as [object, object, object, object];
  const after: Group = {
    ...before,
    title: '情绪管理小组（第二期）',
    plan: { ...before.plan, budget: before.plan.budget.slice(1) },
    sessions: [s0, { date: '2026-05-12', attendance: 9, summary: '加开一节' }, { ...s1, attendance: 10 }, s2, s3],
  };
  delete after.recruitment;

  it('names each changed field by its label, rows inserted or removed as rows, rows edited as their fields', () => {
    expect(fieldChanges('group', before, after)).toEqual([
      { name: 'title', label: '标题', change: 'changed', before: '“情绪小管家”青少年情绪管理小组', after: '情绪管理小组（第二期）' },
      {
        name: 'plan.budget.0', label: '财政预算表 第1项', change: 'removed', row: 0, before: { item: '文具与手工材料', amount: 300 },
        fields: [{ name: 'item', label: '项目', value: '文具与手工材料' }, { name: 'amount', label: '金额（元）', value: 300 }],
      },
      { name: 'recruitment.date', label: '宣传日期', change: 'removed', before: '2026-04-20' },
      { name: 'recruitment.channels.0', label: '宣传渠道 第1项', change: 'removed', row: 0, before: '学校宣传栏', fields: [{ name: '', label: '宣传渠道', value: '学校宣传栏' }] },
      { name: 'recruitment.channels.1', label: '宣传渠道 第2项', change: 'removed', row: 1, before: '社工站公众号', fields: [{ name: '', label: '宣传渠道', value: '社工站公众号' }] },
      {
        name: 'sessions.1', label: '小组集会记录表 第2项', change: 'added', row: 1, after: { date: '2026-05-12', attendance: 9, summary: '加开一节' },
        fields: [{ name: 'date', label: '日期', value: '2026-05-12' }, { name: 'attendance', label: '出席人数', value: 9 }, { name: 'summary', label: '集会记录', value: '加开一节' }],
      },
      { name: 'sessions.2.attendance', label: '小组集会记录表 第3项 › 出席人数', change: 'changed', row: 2, before: 11, after: 10 },
    ]);
  });

  it('shows a row removed from the middle as that row, at its old place', () => {
    const changes = fieldChanges('group', before, { ...before, sessions: [s0, s2, s3] });
    expect(changes.map((c) => [c.name, c.change, c.row])).toEqual([['sessions.1', 'removed', 1]]);
    expect(renderChanges(changes)).toContain('<dt>集会记录</dt><dd><del>情绪卡片游戏，识别情绪信号</del></dd>');
  });

  it("sees no change in a template's blanks, and each field filled in as added", () => {
    const blank = dataOf(`---\n${skeletonYaml(recordKinds.case.schema, { id: 'cases/2026-0099' })}\n---\n`);
    expect(fieldChanges('case', blank, { ...blank })).toEqual([]);
    const filled = { ...blank, intake: { date: '2026-03-02', initialAssessment: null }, consent: { signed: true, date: null, signedBy: null } };
    expect(fieldChanges('case', blank, filled)).toEqual([
      { name: 'consent.signed', label: '已签署', change: 'added', after: true },
      { name: 'intake.date', label: '接案日期', change: 'added', after: '2026-03-02' },
    ]);
  });

  it('compares the client decrypted field by field, and a sealed block only as changed, without its text', () => {
    const base = dataOf(read('content/cases/2026/0002.md'));
    const open = (client: object) => ({ ...base, client });
    expect(fieldChanges('case', open({ name: '张三', phone: '13800000000' }), open({ name: '张三', phone: '13900000000' }))).toEqual([
      { name: 'client.phone', label: '联系电话', change: 'changed', before: '13800000000', after: '13900000000' },
    ]);
    const resealed = fieldChanges('case', base, { ...base, client: (base.client as string).replace('YWdl', 'WWdl') });
    expect(resealed).toEqual([{ name: 'client', label: '服务对象个人资料（保密）', change: 'changed' }]);
    expect(renderChanges(resealed)).toContain('已修改（加密内容，无法显示）');
  });
});

describe('renderChanges', () => {
  it('shows label, old → new, and added or removed rows with their fields, every value escaped', () => {
    const out = renderChanges([
      { name: 'title', label: '标题', change: 'changed', before: 'a<b', after: '"c"' },
      { name: 'consent.signed', label: '已签署', change: 'added', after: true },
      { name: 'sessions.1', label: '个案记录表 第2项', change: 'added', row: 1, after: {}, fields: [{ name: 'summary', label: '服务内容', value: '<i>面谈</i>' }] },
    ]);
    expect(out).toContain('<span class="change-label">标题<span class="change-kind">修改</span></span><del>a&lt;b</del> → <ins>&quot;c&quot;</ins>');
    expect(out).toContain('<del>（空）</del> → <ins>是</ins>');
    expect(out).toContain('<li class="change change-added" data-field="sessions.1"><span class="change-label">个案记录表 第2项<span class="change-kind">新增</span></span><dl><dt>服务内容</dt><dd><ins>&lt;i&gt;面谈&lt;/i&gt;</ins></dd></dl></li>');
    expect(renderChanges([])).toBe('<p class="swa-no-changes">没有字段改动</p>');
  });
});

describe('findingsByField', () => {
  it("maps swa check's findings to the fields on their lines, one-line rows to the row, the rest to ''", () => {
    const file = 'content/groups/2026/0001.md';
    const text = read(file)
      .replace('  date: 2026-04-01\n', '  date: 2026-04-31\n')
      .replace('  - { date: 2026-05-16, attendance: 11,', '  - { date: 2026-05-16, attendance: -1,')
      .replace('  registered: 12\n', '  registered: 12\n  registerd: 3\n');
    const findings = parseRecord(file, text).findings;
    expect(findings.map((f) => f.rule)).toEqual(['SCHEMA', 'SCHEMA', 'SCHEMA']);
    const byField = findingsByField([...findings, { ...findings[0], rule: 'X', line: 1 } as (typeof findings)[number]], text);
    expect([...byField].map(([name, list]) => [name, list.length])).toEqual([
      ['registration.registerd', 1],
      ['plan.date', 1],
      ['sessions.1', 1],
      ['', 1],
    ]);
  });

  it('puts every finding under "" for a file that does not parse', () => {
    const finding = { rule: 'PARSE', severity: 'error' as const, record: null, file: 'x', line: 3, message: '' };
    expect([...findingsByField([finding], '---\na: [\n---\n').keys()]).toEqual(['']);
  });
});
