import type { Context, Hono } from 'hono';
import { branchOnlyStatus, statusOf } from '../approvals/status.ts';
import { submit } from '../commands/submit.ts';
import { checkRecord } from '../check/check-record.ts';
import { blankRecord, newRecord } from '../commands/new.ts';
import { CommandError } from '../errors.ts';
import { applyPlan } from '../privacy/reseal.ts';
import { holdsClient } from '../schemas/client-field.ts';
import { recordKinds, serviceKinds, type RecordKind, type ServiceKind } from '../schemas/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resealed, validateClient, viewClient, type ClientView } from './client-data.ts';
import { applyFormValues, fieldChanges, renderChanges, renderSections, type FormSection } from './forms/index.ts';
import { choicesOf, clientSection, fieldNamerOf, findingsOf, frontmatterData, postedClientValues, postedRecordValues, recordSections, summaryOf } from './form-model.ts';
import { esc, recordPath } from './html.ts';
import { sealedNotice } from './pages/client-section.ts';
import { chooseKindBody, newRecordBody } from './pages/new.ts';
import { kindTitle, onBranchBody, recordBody } from './pages/record.ts';
import { pushIfRemote } from './publish.ts';
import { blobSha, readRecordSource, takeFromBranch, type RecordSource } from './record-source.ts';
import type { Routes } from './routes.ts';
import type { SessionEnv } from './security.ts';
import type { State } from './state.ts';
import { holdsToday } from './who.ts';
import type { Namer } from '../site/value-parts.ts';

type Body = Record<string, string | string[]>;

const done: Record<string, string> = { saved: '已保存', created: '已新建记录：请继续填写，检查结果会随填写更新', taken: '已取回退回的版本：修改后再次提交' };

