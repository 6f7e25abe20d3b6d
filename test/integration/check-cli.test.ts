import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, repoRoot, runSwa } from '../helpers/run-swa.ts';

interface CheckJson {
  records: number;
  findings: { rule: string; severity: string; record: string | null; file: string; line: number; message: string }[];
}

/** Outside a git repository the history rules are skipped with exactly this one warning. */
const historySkipped = (f: CheckJson['findings'][number]) => f.rule === 'PARSE' && f.file === 'content/archive.yaml' && f.severity === 'warning';
const withoutHistoryWarning = (json: CheckJson) => json.findings.filter((f) => !historySkipped(f));

async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const pairs = await Promise.all(
    files.map(async (file) => {
      const { mtimeMs } = await stat(file);
      const hash = createHash('sha256').update(await readFile(file)).digest('hex');
      return [file, `${hash}:${mtimeMs}`] as const;
    }),
  );
  return new Map(pairs);
}

describe('swa check (the executable)', () => {
  it('exits 0 and prints the JSON contract on a valid archive', async () => {
    const dir = await fixtureCopy();
    const run = await runSwa(['check', '--json', '--today', '2026-11-29'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CheckJson;
    expect(json.records).toBe(7);
    expect(json.findings).toHaveLength(1);
    expect(json.findings[0]).toMatchObject({ rule: 'PARSE', severity: 'warning', record: null, file: 'content/archive.yaml' });
    expect(json.findings[0]?.message).toContain('未检查审批历史：档案目录不是 git 仓库的根目录');
  });

  it('exits 1 with the finding when a rule is broken, and --root points it elsewhere', async () => {
    const dir = await fixtureCopy();
    const file = join(dir, 'content/groups/2026/0001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('participantFee: 0', 'participantFee: 10'));
    const run = await runSwa(['check', '--root', dir, '--json', '--today', '2026-11-29'], repoRoot);
    expect(run.code).toBe(1);
    expect(withoutHistoryWarning(JSON.parse(run.stdout) as CheckJson)).toEqual([
      {
        rule: 'G-FREE',
        severity: 'error',
        record: 'groups/2026-0001',
        file: 'content/groups/2026/0001.md',
        line: 8,
        message: '服务对象缴纳费用为 10 元；本机构服务均为政府购买，服务对象不缴纳任何费用，应为 0',
      },
    ]);
  });

  it('prints file:line, severity, rule and record in the text output', async () => {
    const dir = await fixtureCopy();
    const file = join(dir, 'content/consultations/2026/0001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('hotline: "12355"', 'hotline: "12399"'));
    const run = await runSwa(['check', '--today', '2026-11-29'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/consultations/2026/0001.md:11  错误  [C-HOTLINE] consultations/2026-0001');
    expect(run.stdout).toContain('检查了 7 条记录：1 个错误，1 个警告');
  });

  it('reports a 5 MB file without reading it, and never writes to any file', async () => {
    const dir = await fixtureCopy();
    await writeFile(join(dir, 'content/cases/2026/0007.md'), `---\n${'x'.repeat(5 * 1024 * 1024)}\n---\n`);
    const before = await snapshot(dir);
    const run = await runSwa(['check', '--json', '--today', '2026-11-29'], dir);
    expect(await snapshot(dir)).toEqual(before);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as CheckJson;
    expect(json.records).toBe(8);
    expect(withoutHistoryWarning(json).map((f) => [f.rule, f.file])).toEqual([['PARSE', 'content/cases/2026/0007.md']]);
  });

  it('warns about a file it does not read', async () => {
    const dir = await fixtureCopy();
    await writeFile(join(dir, 'content/notes.txt'), '随手记');
    const run = await runSwa(['check', '--json', '--today', '2026-11-29'], dir);
    expect(run.code).toBe(0);
    expect(withoutHistoryWarning(JSON.parse(run.stdout) as CheckJson).map((f) => [f.rule, f.severity, f.file])).toEqual([['PARSE', 'warning', 'content/notes.txt']]);
  });

  it('rejects a malformed --today and an unknown flag with exit code 2', async () => {
    const dir = await fixtureCopy();
    const badDate = await runSwa(['check', '--today', '2026-02-30'], dir);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining('--today 应为日期 YYYY-MM-DD')]);
    const badFlag = await runSwa(['check', '--jsn'], dir);
    expect([badFlag.code, badFlag.stderr]).toEqual([2, expect.stringContaining('用法：swa check')]);
  });
});

describe('the bundled sample archive', () => {
  it('passes swa check with at least 30 records and no error', async () => {
    const run = await runSwa(['check', '--json', '--today', '2026-11-29'], repoRoot);
    const json = JSON.parse(run.stdout) as CheckJson;
    expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
    expect(json.records).toBeGreaterThanOrEqual(30);
  });
});

describe('swa due on the bundled sample archive', () => {
  it('lists each obligation with rule ID, record, deadline and who must act', async () => {
    const run = await runSwa(['due', '--json', '--today', '2026-12-15'], repoRoot);
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { rule: string; record: string; deadline: string; who: { id: string; name: string }[]; overdue: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toEqual({
      rule: 'C-QUARTERLY-HANDOVER',
      record: 'cases/2026-0010',
      what: '2026Q4 结案个案的原件移交机构（岗位 P02）',
      deadline: '2026-12-31',
      who: [{ id: 'S06', name: '罗晓川' }],
      overdue: false,
    });
    expect(items.every((o) => /^[A-Z]+(-[A-Z0-9]+)+$/.test(o.rule) && o.who.length > 0)).toBe(true);
  });
});

