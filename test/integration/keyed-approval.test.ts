import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { submit } from '../../src/approvals/submit.ts';
import { noKeyWarning } from '../../src/privacy/keyed-gate.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { at } from '../helpers/approvals.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const identityFile = join(repoRoot, 'test/fixtures/keys/supervisor.agekey');
/** The client's name inside the helpers' sealed block (fictional). */
const clientName = '测试案主（虚构）';
const namedInTitle = caseText().replace('title: 测试个案', `title: ${clientName}学业压力个案`);

describe('the keyed check where a key holder acts [G-CONFIDENTIAL]', () => {
  it('swa submit with a key refuses a record whose client is named in its title; without a key it submits and warns', async () => {
    const repo = await archiveRepo();
    await repo.write(casePath(), namedInTitle);
    const refused = repo.as(staff.worker, at('2026-03-02'), () => submit({ cwd: repo.dir, today: '2026-03-02', identityFile }));
    await expect(refused).rejects.toThrow(/\[G-CONFIDENTIAL\] content\/cases\/2026\/0001\.md:4 第 4 行（表格字段或注释）出现本记录的个人资料/);
    const submitted = await repo.as(staff.worker, at('2026-03-02'), () => submit({ cwd: repo.dir, today: '2026-03-02' }));
    expect(submitted.warnings).toEqual([noKeyWarning]);
  });

  it('swa approve with a key refuses it and leaves main as it was; without a key it approves and warns that the name check could not run', async () => {
    const repo = await archiveRepo();
    await repo.write(casePath(), namedInTitle);
    const submitted = await repo.as(staff.worker, at('2026-03-02'), () => submit({ cwd: repo.dir, today: '2026-03-02' }));
    const before = repo.git(staff.supervisor, at('2026-03-03'), 'rev-parse', 'main');
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: submitted.branch, identityFile }));
    expect(refused.approved).toBe(false);
    expect(!refused.approved && refused.reasons).toEqual([expect.stringMatching(/^\[G-CONFIDENTIAL\] content\/cases\/2026\/0001\.md:4 .*本记录的个人资料/)]);
    expect(!refused.approved && refused.reasons.join('')).not.toContain(clientName);
    expect(repo.git(staff.supervisor, at('2026-03-03'), 'rev-parse', 'main')).toBe(before);
    expect(repo.git(staff.supervisor, at('2026-03-03'), 'status', '--porcelain')).toBe('');

    const approved = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: submitted.branch }));
    expect(approved).toMatchObject({ approved: true, warnings: [noKeyWarning] });
  });

  it('passes a clean record with a key and no warning', async () => {
    const repo = await archiveRepo();
    await repo.write(casePath(), caseText());
    const submitted = await repo.as(staff.worker, at('2026-03-02'), () => submit({ cwd: repo.dir, today: '2026-03-02', identityFile }));
    expect(submitted.warnings).toEqual([]);
    const approved = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: submitted.branch, identityFile }));
    expect(approved).toMatchObject({ approved: true, warnings: [] });
  });
});
