import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFormValues } from '../../src/workbench/forms/index.ts';

const record = (yaml: string) => `---\n${yaml}---\n\n## 正文\n`;
const frontmatter = (text: string) => text.split('---\n')[1] as string;

/** The lines of `before` that changed, and what they became (a line diff small enough to read). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const [a, b] = [frontmatter(before).split('\n'), frontmatter(after).split('\n')];
  return { removed: a.filter((line) => !b.includes(line)), added: b.filter((line) => !a.includes(line)) };
}

describe('applyFormValues on the shapes YAML allows', () => {
  const source = record(`id: cases/2026-0001
profile: { gender: 女, ageBand: 13-17 }   # 概况
intake:
  date: 2026-01-01
  initialAssessment: |
    第一行
    第二行
sessions:
  - date: 2026-01-02
    mode: 面谈
    summary: 一
plan:
  goals: [甲, 乙]
closingReport:  # 结案报告
  date:  # 报告日期
  summary:  # 服务总结
`);

  it('edits a one-line mapping inside its braces, quoting what a flow value must quote', () => {
    const edited = applyFormValues(source, { profile: { gender: '男', ageBand: undefined, district: '东湖, 街道' } });
    expect(changedLines(source, edited)).toEqual({
      removed: ['profile: { gender: 女, ageBand: 13-17 }   # 概况'],
      added: ['profile: { gender: 男, district: "东湖, 街道" }   # 概况'],
    });
  });

  it('writes text over several lines as a block, keeping the label comment of a template field', () => {
    const edited = applyFormValues(source, {
      intake: { date: '2026-01-01', initialAssessment: '新的\n两行' },
      closingReport: { date: '2026-03-01', summary: '第一段\n第二段' },
    });
    expect(frontmatter(edited)).toContain('  initialAssessment: |-\n    新的\n    两行\nsessions:');
    expect(frontmatter(edited)).toContain('closingReport:  # 结案报告\n  date: 2026-03-01  # 报告日期\n  summary: |-  # 服务总结\n    第一段\n    第二段\n');
    expect(parse(frontmatter(edited)).closingReport).toEqual({ date: '2026-03-01', summary: '第一段\n第二段' });
  });

  it("moves a row's next field up when its first is cleared, and appends rows in the list's style", () => {
    const edited = applyFormValues(source, {
      sessions: [{ date: undefined, mode: '面谈', summary: '一' }, { date: '2026-01-09', mode: '电话', summary: '二' }],
      plan: { goals: ['甲', '丙', '丁'] },
    });
    expect(frontmatter(edited)).toContain('sessions:\n  - mode: 面谈\n    summary: 一\n  - date: 2026-01-09\n    mode: 电话\n    summary: 二\nplan:\n  goals: [甲, 丙, 丁]\n');
  });

  it('empties a list as [], removes a form after adding to it, and adds a form where its order puts it', () => {
    const edited = applyFormValues(source, { profile: { gender: '女', ageBand: '13-17' }, consent: { signed: true }, sessions: [], plan: { date: '2026-02-02', goals: undefined } });
    expect(frontmatter(edited)).toContain('profile: { gender: 女, ageBand: 13-17 }   # 概况\nconsent:\n  signed: true\nintake:');
    expect(frontmatter(edited)).toContain('sessions: []\nplan:\n  date: 2026-02-02\nclosingReport:');
  });

  it('inserts a key before the first one present when nothing before it is, and touches nothing for an unchanged value', () => {
    expect(applyFormValues(source, { title: '新个案', id: 'cases/2026-0001' })).toBe(source.replace('id: cases', 'title: 新个案\nid: cases'));
    expect(applyFormValues(source, { id: 'cases/2026-0001', intake: { date: '2026-01-01' }, closingReport: undefined })).toBe(source);
  });

  it('refuses a file without frontmatter', () => {
    expect(() => applyFormValues('## 只有正文\n', { title: 'x' })).toThrow(/YAML 头部/);
  });
});
