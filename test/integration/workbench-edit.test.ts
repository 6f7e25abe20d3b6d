import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';

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
const post = (path: string, body: Record<string, string>) =>
  app.request(`${origin}${path}`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
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
