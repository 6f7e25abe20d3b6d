import type { Hono } from 'hono';
import { approve } from '../commands/approve.ts';
import { reject } from '../commands/reject.ts';
import { timelineOf } from '../approvals/timeline.ts';
import { checkRecord } from '../check/check-record.ts';
import { CommandError } from '../errors.ts';
import { mainBranch, submitPrefix } from '../ledger/git-log.ts';
import { isStage, stageDefinitions } from '../ledger/stages.ts';
import { holdsClient } from '../schemas/client-field.ts';
import { viewClient } from './client-data.ts';
import { fieldChanges, renderChanges, renderFindings } from './forms/index.ts';
import { fieldNamerOf, frontmatterData, summaryOf } from './form-model.ts';
import { esc, recordPath } from './html.ts';
import { reviewBody } from './pages/review.ts';
import { fetchSubmission, pushIfRemote } from './publish.ts';
import { readRecordSource, type RecordSource } from './record-source.ts';
import type { Routes } from './routes.ts';
import type { SessionEnv } from './security.ts';
import type { State } from './state.ts';
import { waitingOf, type Waiting } from './work-list.ts';

const done: Record<string, string> = { fetched: '已在本机建立待审批分支，可以审阅了' };

/** The review of one submission: its change as forms, findings, timeline, approvers; 批准 and 退回. */
export function reviewRoutes(app: Hono<SessionEnv>, r: Routes): void {
  app.get('/review/:dir/:number', async (c) => {
    const id = `${c.req.param('dir')}/${c.req.param('number')}`;
    const s = await r.state();
    const flash = done[c.req.query('done') ?? ''];
    const body = await review(s, id, c.get('session').csrf);
    if (!body) return r.page(c, s, { title: '没有等待审批的提交', body: `<p>${esc(id)} 没有等待审批的提交（可能已被批准或退回）。<a href="/approvals">返回等待审批</a></p>` }, 404);
    return r.page(c, s, { title: `审阅 ${id}`, body, flash: flash ? { kind: 'ok', text: flash } : undefined });
  });

  app.post('/review/:dir/:number/fetch', async (c) => {
    const id = `${c.req.param('dir')}/${c.req.param('number')}`;
    const s = await r.state();
    const remote = s.remote.find((w) => w.record === id);
    if (remote?.remote) await fetchSubmission(r.cwd, remote.remote, remote.branch);
    return c.redirect(`${recordPath('review', id)}?done=fetched`, 303);
  });

  app.post('/review/:dir/:number/approve', async (c) => {
    const id = `${c.req.param('dir')}/${c.req.param('number')}`;
    const body = await c.req.parseBody();
    const head = typeof body.head === 'string' ? body.head : undefined;
    const refused = async (reasons: string[]) => {
      const s = await r.state();
      const page = (await review(s, id, c.get('session').csrf)) ?? '';
      return r.page(c, s, { title: `审阅 ${id}`, body: `<div class="flash error" data-refused><p>不能批准：</p><ul>${reasons.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>${page}` }, 422);
    };
    try {
      const result = await approve({ cwd: r.cwd, today: r.today(), branch: `submit/${id}`, head, identityFile: r.identityFile });
      if (!result.approved) return refused(result.reasons);
      // The merged branch leaves the remote too; when it was never pushed, main alone goes.
      let pushed = await pushIfRemote(r.cwd, [`refs/heads/${mainBranch}:refs/heads/${mainBranch}`, `:refs/heads/${submitPrefix}${id}`]);
      if (pushed === 'unpushed') pushed = await pushIfRemote(r.cwd, [`refs/heads/${mainBranch}:refs/heads/${mainBranch}`]);
      return c.redirect(`/approvals?done=approved${pushed === 'unpushed' ? '-unpushed' : ''}`, 303);
    } catch (error) {
      if (error instanceof CommandError) return refused([error.message]);
      throw error;
    }
  });

  app.post('/review/:dir/:number/reject', async (c) => {
    const id = `${c.req.param('dir')}/${c.req.param('number')}`;
    const body = await c.req.parseBody();
    const reason = typeof body.reason === 'string' ? body.reason : '';
    try {
      const result = await reject({ cwd: r.cwd, today: r.today(), branch: `submit/${id}`, reason });
      const pushed = await pushIfRemote(r.cwd, [`refs/heads/submit/${result.record}:refs/heads/submit/${result.record}`]);
      return c.redirect(`/approvals?done=rejected${pushed === 'unpushed' ? '-unpushed' : ''}`, 303);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      const s = await r.state();
      const page = (await review(s, id, c.get('session').csrf)) ?? '';
      return r.page(c, s, { title: `审阅 ${id}`, body: `<div class="flash error" data-refused><p>未能退回：${esc(error.message)}</p></div>${page}` }, 422);
    }
  });

  async function review(s: State, id: string, csrf: string): Promise<string | null> {
    if (!s.history) return null;
    const waiting: Waiting | undefined = [...waitingOf(s.history, s.branchRecords), ...s.remote].find((w) => w.record === id);
    const source = await readRecordSource(r.cwd, id);
    if (!waiting || !source) return null;
    const role = isStage(waiting.stage) ? stageDefinitions[waiting.stage].role : null;
    const base = { record: id, waiting, role, csrf, names: s.names, mayDecide: s.me.staffId !== null && waiting.candidates.includes(s.me.staffId) };
    if (waiting.remote || !source.onBranch) return reviewBody({ ...base, head: null, changes: '', findings: '', timeline: [] });
    const after = source.onBranch.text;
    const checked = await checkRecord(r.cwd, id, r.today(), after);
    const findings = checked.findings.filter((f) => f.file === source.file);
    const findingsHtml = `<p class="muted">${esc(summaryOf(findings, source.file))}</p>${renderFindings(findings)}`;
    return reviewBody({ ...base, head: source.onBranch.tip, changes: await changesHtml(s, source, after), findings: findingsHtml, timeline: timelineOf(s.history, id, s.repo.findings) });
  }

  /** The change as forms; the client's data compared opened where this user's key opens it (a sealed change shows without values). */
  async function changesHtml(s: State, source: RecordSource, after: string): Promise<string> {
    const opened = async (data: Record<string, unknown>) => {
      if (!holdsClient(source.kind) || !s.repo.context || data.client === undefined) return data;
      const view = await viewClient(source.id, data.client, r.identityFile, s.repo.context.roster, r.today());
      return view.status === 'opened' ? { ...data, client: view.client } : data;
    };
    const before = await opened(source.onMain === null ? {} : frontmatterData(source.onMain));
    const changes = fieldChanges(source.kind, before, await opened(frontmatterData(after)));
    return changes.length > 0 ? renderChanges(changes, { namer: fieldNamerOf(s.repo.context, s.names) }) : '<p class="muted">与正式档案中的版本相比没有改动。</p>';
  }
}
