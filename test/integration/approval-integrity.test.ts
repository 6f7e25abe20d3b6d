import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { submit } from '../../src/approvals/submit.ts';
import { approvalMessage, at, checkRules, findingsOf, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const id = 'cases/2026-0001';
const path = casePath(id);

describe('approval integrity', () => {
  it('[A-UNAUTHORISED] swa approve refuses a worker, and a worker\'s merge by hand approves nothing', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const refused = await repo.as(staff.westWorker, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-UNAUTHORISED] S06 在 2026-03-03 不担任「接案审批」所需的角色「督导」')] });

    mergeByHand(repo, staff.westWorker, '2026-03-03', branch, approvalMessage(id, 'intake', 'S06', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAUTHORISED']);
  });

  it('[A-SELF-APPROVAL] a supervisor cannot approve a branch she wrote', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.supervisor, '2026-03-02', path, caseText());
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-SELF-APPROVAL]')] });

    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-SELF-APPROVAL']);
  });

  it('[A-UNAUTHORISED] a branch that makes its own author a supervisor approves nothing: the roster comes from the first parent', async () => {
    const repo = await archiveRepo();
    repo.git(staff.worker, at('2026-03-02'), 'switch', '-q', '-c', 'submit/cases/2026-0001');
    const roster = (await repo.read('content/staff.yaml')).replace(
      '      - { role: worker, from: 2024-03-01, posts: [P01] }\n',
      '      - { role: worker, from: 2024-03-01, posts: [P01] }\n      - { role: supervisor, from: 2026-01-01, posts: [P01] }\n',
    );
    const head = await repo.commit(staff.worker, at('2026-03-02'), 'Open a case', { 'content/staff.yaml': roster, [path]: caseText() });
    repo.git(staff.worker, at('2026-03-02'), 'switch', '-q', 'main');
    mergeByHand(repo, staff.worker, '2026-03-02', 'submit/cases/2026-0001', approvalMessage(id, 'intake', 'S05', 'supervisor', head));

    const unauthorised = await findingsOf(repo, '2026-03-02', 'A-UNAUTHORISED');
    expect(unauthorised.map((f) => f.message)).toEqual([expect.stringContaining('S05 在 2026-03-02 不担任「接案审批」所需的角色「督导」（以合并前 main 上已批准的名册为准）')]);
    // The roster change it carried is unapproved: an approval of a record approves nothing else.
    const carried = await findingsOf(repo, '2026-03-02', 'A-UNAPPROVED-CHANGE');
    expect(carried.map((f) => [f.severity, f.file])).toEqual([['error', 'content/staff.yaml']]);
    expect(await checkRules(repo, '2026-03-02')).toEqual(['error:A-SELF-APPROVAL', 'error:A-UNAPPROVED-CHANGE', 'error:A-UNAUTHORISED']);
  });

  it('[A-STALE-HEAD] swa approve refuses a branch that moved after review; a merge naming another head is reported', async () => {
    const repo = await archiveRepo();
    const first = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const moved = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText({ intake: '2026-03-01' }));
    expect(moved.sha).not.toBe(first.sha);
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: first.branch, head: first.sha }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-STALE-HEAD]')] });

    mergeByHand(repo, staff.supervisor, '2026-03-03', first.branch, approvalMessage(id, 'intake', 'S04', 'supervisor', first.sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-STALE-HEAD']);
  });

  it('[A-STALE-HEAD] an Approved-head of a few digits names no one commit: another made to match them would pass', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    await expect(repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch, head: sha.slice(0, 7) }))).rejects.toThrow('完整提交哈希');
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha.slice(0, 7)));
    const stale = await findingsOf(repo, '2026-03-03', 'A-STALE-HEAD');
    expect(stale.map((f) => f.severity)).toEqual(['error']);
    expect(stale[0]?.message).toContain(`Approved-head 应写完整的提交哈希，${sha.slice(0, 7)} 只是开头几位`);
  });

  it('control: the full head, given to swa approve, is approved', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const result = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch, head: sha }));
    expect(result.approved).toBe(true);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('[A-ORDER] a closing approved before the intake', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText(), 'closing');
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'closing', 'S04', 'supervisor', sha));
    const order = await findingsOf(repo, '2026-03-03', 'A-ORDER');
    expect(order.map((f) => [f.severity, f.record, f.line])).toEqual([['error', id, 3]]);
    expect(order[0]?.message).toContain('「结案审批」早于它所依赖的「接案审批」');
  });

  it('[A-UNAUTHORISED] a later valid approval supersedes an invalid one, which stays as a warning', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.westWorker, '2026-03-03', branch, approvalMessage(id, 'intake', 'S06', 'supervisor', sha));
    await repo.write(path, `${caseText()}\n补充说明（虚构）\n`);
    const again = await repo.as(staff.worker, at('2026-03-04'), () => submit({ cwd: repo.dir, today: '2026-03-04', stage: 'intake' }));
    const result = await repo.as(staff.supervisor, at('2026-03-05'), () => approve({ cwd: repo.dir, today: '2026-03-05', branch: again.branch }));
    expect(result.approved).toBe(true);
    const findings = await findingsOf(repo, '2026-03-05', 'A-UNAUTHORISED');
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(findings[0]?.message).toContain('已由');
  });
});

