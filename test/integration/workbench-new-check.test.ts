import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';

const token = 'new-check-test-token-0123456789';
const port = 47031;
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

const headers = { host: `127.0.0.1:${port}` };
const get = async (path: string) => (await app.request(`${origin}${path}`, { headers: { ...headers, cookie } })).text();
const post = (path: string, body: Record<string, string>, extra: Record<string, string> = {}) =>
  app.request(`${origin}${path}`, { method: 'POST', headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: new URLSearchParams(body).toString() });
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] as string;
const box = (html: string, name: string) => html.slice(html.indexOf(`data-findings-for="${name}"`), html.indexOf('</div>', html.indexOf(`data-findings-for="${name}"`)));
const status = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' });

describe('the new-record form checks as the user types, before the first save', () => {
  it("answers with swa check's findings for the draft beside their fields, and writes nothing", async () => {
    const form = await get('/new?kind=case');
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
