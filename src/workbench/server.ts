import { Hono, type Context } from 'hono';
import { resolveToday } from '../today.ts';
import { csrfField, esc } from './html.ts';
import { remoteOf, updateFromRemote } from './publish.ts';
import { baseStore } from './record-source.ts';
import { recordRoutes } from './record-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import type { Routes } from './routes.ts';
import { approvalsBody } from './pages/approvals.ts';
import { homeBody } from './pages/home.ts';
import { layout, type Page } from './pages/layout.ts';
import { guard, safeHeaders, type SessionEnv } from './security.ts';
import { stateReader, type State } from './state.ts';
import { waitingOf, workListOf } from './work-list.ts';

export interface WorkbenchOptions {
  cwd: string;
  /** The user's age identity file: read when a sealed client block is opened, never copied. */
  identityFile?: string;
  /** Fixed in tests; otherwise today in UTC+8 (see resolveToday). */
  today?: string;
  /** The start token (see security.ts). */
  token: string;
  /** The port the server listens on: the Host header must name it. */
  port: () => number;
  /** One line per request: method, path (no query string) and status, never a value. */
  log?: (line: string) => void;
}

/** The workbench as a Hono app: every page and action over the repository at `cwd`. */
export function createWorkbench(options: WorkbenchOptions): Hono<SessionEnv> {
  const app = new Hono<SessionEnv>();
  const today = () => options.today ?? resolveToday(undefined);
  const readState = stateReader(options.cwd);
  const state = () => readState(today());
  app.use(async (c, next) => {
    await next();
    options.log?.(`${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status}`);
  });
  app.use(safeHeaders);
  app.use(guard({ token: options.token, port: options.port }));

  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/', async (c) => {
    const s = await state();
    const flash = flashOf(c.req.query('done'));
    if (!s.history || !s.me.staffId) return page(c, s, { title: '我的待办', body: unavailable(s), flash });
    return page(c, s, { title: '我的待办', body: `${await updateForm(c, '/')}${homeBody(workListOf(s.history, s.me.staffId, s.due, s.remote, s.branchRecords), s.names)}`, flash });
  });

  app.get('/approvals', async (c) => {
    const s = await state();
    const flash = flashOf(c.req.query('done'));
    if (!s.history) return page(c, s, { title: '等待审批', body: unavailable(s), flash });
    const all = [...waitingOf(s.history, s.branchRecords), ...s.remote];
    const id = s.me.staffId;
    const mine = id ? workListOf(s.history, id, [], s.remote, s.branchRecords).toDecide : [];
    return page(c, s, { title: '等待审批', body: `${await updateForm(c, '/approvals')}${approvalsBody(mine, all.filter((w) => !mine.some((m) => m.branch === w.branch)), s.names)}`, flash });
  });

  app.post('/update', async (c) => {
    const outcome = await updateFromRemote(options.cwd);
    const back = (await c.req.parseBody()).from === '/approvals' ? '/approvals' : '/';
    return c.redirect(`${back}?done=update-${outcome}`, 303);
  });

  /** With a remote: the button that brings in what colleagues pushed (their submissions, approvals made on main). */
  async function updateForm(c: Context<SessionEnv>, from: string): Promise<string> {
    if (!(await remoteOf(options.cwd))) return '';
    return `<form method="post" action="/update" class="actions">${csrfField(c.get('session').csrf)}<input type="hidden" name="from" value="${esc(from)}"><button type="submit" class="secondary" data-update>从远程仓库更新</button><span class="muted">取回同事推送的提交和已批准的记录（不会上传，也不会合并你的改动）</span></form>`;
  }

  const routes: Routes = { cwd: options.cwd, identityFile: options.identityFile, today, state, page, bases: baseStore() };
  recordRoutes(app, routes);
  reviewRoutes(app, routes);

  return app;
}

/** What just happened, said after the redirect that followed it (the query names an outcome, never a value). */
const outcomes: Record<string, string> = {
  submitted: '已提交审批：记录已放到待审批分支，等待审批人审阅',
  'submitted-pushed': '已提交审批，并已推送到远程仓库，等待审批人审阅',
  'submitted-unpushed': '已在本机提交审批，但推送到远程仓库失败（网络或权限）：请管理员运行 git push',
  approved: '已批准：记录已合并进正式档案',
  'approved-unpushed': '已在本机批准，但推送到远程仓库失败（网络或权限）：请管理员运行 git push',
  rejected: '已退回：社工会在“我的待办”中看到退回理由',
  'rejected-unpushed': '已在本机退回，但推送到远程仓库失败（网络或权限）：请管理员运行 git push',
  'update-updated': '已从远程仓库更新',
  'update-diverged': '已取回远程仓库的提交，但本机的正式档案（main）与远程不一致，没有自动合并：请管理员处理',
  'update-failed': '无法连接远程仓库（网络或权限），没有更新',
};

function flashOf(outcome: string | undefined): Page['flash'] {
  const text = outcome ? outcomes[outcome] : undefined;
  return text ? { kind: 'ok', text } : undefined;
}

function page(c: Context<SessionEnv>, s: State, content: Omit<Page, 'me' | 'names'>, status: 200 | 403 | 404 | 409 | 422 = 200) {
  return c.html(layout({ ...content, me: s.me, names: s.names }), status);
}

function unavailable(s: State): string {
  const why = s.repo.findings.find((f) => f.message.startsWith('未检查审批历史'))?.message ?? '名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正';
  return s.history ? '<p class="muted">你不在名册中，没有个人待办。可以在“等待审批”中浏览。</p>' : `<p class="notice">${esc(why)}</p>`;
}
