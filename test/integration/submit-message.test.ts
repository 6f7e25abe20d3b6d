import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at } from '../helpers/approvals.ts';
import { archiveRepo, gitEnv, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { runSwa } from '../helpers/run-swa.ts';

const day = '2026-03-02';
const env = gitEnv(staff.worker, at(day));

describe('swa submit says where the record went and how to get it back', () => {
  it('names the branch the record moved to, and the command it prints brings it back to edit and submit again', async () => {
    const repo = await archiveRepo();
    await repo.write(casePath(), caseText());
    const run = await runSwa(['submit', 'cases/2026-0001', '--today', day], repo.dir, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('提交的内容已从工作区移到这个分支等待审批，工作区中的 content/cases/2026/0001.md 已移除（这份新记录还不在 main 上）。');
    expect(existsSync(join(repo.dir, casePath()))).toBe(false);

    const restore = /要取回提交的版本继续修改：(git restore --source submit\/cases\/2026-0001 -- content\/cases\/2026\/0001\.md)，改完再运行 swa submit cases\/2026-0001/.exec(run.stdout)?.[1];
    expect(restore).toBeDefined();
    execFileSync('sh', ['-c', restore as string], { cwd: repo.dir, env });
    expect(await repo.read(casePath())).toBe(caseText());

    await repo.write(casePath(), caseText({ consent: '2026-03-02' }));
    const again = await runSwa(['submit', 'cases/2026-0001', '--today', day], repo.dir, env);
    expect(again.code).toBe(0);
    expect(repo.git(staff.worker, at(day), 'rev-list', '--count', 'main..submit/cases/2026-0001').trim()).toBe('2');
  }, 60_000);
});