/** New record, edit form, live findings, save (refused when the file moved on), submit. */
export function recordRoutes(app: Hono<SessionEnv>, r: Routes): void {
  app.get('/new', async (c) => {
    const s = await r.state();
    const kind = c.req.query('kind');
    if (!isServiceKind(kind)) return r.page(c, s, { title: '新建记录', body: chooseKindBody() });
    return r.page(c, s, { title: `新建${recordKinds[kind].label}记录`, body: newForm(kind, c.get('session').csrf, prefillOf(s), {}, choicesOf(s.repo.context)) });
  });

  app.post('/new', async (c) => {
    const s = await r.state();
    const body = (await c.req.parseBody({ all: true })) as Body;
    const kind = typeof body.kind === 'string' ? body.kind : undefined;
    if (!s.me.staffId || !isServiceKind(kind)) return r.page(c, s, { title: '新建记录', body: chooseKindBody(), flash: { kind: 'error', text: s.me.staffId ? '未知的记录类型' : '你不在名册中，不能新建记录' } }, 422);
    const values = postedRecordValues(kind, body);
    const entered = postedClientValues(kind, body);
    const client = holdsClient(kind) ? validateClient(kind, entered) : null;
    if (client && 'problems' in client) {
      const form = newForm(kind, c.get('session').csrf, values, entered, choicesOf(s.repo.context));
      return r.page(c, s, { title: `新建${recordKinds[kind].label}记录`, body: form, flash: { kind: 'error', text: `个人资料未保存：${client.problems.join('；')}` } }, 422);
    }
    const created = await newRecord({ cwd: r.cwd, kind, today: r.today(), worker: holdsToday(s.me, 'worker') ? s.me.staffId : undefined }).catch((error: unknown) => {
      if (error instanceof CommandError) return error;
      throw error;
    });
    if (created instanceof CommandError) {
      const form = newForm(kind, c.get('session').csrf, values, entered, choicesOf(s.repo.context));
      return r.page(c, s, { title: `新建${recordKinds[kind].label}记录`, body: form, flash: { kind: 'error', text: `未能新建：${created.message}` } }, 422);
    }
    let text = overSkeleton(await readFile(join(r.cwd, created.path), 'utf8'), values);
    if (client && s.repo.context) text = await resealed(text, created.id, {}, client.client, s.repo.context.roster, r.today());
    await applyPlan(r.cwd, [{ path: created.path, text }]);
    return c.redirect(`${recordPath('record', created.id)}?done=created`, 303);
  });

  // Live findings before the first save: the form over the blank record `swa new` would write, checked as a draft; nothing is written.
  app.post('/new/check', async (c) => {
    const s = await r.state();
    const body = (await c.req.parseBody({ all: true })) as Body;
    const kind = typeof body.kind === 'string' ? body.kind : undefined;
    if (!isServiceKind(kind)) return c.text('', 404);
    try {
      const blank = await blankRecord({ cwd: r.cwd, kind, today: r.today(), worker: s.me.staffId && holdsToday(s.me, 'worker') ? s.me.staffId : undefined });
      return c.html(await checkedDraft(kind, blank.id, blank.path, overSkeleton(blank.text, postedRecordValues(kind, body))));
    } catch (error) {
      if (error instanceof CommandError) return c.html(`<p data-summary>${esc(`暂时无法检查：${error.message}`)}</p>`);
      throw error;
    }
  });

  app.get('/record/:dir/:number', async (c) => {
    const source = await readRecordSource(r.cwd, `${c.req.param('dir')}/${c.req.param('number')}`);
    const s = await r.state();
    if (!source || (source.text === null && !source.onBranch)) return r.page(c, s, { title: '没有这份记录', body: '<p>没有这份记录。<a href="/">返回我的待办</a></p>' }, 404);
    const flash = done[c.req.query('done') ?? ''];
    const status = statusFor(s, source);
    // Submitted and not taken back: the work tree holds main's version (or nothing), the branch the submitted one.
    if (source.onBranch && (source.text === null || source.text === source.onMain)) {
      const fields = renderSections(recordSections(source.kind), frontmatterData(source.onBranch.text), new Map(), { readOnly: true, choices: choicesOf(s.repo.context) });
      return r.page(c, s, { title: kindTitle(source, frontmatterData(source.onBranch.text).title), body: onBranchBody(source, status, c.get('session').csrf, fields, s.names), flash: flash ? { kind: 'ok', text: flash } : undefined });
    }
    const form = await editForm(c, s, source, source.text as string, frontmatterData(source.text as string), undefined);
    return r.page(c, s, { title: kindTitle(source, frontmatterData(source.text as string).title), body: form, flash: flash ? { kind: 'ok', text: flash } : undefined });
  });

  app.post('/record/:dir/:number/check', async (c) => {
    const source = await readRecordSource(r.cwd, `${c.req.param('dir')}/${c.req.param('number')}`);
    if (!source || source.text === null) return c.text('', 404);
    const body = (await c.req.parseBody({ all: true })) as Body;
    return c.html(await checkedDraft(source.kind, source.id, source.file, applyFormValues(source.text, postedRecordValues(source.kind, body))));
  });

  /** The answer to a live check: the summary and the record's sections with the draft's findings beside their fields (swa check's rules, ISSUE-16). */
  async function checkedDraft(kind: RecordKind, id: string, file: string, draft: string): Promise<string> {
    const checked = await checkRecord(r.cwd, id, r.today(), draft);
    const findings = checked.findings.filter((f) => f.file === file);
    return `<p data-summary>${esc(summaryOf(findings, file))}</p>${renderSections(recordSections(kind), frontmatterData(draft), findingsOf(findings, file, draft))}`;
  }

  app.post('/record/:dir/:number/save', async (c) => {
    const saved = await save(c);
    return 'response' in saved ? saved.response : c.redirect(`${recordPath('record', saved.source.id)}?done=saved`, 303);
  });

  app.post('/record/:dir/:number/submit', async (c) => {
    const saved = await save(c);
    if ('response' in saved) return saved.response;
    const { source } = saved;
    try {
      const result = await submit({ cwd: r.cwd, today: r.today(), record: source.id, identityFile: r.identityFile });
      const pushed = await pushIfRemote(r.cwd, [`refs/heads/${result.branch}:refs/heads/${result.branch}`]);
      return c.redirect(`/?done=submitted${pushed === 'local' ? '' : `-${pushed}`}`, 303);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      const s = await r.state();
      const text = (await readRecordSource(r.cwd, source.id))?.text ?? '';
      const form = await editForm(c, s, source, text, frontmatterData(text), undefined);
      return r.page(c, s, { title: kindTitle(source, frontmatterData(text).title), body: form, flash: { kind: 'error', text: `未能提交：${error.message}` } }, 422);
    }
  });

  app.post('/record/:dir/:number/take', async (c) => {
    const source = await readRecordSource(r.cwd, `${c.req.param('dir')}/${c.req.param('number')}`);
    const s = await r.state();
    if (!s.me.staffId) return r.page(c, s, { title: '不能修改', body: '<p>你不在名册中，不能修改记录。</p>' }, 403);
    if (!source?.onBranch) return c.redirect('/', 303);
    // The page offered this only for an unchanged work tree: a second tab, or a page left open while the file was edited, must not overwrite that work.
    const edited = source.text !== null && source.text !== source.onMain && source.text !== source.onBranch.text;
    if (edited) return r.page(c, s, { title: '不能取回', body: '<p>工作区中的这份记录已有改动，取回分支上的版本会覆盖这些改动。请先保存或提交工作区的修改。</p>' }, 409);
    await takeFromBranch(r.cwd, source);
    return c.redirect(`${recordPath('record', source.id)}?done=taken`, 303);
  });

  /** The edit form of the work tree's text, with `shown` as the values (the file's, or a refused post's). */
  async function editForm(c: Context<SessionEnv>, s: State, source: RecordSource, text: string, shown: Record<string, unknown>, conflict: string | undefined, clientShown?: unknown): Promise<string> {
    const checked = await checkRecord(r.cwd, source.id, r.today(), text);
    const findings = checked.findings.filter((f) => f.file === source.file);
    r.bases.remember(text);
    const view = await clientView(source, text, s);
    return recordBody({
      source,
      status: statusFor(s, source),
      csrf: c.get('session').csrf,
      base: blobSha(text),
      fields: renderSections(recordSections(source.kind), shown, findingsOf(findings, source.file, text), { choices: choicesOf(s.repo.context) }),
      client: clientHtml(source, view, clientShown, s.names),
      summary: summaryOf(findings, source.file),
      conflict,
      names: s.names,
    });
  }

  async function clientView(source: RecordSource, text: string, s: State): Promise<ClientView | null> {
    if (!holdsClient(source.kind) || !s.repo.context) return null;
    return viewClient(source.id, frontmatterData(text).client, r.identityFile, s.repo.context.roster, r.today());
  }

  /** Saves the posted form over the work tree's file, unless the file changed since the form was loaded. */
  async function save(c: Context<SessionEnv>): Promise<{ source: RecordSource } | { response: Response }> {
    const s = await r.state();
    const source = await readRecordSource(r.cwd, `${c.req.param('dir')}/${c.req.param('number')}`);
    if (!source || source.text === null) return { response: await r.page(c, s, { title: '没有这份记录', body: '<p>工作区中没有这份记录。<a href="/">返回我的待办</a></p>' }, 404) };
    if (!s.me.staffId) return { response: await r.page(c, s, { title: '不能保存', body: '<p>你不在名册中，不能修改记录。</p>' }, 403) };
    const body = (await c.req.parseBody({ all: true })) as Body;
    const values = postedRecordValues(source.kind, body);
    const entered = postedClientValues(source.kind, body);
    const title = kindTitle(source, frontmatterData(source.text).title);
    const base = typeof body.base === 'string' ? body.base : '';
    if (base !== blobSha(source.text)) {
      // Another tab or person saved since this form was loaded: say what changed, keep what was typed, overwrite nothing.
      const before = r.bases.recall(base);
      const changes = renderChanges(fieldChanges(source.kind, before === undefined ? {} : frontmatterData(before), frontmatterData(source.text)), { namer: fieldNamerOf(s.repo.context, s.names) });
      const conflict = `<div class="flash error" data-conflict><p>这份记录在你打开之后已被保存过（另一个标签页或另一个人），你的修改没有保存。下面是那次保存改动的内容；你填写的内容仍在表格中，核对后可再次保存。</p>${changes}</div>`;
      const shown = { ...frontmatterData(source.text), ...values };
      return { response: await r.page(c, s, { title, body: await editForm(c, s, source, source.text, shown, conflict, entered) }, 409) };
    }
    let text = applyFormValues(source.text, values);
    const view = await clientView(source, source.text, s);
    if (view?.status === 'opened' && holdsClient(source.kind) && entered !== undefined && s.repo.context) {
      const client = validateClient(source.kind, entered);
      if ('problems' in client) {
        return { response: await r.page(c, s, { title, body: await editForm(c, s, source, source.text, { ...frontmatterData(source.text), ...values }, undefined, entered), flash: { kind: 'error', text: `未保存：个人资料${client.problems.join('；')}` } }, 422) };
      }
      text = await resealed(text, source.id, view.client, client.client, s.repo.context.roster, r.today());
    }
    if (text !== source.text) await applyPlan(r.cwd, [{ path: source.file, text }]);
    return { source };
  }

  function newForm(kind: ServiceKind, csrf: string, values: Record<string, unknown>, client: unknown, choices: ReturnType<typeof choicesOf>): string {
    const section = clientSection(kind);
    const clientPart = section ? renderSections([section], { client }, new Map()) : '';
    return newRecordBody(kind, csrf, `${clientPart}${renderSections(recordSections(kind), values, new Map(), { choices })}`);
  }
}