describe('changes that reached main without an approval [A-UNAPPROVED-CHANGE]', () => {
  const route = async (setup: (repo: Awaited<ReturnType<typeof archiveRepo>>) => Promise<void>) => {
    const repo = await archiveRepo();
    await setup(repo);
    const findings = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    return { findings, rules: await checkRules(repo, '2026-03-03') };
  };

  it('a squash merge', async () => {
    const { findings, rules } = await route(async (repo) => {
      const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      repo.git(staff.supervisor, at('2026-03-03'), 'merge', '--squash', '-q', branch);
      repo.git(staff.supervisor, at('2026-03-03'), 'commit', '-q', '-m', 'Open case (#3)');
    });
    expect(rules).toEqual(['error:A-UNAPPROVED-CHANGE']);
    expect(findings[0]?.message).toContain('压缩合并（squash）');
  });

  it('a fast-forward', async () => {
    const { findings, rules } = await route(async (repo) => {
      const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      repo.git(staff.supervisor, at('2026-03-03'), 'merge', '--ff-only', '-q', branch);
    });
    expect(rules).toEqual(['error:A-UNAPPROVED-CHANGE']);
    expect(findings[0]?.message).toContain('快进合并（fast-forward）');
  });

  it('a rebase', async () => {
    const { findings, rules } = await route(async (repo) => {
      const { sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      await repo.commit(staff.orgHead, at('2026-03-02', '12:00:00'), 'Unrelated change on main', { 'content/README.md': '虚构\n' });
      repo.git(staff.supervisor, at('2026-03-03'), 'cherry-pick', sha);
    });
    expect(rules).toEqual(['error:A-UNAPPROVED-CHANGE']);
    expect(findings[0]?.message).toContain('变基合并（rebase）');
  });

  it('a direct push', async () => {
    const { findings, rules } = await route(async (repo) => {
      await repo.commit(staff.worker, at('2026-03-02'), 'Open case', { [path]: caseText() });
    });
    expect(rules).toEqual(['error:A-UNAPPROVED-CHANGE']);
    expect(findings[0]?.message).toContain('直接推送到 main');
    expect(findings[0]).toMatchObject({ record: id, file: path, line: 3 });
  });
});

describe('merges made on git hosts', () => {
  it('a GitHub merge by the supervisor, mapped through her no-reply address and login', async () => {
    const repo = await archiveRepo();
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const viaGithub = { ...staff.supervisor, email: '4242+xu-my@users.noreply.github.com' };
    mergeByHand(repo, viaGithub, '2026-03-03', branch, `Merge pull request #7 from chen-yh/${branch}\n\n测试个案接案`);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('a Gitea merge by the business lead for a post without a supervisor', async () => {
    const repo = await archiveRepo();
    const west = casePath('cases/2026-0002');
    const { branch } = await submitRecord(repo, staff.westWorker, '2026-03-02', west, caseText({ id: 'cases/2026-0002', worker: 'S06', post: 'P02' }));
    mergeByHand(repo, staff.businessLead, '2026-03-03', branch, `Merge pull request '独居长者个案' (#3) from ${branch} into main`);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('a GitHub merge by someone outside the roster', async () => {
    const repo = await archiveRepo();
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, { ...staff.supervisor, email: '99+stranger@users.noreply.github.com' }, '2026-03-03', branch, `Merge pull request #8 from chen-yh/${branch}`);
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAUTHORISED']);
  });
});

describe('the adoption point cannot be moved later [A-UNAPPROVED-CHANGE]', () => {
  /** A direct push on 2026-03-02: reported while approvals are enforced from 2026-01-05. */
  const pushed = async () => {
    const repo = await archiveRepo();
    await repo.commit(staff.worker, at('2026-03-02'), 'Edit the case', { [path]: caseText() });
    return repo;
  };
  const moved = async (repo: Awaited<ReturnType<typeof archiveRepo>>) => {
    const findings = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(findings.map((f) => [f.severity, f.file])).toEqual([['error', 'content/archive.yaml']]);
    expect(findings[0]?.message).toContain('启用审批的起点被后移');
  };

  it('the adoption tag moved onto the push', async () => {
    const repo = await pushed();
    repo.git(staff.worker, at('2026-03-02'), 'tag', '-f', 'swa-adoption');
    await moved(repo);
  });

  it('archive.yaml made to name a new tag on the commit that changes it', async () => {
    const repo = await pushed();
    const archive = (await repo.read('content/archive.yaml')).replace('adoption: swa-adoption', 'adoption: swa-adoption-2');
    await repo.commit(staff.worker, at('2026-03-02', '11:00:00'), 'Adoption', { 'content/archive.yaml': archive });
    repo.git(staff.worker, at('2026-03-02'), 'tag', 'swa-adoption-2');
    await moved(repo);
  });

  it('control: an adoption point set afterwards, by the id of the import commit, is where approvals start', async () => {
    const repo = await archiveRepo();
    const imported = repo.git(staff.orgHead, at('2026-01-05'), 'rev-parse', 'HEAD').trim();
    repo.git(staff.orgHead, at('2026-01-05'), 'tag', '-d', 'swa-adoption');
    const archive = (await repo.read('content/archive.yaml')).replace('adoption: swa-adoption', `adoption: ${imported}`);
    await repo.commit(staff.orgHead, at('2026-01-06'), 'Adoption by id', { 'content/archive.yaml': archive });
    await repo.commit(staff.worker, at('2026-03-02'), 'Edit the case', { [path]: caseText() });
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAPPROVED-CHANGE', 'error:A-UNAPPROVED-CHANGE']);
  });
});
