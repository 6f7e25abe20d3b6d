import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceOnce } from '../helpers/fixture.ts';
import { fixtureCopy, repoRoot, runSwa } from '../helpers/run-swa.ts';

const today = ['--today', '2026-11-29'];

interface CheckJson {
  findings: { rule: string; record: string | null; line: number; message: string }[];
}

/** The findings of `swa check`, less the warning that a folder outside git has no history to check. */
const checkJson = async (dir: string, extra: string[] = []) => {
  const run = await runSwa(['check', '--json', ...today, ...extra], dir);
  const findings = (JSON.parse(run.stdout) as CheckJson).findings.filter((f) => !f.message.startsWith('未检查审批历史'));
  return { code: run.code, findings };
};

/** Fills a skeleton line by its unique Chinese label comment, e.g. `  date:  # 接案日期`. */
const fill = (text: string, line: string, value: string) => {
  const [key, label] = line.split('  # ') as [string, string];
  return replaceOnce(text, `${line}\n`, `${key} ${value}  # ${label}\n`);
};

const supervisorKey = join(repoRoot, 'test/fixtures/keys/supervisor.agekey');

/** An $EDITOR that replaces the file it is given with `content`, as a person saving would. */
async function editorWriting(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-editor-'));
  await writeFile(join(dir, 'content.yaml'), content);
  const script = join(dir, 'editor.sh');
  await writeFile(script, `#!/bin/sh\ncp "${join(dir, 'content.yaml')}" "$1"\n`, { mode: 0o755 });
  return script;
}