/** The form's values over a new record's skeleton: what the skeleton prefilled (the worker and their post) stays unless the form says otherwise. */
function overSkeleton(skeleton: string, values: Record<string, unknown>): string {
  const prefilled = frontmatterData(skeleton);
  return applyFormValues(skeleton, Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined || prefilled[key] == null)));
}

/** The worker and, when they serve one post, their post: what `swa new --worker` prefills, shown in the form. */
function prefillOf(s: State): Record<string, unknown> {
  const posts = s.me.roles.filter((role) => role.role === 'worker').flatMap((role) => role.posts ?? []);
  return holdsToday(s.me, 'worker') ? { worker: s.me.staffId, ...(posts.length === 1 ? { post: posts[0] } : {}) } : {};
}

function clientHtml(source: RecordSource, view: ClientView | null, shown: unknown, names: Namer): string {
  if (!view) return '';
  if (view.status === 'sealed') return sealedNotice(view, names);
  const section = clientSection(source.kind) as FormSection;
  return renderSections([section], { client: shown ?? view.client }, new Map());
}

function statusFor(s: State, source: RecordSource) {
  if (!s.history) return null;
  const record = s.history.byId.get(source.id);
  if (record) return statusOf(s.history, record);
  return source.onBranch ? branchOnlyStatus(s.history, source.id, s.branchRecords.find((r) => r.id === source.id)) : null;
}

const isServiceKind = (kind: string | undefined): kind is ServiceKind => (serviceKinds as readonly (string | undefined)[]).includes(kind);
