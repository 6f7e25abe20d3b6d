import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalMessage, at, commitOnBranch, mergeByHand } from '../helpers/approvals.ts';
import { readHistory } from '../../src/ledger/git-log.ts';
import { archiveRepo, gitEnv, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText, hotlineText } from '../helpers/records.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';

/** Opens `count` cases, each submitted by the worker and approved by the supervisor with a merge. */
async function approvedCases(repo: ArchiveRepo, count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) {
    const id = `cases/2026-${String(n).padStart(4, '0')}`;
    const branch = `submit/${id}`;
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-02', branch, casePath(id), caseText({ id }), 'intake');
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    repo.git(staff.supervisor, at('2026-03-03'), 'branch', '-q', '-d', branch);
  }
}

/** A PATH in front of git that records every git invocation swa makes. */
async function countingGit(): Promise<{ env: NodeJS.ProcessEnv; calls: () => Promise<string[][]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-git-spy-'));
  const log = join(dir, 'calls.log');
  const spy = join(dir, 'git');
  await writeFile(spy, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec /usr/bin/git "$@"\n`);
  await chmod(spy, 0o755);
  return {
    env: { ...gitEnv(staff.supervisor, at('2026-03-04')), PATH: `${dir}:${process.env.PATH ?? ''}` },
    calls: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => line.split(' ')),
  };
}

/** The git subcommand of an invocation, past any `-c key=value` options. */
const subcommand = (argv: string[]) => argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '-c');

describe('the ledger', () => {
  it('is read by two git log processes (commits with their patches, merges with their files), however many records there are', async () => {
    const counts: Record<number, string[]> = {};
    for (const records of [3, 30]) {
      const repo = await archiveRepo();
      await approvedCases(repo, records);
      const spy = await countingGit();
      const run = await runSwa(['check', '--json', '--today', '2026-03-04'], repo.dir, spy.env);
      expect(JSON.parse(run.stdout)).toEqual({ records, findings: [] });
      // Sorted: the two logs start together and either may be logged first.
      counts[records] = (await spy.calls()).map(subcommand).filter((c): c is string => c !== undefined).sort();
    }
    expect(counts[3]?.filter((c) => c === 'log')).toEqual(['log', 'log']);
    expect(counts[30]).toEqual(counts[3]);
  }, 60_000);

  it('is cached under the tips it was read from: read again only when main moves', async () => {
    const repo = await archiveRepo();
    await approvedCases(repo, 2);
    const logCalls = async () => {
      const spy = await countingGit();
      await runSwa(['check', '--json', '--today', '2026-03-04'], repo.dir, spy.env);
      return (await spy.calls()).map(subcommand).filter((c) => c === 'log').length;
    };
    expect(await logCalls()).toBe(2);
    expect(await logCalls()).toBe(0);
    await approvedCases(repo, 1, 3);
    expect(await logCalls()).toBe(2);
  }, 60_000);

  it('gives each merge the files it changed against its first parent, whether or not its branch was cut from main as it is', async () => {
    const repo = await archiveRepo();
    const [first, second] = ['cases/2026-0001', 'cases/2026-0002'];
    const firstSha = await commitOnBranch(repo, staff.worker, '2026-03-02', `submit/${first}`, casePath(first), caseText({ id: first }), 'intake');
    repo.git(staff.worker, at('2026-03-02'), 'checkout', '-q', 'main');
    const secondSha = await commitOnBranch(repo, staff.worker, '2026-03-02', `submit/${second}`, casePath(second), caseText({ id: second }), 'intake');
    repo.git(staff.worker, at('2026-03-02'), 'checkout', '-q', 'main');
    mergeByHand(repo, staff.supervisor, '2026-03-03', `submit/${first}`, approvalMessage(first, 'intake', 'S04', 'supervisor', firstSha));
    mergeByHand(repo, staff.supervisor, '2026-03-03', `submit/${second}`, approvalMessage(second, 'intake', 'S04', 'supervisor', secondSha));
    const spy = await countingGit();
    const run = await runSwa(['check', '--json', '--today', '2026-03-04'], repo.dir, spy.env);
    expect(JSON.parse(run.stdout)).toEqual({ records: 2, findings: [] });
    expect((await spy.calls()).map(subcommand).filter((c) => c === 'log' || c === 'diff-tree')).toEqual(['log', 'log']);
    const mergePaths = async () => ((await readHistory(repo.dir, { snapshot: false }))?.commits ?? []).filter((c) => c.parents.length === 2).map((m) => m.changes.map((c) => c.path));
    expect(await mergePaths()).toEqual([[casePath(second)], [casePath(first)]]);
    // A damaged cache of the merges' diffs is not believed: they are asked of git again.
    const cacheDir = join(repo.dir, '.git', 'swa');
    const mergesCache = (await readdir(cacheDir)).find((name) => name.endsWith('.merges')) as string;
    await writeFile(join(cacheDir, mergesCache), 'garbage');
    expect(await mergePaths()).toEqual([[casePath(second)], [casePath(first)]]);
  }, 60_000);

  it('never runs a key holder\'s textconv driver, so nothing decrypted reaches the ledger or its cache', async () => {
    const repo = await archiveRepo();
    const driver = join(repo.dir, '.git', 'decrypting-textconv.sh');
    await writeFile(driver, '#!/bin/sh\necho DECRYPTED-CANARY\ncat "$1"\n', { mode: 0o755 });
    repo.git(staff.supervisor, at('2026-03-01'), 'config', 'diff.swa.textconv', driver);
    await repo.commit(staff.orgHead, at('2026-03-01'), 'Mark records for the swa diff driver', { '.gitattributes': 'content/**/*.md diff=swa\n' });
    await approvedCases(repo, 2);
    expect(repo.git(staff.supervisor, at('2026-03-04'), 'log', '-p', '-1', 'HEAD^2')).toContain('DECRYPTED-CANARY');
    const run = await runSwa(['check', '--json', '--today', '2026-03-04'], repo.dir, gitEnv(staff.supervisor, at('2026-03-04')));
    expect(JSON.parse(run.stdout)).toEqual({ records: 2, findings: [] });
    const cacheDir = join(repo.dir, '.git', 'swa');
    const cached = await Promise.all((await readdir(cacheDir)).map((file) => readFile(join(cacheDir, file), 'utf8')));
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.some((text) => text.includes('DECRYPTED-CANARY'))).toBe(false);
  }, 60_000);

  it('swa check --json on a repository reports exactly the planted violations', async () => {
    const repo = await archiveRepo();
    await approvedCases(repo, 3);
    // 1. a direct push to main
    await repo.commit(staff.worker, at('2026-03-04'), 'Fix a typo', { [casePath('cases/2026-0002')]: caseText({ id: 'cases/2026-0002', intake: '2026-03-01' }) });
    // 2. a self-approval
    const own = 'cases/2026-0004';
    const sha = await commitOnBranch(repo, staff.supervisor, '2026-03-04', `submit/${own}`, casePath(own), caseText({ id: own }), 'intake');
    mergeByHand(repo, staff.supervisor, '2026-03-05', `submit/${own}`, approvalMessage(own, 'intake', 'S04', 'supervisor', sha));
    // 3. a hotline consultation approved twelve days after the call
    const call = 'consultations/2026-0001';
    const callSha = await commitOnBranch(repo, staff.southWorker, '2026-03-02', `submit/${call}`, casePath(call), hotlineText(call, '2026-03-02'), 'hotline-review');
    mergeByHand(repo, staff.supervisor, '2026-03-14', `submit/${call}`, approvalMessage(call, 'hotline-review', 'S04', 'supervisor', callSha));

    const run = await runSwa(['check', '--json', '--today', '2026-03-14'], repo.dir);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; record: string }[] }).findings;
    expect(findings.map((f) => [f.rule, f.record])).toEqual([
      ['A-UNAPPROVED-CHANGE', 'cases/2026-0002'],
      ['A-SELF-APPROVAL', own],
      ['C-HOTLINE', call],
    ]);
  }, 60_000);
});

describe('swa demo --records --shape synthetic (the one-merge archive of the benchmark)', () => {
  it('writes N cases each approved by one merge, which swa check finds clean', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'swa-synthetic-')), 'demo');
    const made = await runSwa(['demo', '--records', '520', '--seed', 'test', '--shape', 'synthetic', '--out', out], repoRoot);
    expect(made.code).toBe(0);
    const check = await runSwa(['check', '--json', '--today', '2027-12-31'], out);
    expect(JSON.parse(check.stdout)).toEqual({ records: 520, findings: [] });
    expect(execFileSync('git', ['rev-list', '--merges', '--count', 'main'], { cwd: out, encoding: 'utf8' }).trim()).toBe('520');
    expect(execFileSync('git', ['ls-tree', '--name-only', 'main', 'content/cases/'], { cwd: out, encoding: 'utf8' }).trim().split('\n')).toEqual(['content/cases/2025', 'content/cases/2026']);
  }, 60_000);
});

describe('swa status and swa log (the executable)', () => {
  it('show what waits for whom, and the timeline with a rejection', async () => {
    const repo = await archiveRepo();
    await approvedCases(repo, 1);
    const id = 'cases/2026-0002';
    await commitOnBranch(repo, staff.worker, '2026-03-05', `submit/${id}`, casePath(id), caseText({ id }), 'intake');
    const env = gitEnv(staff.supervisor, at('2026-03-06'));
    repo.git(staff.supervisor, at('2026-03-06'), 'config', 'user.email', staff.supervisor.email);
    const rejected = await runSwa(['reject', `submit/${id}`, '--reason', '请补充初步评估', '--today', '2026-03-06'], repo.dir, env);
    expect([rejected.code, rejected.stdout.trim()]).toEqual([0, expect.stringContaining(`已退回 ${id} 的「接案审批」`)]);

    const status = await runSwa(['status', '--today', '2026-03-06'], repo.dir, env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('cases/2026-0001  测试个案\n  已批准：接案审批（S04，2026-03-03）\n  下一步：社工 S05 提交「服务记录批阅」');
    expect(status.stdout).toContain(`  已退回：接案审批（S04：请补充初步评估），等待社工修改后重新提交（submit/${id}）`);

    const log = await runSwa(['log', 'cases/2026-0001', '--today', '2026-03-06'], repo.dir, env);
    expect(log.stdout.trim().split('\n').slice(1).map((line) => line.split('  ').slice(2).join('  '))).toEqual([
      'S05  提交「接案审批」',
      'S04  批准「接案审批」（督导）',
      '—  首次进入正式档案',
    ]);
    const json = await runSwa(['status', id, '--json', '--today', '2026-03-06'], repo.dir, env);
    expect(JSON.parse(json.stdout)).toMatchObject([{ record: id, approved: [], waiting: [{ stage: 'intake', role: 'supervisor', candidates: ['S04'], rejected: { by: 'S04' } }] }]);
  }, 60_000);
});