describe('swa new', () => {
  it('writes a case skeleton with the next free id that fails with pointed messages, then passes once filled', async () => {
    const dir = await fixtureCopy();
    const created = await runSwa(['new', 'case', '--category', 'QSN', '--worker', 'S05', ...today], dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('cases/2026-0003');
    const path = join(dir, 'content/cases/2026/0003.md');
    let text = await readFile(path, 'utf8');
    expect(text).toContain('category: QSN');
    expect(text).toContain('post: P01');

    // The personal data is encrypted from the start: only a key holder's check sees what it lacks.
    expect(text).toMatch(/^client: \|\n  -----BEGIN AGE ENCRYPTED FILE-----$/m);
    const blank = await checkJson(dir, ['--identity', supervisorKey]);
    expect(blank.code).toBe(1);
    expect(blank.findings.map((f) => [f.rule, f.record, f.message])).toEqual([
      ['SCHEMA', 'cases/2026-0003', '个案记录的「标题」缺少此项，必须填写'],
      ['SCHEMA', 'cases/2026-0003', '个案记录的「服务对象概况（不含个人身份信息）」未填写；须填写：性别、年龄段、所在区/镇街'],
      ['SCHEMA', 'cases/2026-0003', '个案记录的「个案基本资料表」未填写；须填写：填表日期、个案来源、求助问题'],
      ['SCHEMA', 'cases/2026-0003', '个案记录的「接案信息表」未填写；须填写：接案日期、初步评估'],
    ]);
    const lines = text.split('\n');
    expect(blank.findings.map((f) => lines[f.line - 1]?.split(':')[0]?.trim())).toEqual(['title', 'profile', 'basicInfo', 'intake']);

    text = fill(text, 'title:  # 标题', '测试新建个案');
    text = fill(text, '  gender:  # 性别：男 / 女 / 其他', '女');
    text = fill(text, '  ageBand:  # 年龄段', '13-17');
    text = fill(text, '  district:  # 所在区/镇街', '东湖街道');
    text = fill(text, '  date:  # 填表日期', '2026-11-27');
    text = fill(text, '  source:  # 个案来源：主动求助 / 转介 / 外展发现 / 热线', '主动求助');
    text = fill(text, '  presentingIssue:  # 求助问题', '学习动力不足');
    text = fill(text, '  date:  # 接案日期', '2026-11-27');
    await writeFile(path, text);
    const half = await checkJson(dir, ['--identity', supervisorKey]);
    expect(half.findings.map((f) => [f.rule, f.message])).toEqual([['SCHEMA', '个案记录的「接案信息表 › 初步评估」缺少此项，必须填写']]);

    text = fill(text, '  initialAssessment:  # 初步评估', '需要持续跟进');
    await writeFile(path, text);
    const sealed = await checkJson(dir, ['--identity', supervisorKey]);
    expect(sealed.findings.map((f) => [f.rule, f.message])).toEqual([['SCHEMA', '加密的个人资料中「姓名」缺少此项，必须填写（用 swa edit 修改）']]);

    const edited = await runSwa(['edit', 'cases/2026-0003', '--identity', supervisorKey, ...today], dir, { ...process.env, EDITOR: await editorWriting('name: 测试案主（虚构）\nphone: "13800138000"\n') });
    expect(edited.stdout).toContain('已重新加密 content/cases/2026/0003.md');
    text = await readFile(path, 'utf8');
    expect(text).not.toContain('测试案主');
    expect(await checkJson(dir, ['--identity', supervisorKey])).toEqual({ code: 0, findings: [] });
  });

  it.each([
    ['consultation', ['SCHEMA']],
    ['group', ['SCHEMA']],
    ['community', ['SCHEMA']],
  ])('writes a %s skeleton that check rejects until it is filled', async (kind, rules) => {
    const dir = await fixtureCopy();
    const created = await runSwa(['new', kind, '--worker', 'S06', ...today], dir);
    expect(created.code).toBe(0);
    const { code, findings } = await checkJson(dir);
    expect(code).toBe(1);
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual(rules);
    expect(findings.every((f) => f.line > 1)).toBe(true);
  });

  it('writes a supervision skeleton that passes check once filled [G-ARCHIVE-CONTENT]', async () => {
    const dir = await fixtureCopy();
    const created = await runSwa(['new', 'supervision', '--supervisor', 'S04', ...today], dir);
    expect([created.code, created.stdout]).toEqual([0, expect.stringContaining('supervision/2026-0001')]);
    const path = join(dir, 'content/supervision/2026/0001.md');
    let text = await readFile(path, 'utf8');
    expect(text).toContain('supervisor: S04  # 督导');
    expect(text).toContain('## 督导过程');
    const blank = await checkJson(dir);
    expect(blank.code).toBe(1);
    expect([...new Set(blank.findings.map((f) => f.rule))]).toEqual(['SCHEMA']);

    text = fill(text, 'title:  # 标题', '个案进展个别督导');
    text = fill(text, 'category:  # 服务类别', 'QSN');
    text = fill(text, 'post:  # 所属岗位', 'P01');
    text = fill(text, 'date:  # 督导日期', '2026-11-27');
    text = fill(text, 'hours:  # 时长（小时）', '1.5');
    text = fill(text, 'mode:  # 督导方式：个别督导 / 小组督导 / 现场督导', '个别督导');
    text = replaceOnce(text, 'supervisees: []', 'supervisees: [S05]');
    text = replaceOnce(text, 'topics: []', 'topics: [个案进展与结案评估]');
    text = replaceOnce(text, 'advice: []', 'advice: [结案前完成结束评估]');
    // A record discussed is named by its id, and it must exist (SV-RECORD-EXISTS).
    await writeFile(path, replaceOnce(text, 'recordsDiscussed: []', 'recordsDiscussed: [cases/2026-0042]'));
    const unknown = await checkJson(dir);
    expect(unknown.findings.map((f) => [f.rule, f.record])).toEqual([['SV-RECORD-EXISTS', 'supervision/2026-0001']]);
    await writeFile(path, replaceOnce(text, 'recordsDiscussed: []', 'recordsDiscussed: [cases/2026-0001]'));
    expect(await checkJson(dir)).toEqual({ code: 0, findings: [] });
    const alone = await runSwa(['check', 'supervision/2026-0001', ...today], dir);
    expect(alone.code).toBe(0);
  });

  it('refuses --worker for a supervision record and --supervisor for a service', async () => {
    const dir = await fixtureCopy();
    const wrong = await runSwa(['new', 'supervision', '--worker', 'S05', ...today], dir);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('督导记录用 --supervisor 指定督导')]);
    const other = await runSwa(['new', 'case', '--supervisor', 'S04', ...today], dir);
    expect(other.code).toBe(2);
    expect((await checkJson(dir)).code).toBe(0);
  });

  it('refuses an unknown kind, category or worker without writing anything', async () => {
    const dir = await fixtureCopy();
    const kind = await runSwa(['new', 'lin-xiaoyu', ...today], dir);
    expect([kind.code, kind.stderr]).toEqual([2, expect.stringContaining('未知的记录类型 lin-xiaoyu')]);
    const category = await runSwa(['new', 'case', '--category', 'XX', ...today], dir);
    expect([category.code, category.stderr]).toEqual([1, expect.stringContaining('未知的服务类别 XX')]);
    const worker = await runSwa(['new', 'case', '--worker', 'S42', ...today], dir);
    expect([worker.code, worker.stderr]).toEqual([1, expect.stringContaining('staff.yaml 中没有工作人员 S42')]);
    expect((await checkJson(dir)).code).toBe(0);
  });
});
