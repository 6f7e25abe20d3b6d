import { describe, expect, it } from 'vitest';
import { at } from '../helpers/approvals.ts';
import { archiveRepo, gitEnv, staff, type ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { runSwa } from '../helpers/run-swa.ts';

const stranger: Person = { id: '', name: '路人', email: 'stranger@example.org' };
const day = '2026-03-02';

/** A repository whose config says `configured`, with a new case in the work tree. */
async function repoConfiguredAs(configured: Person): Promise<ArchiveRepo> {
  const repo = await archiveRepo();
  repo.git(configured, at(day), 'config', 'user.name', configured.name);
  repo.git(configured, at(day), 'config', 'user.email', configured.email);
  await repo.write(casePath(), caseText());
  return repo;
}

/** Runs swa with git's identity variables naming `person`, as git itself would then commit. */
const swaAs = (repo: ArchiveRepo, person: Person, args: string[]) => runSwa([...args, '--today', day], repo.dir, gitEnv(person, at(day)));

describe('swa submit and swa approve act as whom git would commit as: GIT_AUTHOR_* before the config', () => {
  it('submits as the worker GIT_AUTHOR_EMAIL names, whatever user.email says', async () => {
    const repo = await repoConfiguredAs(stranger);
    const run = await swaAs(repo, staff.worker, ['submit', 'cases/2026-0001']);
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining('不在名册')]);
    expect(repo.git(staff.worker, at(day), 'log', '-1', '--format=%B', 'submit/cases/2026-0001')).toContain(`Submitted-by: ${staff.worker.id}`);
  }, 60_000);

  it('refuses, naming the e-mail it read, when GIT_AUTHOR_EMAIL is not on the roster although user.email is', async () => {
    const repo = await repoConfiguredAs(staff.worker);
    const run = await swaAs(repo, stranger, ['submit', 'cases/2026-0001']);
    expect([run.code, run.stderr.trim()]).toEqual([1, '你的 git 邮箱 stranger@example.org 不在名册 staff.yaml 中，无法提交审批']);
  }, 60_000);

  it('swa approve names the e-mail it read when refusing', async () => {
    const repo = await repoConfiguredAs(staff.supervisor);
    expect((await swaAs(repo, staff.worker, ['submit', 'cases/2026-0001'])).code).toBe(0);
    const run = await swaAs(repo, stranger, ['approve', 'submit/cases/2026-0001']);
    expect([run.code, run.stderr.trim()]).toEqual([1, '你的 git 邮箱 stranger@example.org 不在 main 上已批准的名册 staff.yaml 中，不能审批']);
  }, 60_000);

  it('swa reject takes authority from the roster approved on main, not from an edited staff.yaml in the work tree', async () => {
    const repo = await repoConfiguredAs(staff.supervisor);
    expect((await swaAs(repo, staff.worker, ['submit', 'cases/2026-0001'])).code).toBe(0);
    const roster = await repo.read('content/staff.yaml');
    await repo.write('content/staff.yaml', roster.replaceAll(staff.supervisor.email, stranger.email));
    const run = await swaAs(repo, stranger, ['reject', 'submit/cases/2026-0001', '--reason', '缺少同意书']);
    expect([run.code, run.stderr.trim()]).toEqual([1, '你的 git 邮箱 stranger@example.org 不在 main 上已批准的名册 staff.yaml 中，不能退回']);
  }, 60_000);
});
