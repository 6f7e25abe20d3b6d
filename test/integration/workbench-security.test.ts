import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';

const token = 'test-token-0123456789abcdef';
const port = 47001;
const origin = `http://127.0.0.1:${port}`;
let repo: ArchiveRepo;
let app: ReturnType<typeof createWorkbench>;
const log: string[] = [];

beforeAll(async () => {
  repo = await archiveRepo();
  repo.git(staff.worker, '2026-03-02T09:00:00+08:00', 'config', 'user.email', staff.worker.email);
  app = createWorkbench({ cwd: repo.dir, today: '2026-03-02', token, port: () => port, log: (line) => log.push(line) });
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(`${origin}${path}`, { headers: { host: `127.0.0.1:${port}`, ...headers } });

/** Exchanges the token for a session cookie, as the browser does on the printed address. */
async function session(): Promise<string> {
  const res = await get(`/?token=${token}`);
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  return cookie.split(';')[0] as string;
}

describe('swa workbench refuses what is not its own user in its own browser', () => {
  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect(await (await get('/')).text()).toContain('需要令牌');
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get('/approvals', { cookie: 'swa_workbench=made-up' })).status).toBe(403);
  });

  it('exchanges the token for a session cookie and takes it out of the URL', async () => {
    const res = await get(`/approvals?token=${token}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/approvals');
    const cookie = await session();
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('陈一禾 <small class="code">S05</small>');
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token or a session', async () => {
    const cookie = await session();
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      expect((await get(`/?token=${token}`, { host })).status).toBe(403);
      expect((await get('/', { host, cookie })).status).toBe(403);
    }
    expect((await get('/', { host: `localhost:${port}`, cookie })).status).toBe(200);
  });

  it('refuses a state change without the CSRF token bound to the session', async () => {
    const cookie = await session();
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      app.request(`${origin}/new`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
    expect((await post({ kind: 'case' })).status).toBe(403);
    expect((await post({ kind: 'case', csrf: 'guessed' })).status).toBe(403);
    // Another session's token is not this one's.
    const other = await session();
    const otherCsrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/new?kind=case', { cookie: other })).text())?.[1];
    expect(otherCsrf).toBeTruthy();
    expect((await post({ kind: 'case', csrf: otherCsrf as string })).status).toBe(403);
    expect(repo.git(staff.worker, '2026-03-02T09:00:00+08:00', 'status', '--porcelain')).toBe('');
    // A state change by GET does not exist: the form posts.
    expect((await get('/new?kind=case', { cookie })).status).toBe(200);
    expect(repo.git(staff.worker, '2026-03-02T09:00:00+08:00', 'status', '--porcelain')).toBe('');
  });

  it('logs method, path and status only, never a query string', () => {
    expect(log.length).toBeGreaterThan(5);
    for (const line of log) expect(line).toMatch(/^(GET|POST) \/[^\s?]* \d{3}$/);
    expect(log.join('\n')).not.toContain(token);
  });
});
