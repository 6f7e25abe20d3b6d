import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { archiveRepo, gitEnv, staff, ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { fixedGitTime, hidden, workbenchSession } from '../helpers/workbench.ts';

const today = '2026-03-02';
const date = `${today}T10:00:00+08:00`;
let origin: string;

/** A clone of the shared repository, as on one person's machine, with a workbench over it. */
async function machine(person: Person, port: number) {
  const dir = join(await mkdtemp(join(tmpdir(), 'swa-clone-')), 'archive');
  execFileSync('git', ['clone', '-q', origin, dir], { env: gitEnv(person, date) });
  const repo = new ArchiveRepo(dir);
  repo.git(person, date, 'config', 'user.name', person.name);
  repo.git(person, date, 'config', 'user.email', person.email);
  const token = `remote-test-${port}-0123456789`;
  const { get, post } = await workbenchSession(createWorkbench({ cwd: dir, today, token, port: () => port }), port, token);
  return { repo, get, post };
}

const refs = (cwd: string) => execFileSync('git', ['for-each-ref', '--format=%(refname)'], { cwd, encoding: 'utf8' });

beforeAll(async () => {
  const shared = await archiveRepo();
  origin = join(await mkdtemp(join(tmpdir(), 'swa-origin-')), 'origin.git');
  execFileSync('git', ['clone', '-q', '--bare', shared.dir, origin], { env: gitEnv(staff.orgHead, date) });
});

// Commits the workbench makes carry this fixed time, as a person's would on that day.
fixedGitTime(date);

describe('the workbench with a shared remote', () => {
  it('pushes a submission; the supervisor sees it on the remote, takes it here, approves, and main is pushed', async () => {
    const supervisor = await machine(staff.supervisor, 47012);
    const worker = await machine(staff.worker, 47011);
    await worker.repo.write(casePath(), caseText());
    const form = await worker.get('/record/cases/2026-0001');
    const submitted = await worker.post('/record/cases/2026-0001/submit', { csrf: hidden(form, 'csrf'), base: hidden(form, 'base') });
    expect(submitted.headers.get('location')).toBe('/?done=submitted-pushed');
    expect(refs(origin)).toContain('refs/heads/submit/cases/2026-0001');

    // The supervisor's clone learns of it when they click 从远程仓库更新 (a fetch, nothing merged).
    const before = await supervisor.get('/approvals');
    expect(before).not.toContain('data-waiting="cases/2026-0001"');
    const updated = await supervisor.post('/update', { csrf: hidden(before, 'csrf'), from: '/approvals' });
    expect(updated.headers.get('location')).toBe('/approvals?done=update-updated');
    expect(refs(supervisor.repo.dir)).not.toContain('refs/heads/submit/cases/2026-0001');
    const list = await supervisor.get('/approvals');
    expect(list).toContain('data-waiting="cases/2026-0001"');
    expect(list).toContain('在远程仓库 origin');
    const remoteReview = await supervisor.get('/review/cases/2026-0001');
    expect(remoteReview).not.toContain('data-approve');
    expect((await supervisor.post('/review/cases/2026-0001/fetch', { csrf: hidden(remoteReview, 'csrf') })).status).toBe(303);
    expect(refs(supervisor.repo.dir)).toContain('refs/heads/submit/cases/2026-0001');

    const review = await supervisor.get('/review/cases/2026-0001');
    expect(review).toContain('data-approve');
    const approved = await supervisor.post('/review/cases/2026-0001/approve', { csrf: hidden(review, 'csrf'), head: hidden(review, 'head') });
    expect(approved.headers.get('location')).toBe('/approvals?done=approved');
    const onOrigin = execFileSync('git', ['log', '-1', '--format=%B', 'main'], { cwd: origin, encoding: 'utf8' });
    expect(onOrigin).toContain('Record: cases/2026-0001\nStage: intake\nApproved-by: S04');
    expect(refs(origin)).not.toContain('refs/heads/submit/cases/2026-0001');

    // The worker's machine learns of the approval the same way: main moves forward, nothing else is merged.
    const home = await worker.get('/');
    expect(home).toContain('data-update');
    expect((await worker.post('/update', { csrf: hidden(home, 'csrf'), from: '/' })).headers.get('location')).toBe('/?done=update-updated');
    const after = await worker.get('/');
    expect(after.slice(after.indexOf('data-record="cases/2026-0001"'))).toContain('已批准：接案审批');
  });
});
