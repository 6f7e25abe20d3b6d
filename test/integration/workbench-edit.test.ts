import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { commitOnBranch } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const token = 'edit-test-token-0123456789';
const port = 47002;
const origin = `http://127.0.0.1:${port}`;
const date = '2026-03-02T09:00:00+08:00';
let repo: ArchiveRepo;
let app: ReturnType<typeof createWorkbench>;
let cookie: string;

beforeAll(async () => {
  repo = await archiveRepo();
  repo.git(staff.worker, date, 'config', 'user.name', staff.worker.name);
  repo.git(staff.worker, date, 'config', 'user.email', staff.worker.email);
  app = createWorkbench({ cwd: repo.dir, today: '2026-03-02', token, port: () => port });
  const res = await app.request(`${origin}/?token=${token}`, { headers: { host: `127.0.0.1:${port}` } });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
});

const get = (path: string) => app.request(`${origin}${path}`, { headers: { host: `127.0.0.1:${port}`, cookie } });
const post = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${origin}${path}`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
const box = (html: string, name: string) => html.slice(html.indexOf(`data-findings-for="${name}"`), html.indexOf('</div>', html.indexOf(`data-findings-for="${name}"`)));
const status = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' });
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] as string;

describe('two browser tabs editing the same record', () => {
  it('refuses the second save, says what the first one changed, and keeps the file as the first one left it', async () => {
    const form = await (await get('/new?kind=group')).text();
    const created = await post('/new', { csrf: hidden(form, 'csrf'), kind: 'group', title: '情绪管理小组' });
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect(path).toBe('/record/groups/2026-0001');
    const file = 'content/groups/2026/0001.md';
    expect(await repo.read(file)).toContain('title: 情绪管理小组');

    const tabA = await (await get(path)).text();
    const tabB = await (await get(path)).text();
    expect(hidden(tabA, 'base')).toBe(hidden(tabB, 'base'));

    const first = await post(`${path}/save`, { csrf: hidden(tabA, 'csrf'), base: hidden(tabA, 'base'), title: '青少年情绪管理小组' });
    expect(first.status).toBe(303);
    expect(await repo.read(file)).toContain('title: 青少年情绪管理小组');

    const second = await post(`${path}/save`, { csrf: hidden(tabB, 'csrf'), base: hidden(tabB, 'base'), title: '亲子沟通小组' });
    expect(second.status).toBe(409);
    const page = await second.text();
    expect(page).toContain('data-conflict');
    // What the first save changed, as forms: the label, the old value and the new one.
    const conflict = page.slice(page.indexOf('data-conflict'), page.indexOf('</div>', page.indexOf('swa-changes')));
    expect(conflict).toContain('标题');
    expect(conflict).toContain('情绪管理小组');
    expect(conflict).toContain('青少年情绪管理小组');
    // What the second tab typed is still in its form, against the new base, to be saved on purpose.
    expect(page).toContain('value="亲子沟通小组"');
    expect(hidden(page, 'base')).not.toBe(hidden(tabB, 'base'));
    expect(await repo.read(file)).toContain('title: 青少年情绪管理小组');
  });
});

describe('the new-record form checks as the user types, before the first save', () => {
  it("answers with swa check's findings for the draft beside their fields, and writes nothing", async () => {
    const form = await (await get('/new?kind=case')).text();
    expect(form).toContain('data-check="/new/check"');
    const csrf = hidden(form, 'csrf');
    const clean = status();

    const unsigned = await post('/new/check', { kind: 'case', title: '学业压力个案', 'consent.date': '2026-03-01', 'consent.signedBy': '本人', 'consent.signed': '' }, { 'x-csrf-token': csrf });
    expect(unsigned.status).toBe(200);
    const answer = await unsigned.text();
    expect(answer).toMatch(/data-summary>检查结果：\d+ 个错误/);
    expect(box(answer, 'consent.signed')).toContain('同意书须已签署');
    // The worker the blank record is given (the user) is in the draft, as swa new would write it.
    expect(answer).toMatch(/name="worker" aria-required="true" value="S05"/);

    const signed = await (await post('/new/check', { kind: 'case', 'consent.date': '2026-03-01', 'consent.signedBy': '本人', 'consent.signed': 'true' }, { 'x-csrf-token': csrf })).text();
    expect(box(signed, 'consent.signed')).not.toContain('同意书须已签署');

    // Nothing reached the work tree: no record file, no client data, no number taken.
    expect(status()).toBe(clean);
    expect(existsSync(join(repo.dir, 'content/cases/2026/0001.md'))).toBe(false);
  });

  it('is a state-changing request like any other: refused without the CSRF token', async () => {
    expect((await post('/new/check', { kind: 'case' })).status).toBe(403);
  });
});

describe('taking the version on a submission branch', () => {
  it('is refused while the work tree holds other changes to the record, and the file keeps them', async () => {
    const id = 'cases/2026-0009';
    await commitOnBranch(repo, staff.worker, '2026-03-02', `submit/${id}`, casePath(id), caseText({ id }), 'intake');
    const edited = `${caseText({ id })}\n工作区里尚未提交的补充（虚构）\n`;
    await repo.write(casePath(id), edited);
    const page = await (await get('/record/cases/2026-0009')).text();
    const taken = await post('/record/cases/2026-0009/take', { csrf: hidden(page, 'csrf') });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('取回分支上的版本会覆盖这些改动');
    expect(await repo.read(casePath(id))).toBe(edited);
  });
});
