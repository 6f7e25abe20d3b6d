import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { staff } from '../helpers/git-repo.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';
import { startWorkbench, type RunningWorkbench } from '../helpers/workbench.ts';

const today = '2026-11-29';
/** Written on every run into the ignored screenshots/ folder; docs/screenshots holds the copies the guide shows, refreshed by hand after looking at them. */
const screenshots = join(repoRoot, 'screenshots', 'workbench');
const supervisorKey = join(repoRoot, 'sample-keys/demo-S04.agekey');
/** The client's personal data typed into the form: none of it may reach a file, a log or a URL. */
const client = { name: '柏青禾测试', phone: '13987654321', address: '东湖街道试验路17号', relative: '柏云舒测试' };

let demo: string;
let browser: Browser;
let worker: RunningWorkbench;
let supervisor: RunningWorkbench;
const urls: string[] = [];
let baselineErrors: string[];

const swaJson = async (...args: string[]) => JSON.parse((await runSwa([...args, '--root', demo, '--today', today, '--json'], repoRoot)).stdout);
const errorsOf = (check: { findings: { severity: string; rule: string; record: string | null }[] }) => check.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.record}`);

beforeAll(async () => {
  demo = join(await mkdtemp(join(tmpdir(), 'swa-workbench-')), 'demo');
  const made = await runSwa(['demo', '--out', demo], repoRoot);
  expect(made.code).toBe(0);
  // What npm start prints: how to open the workbench as the demo's worker and supervisor, as done below.
  expect(made.stdout).toContain(`GIT_AUTHOR_EMAIL=${staff.worker.email} npx swa workbench --root ${demo}`);
  expect(made.stdout).toContain(`GIT_AUTHOR_EMAIL=${staff.supervisor.email} npx swa workbench --root ${demo} --identity sample-keys/demo-S04.agekey`);
  baselineErrors = errorsOf(await swaJson('check'));
  worker = await startWorkbench(demo, staff.worker, `${today}T10:00:00+08:00`, ['--today', today]);
  supervisor = await startWorkbench(demo, staff.supervisor, `${today}T15:00:00+08:00`, ['--today', today, '--identity', supervisorKey]);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await supervisor?.stop();
});

/** A browser page logged in to one workbench through the address it printed; every URL it requests is kept. */
async function open(server: RunningWorkbench, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(server.url);
  expect(page.url()).toBe(`${server.origin}/`);
  return page;
}

/**
 * Screenshots of the page at 1280 and 390 px for the guide: the whole page, or, with `focus`, the
 * screen around that element (a long form is shown where its findings are).
 */
async function shoot(page: Page, name: string, focus?: string): Promise<void> {
  const take = async (p: Page, width: number) => {
    if (focus) await p.locator(focus).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await p.screenshot({ path: join(screenshots, `workbench-${name}-${width}.png`), fullPage: !focus });
  };
  await take(page, page.viewportSize()?.width ?? 1280);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', storageState: await page.context().storageState() });
  const small = await phone.newPage();
  small.on('request', (request) => urls.push(request.url()));
  await small.goto(page.url());
  await take(small, 390);
  await phone.close();
}

/** Fills in a new case through the forms: the client's data, the required forms and a plan, but no consent. */
async function createCase(page: Page, title: string): Promise<string> {
  await page.click('text=新建记录');
  await page.click('text=新建个案记录');
  await page.fill('[name="client.name"]', client.name);
  await page.fill('[name="client.phone"]', client.phone);
  await page.fill('[name="client.address"]', client.address);
  await page.click('[data-rows="client.relatives"] [data-add-row]');
  await page.fill('[name="client.relatives.0.name"]', client.relative);
  await page.fill('[name="client.relatives.0.relation"]', '母亲');
  await page.fill('[name="title"]', title);
  await page.selectOption('[name="category"]', { index: 1 });
  await page.selectOption('[name="profile.gender"]', '女');
  await page.fill('[name="profile.ageBand"]', '13-17');
  await page.fill('[name="profile.district"]', '东湖街道');
  await page.fill('[name="basicInfo.date"]', '2026-11-27');
  await page.selectOption('[name="basicInfo.source"]', '主动求助');
  await page.fill('[name="basicInfo.presentingIssue"]', '学业压力大，与家人沟通困难');
  await page.fill('[name="intake.date"]', '2026-11-27');
  await page.fill('[name="intake.initialAssessment"]', '情绪低落，有求助意愿');
  // The consent's date and signer, but the box that says it is signed left unticked.
  await page.fill('[name="consent.date"]', '2026-11-27');
  await page.selectOption('[name="consent.signedBy"]', '本人');
  // Live before the first save: the draft is checked as swa check would check it, and nothing is written yet.
  await expect.poll(() => page.textContent('#section-consent'), { timeout: 20_000 }).toContain('同意书须已签署');
  await shoot(page, 'new', '[name="client.name"]');
  await page.click('button:has-text("保存为新的个案记录")');
  await page.waitForURL(/\/record\/cases\/2026-\d{4}/);
  return /\/record\/(cases\/2026-\d{4})/.exec(page.url())?.[1] as string;
}

/** The finding beside the consent says it is not signed: ticking the box clears it, live, and the case is submitted. */
async function consentAndSubmit(page: Page): Promise<void> {
  const consentFindings = () => page.textContent('#section-consent');
  expect(await consentFindings()).toContain('同意书须已签署');
  expect(await page.textContent('[data-summary]')).toContain('1 个错误');
  await page.check('input[type=checkbox][name="consent.signed"]');
  await expect.poll(consentFindings, { timeout: 20_000 }).not.toContain('同意书须已签署');
  expect(await page.textContent('[data-summary]')).toContain('检查通过');
  await Promise.all([page.waitForNavigation(), page.click('[data-submit]')]);
  expect(await page.$$eval('.flash.error', (els) => els.map((e) => e.textContent))).toEqual([]);
  expect(page.url()).toBe(`${worker.origin}/?done=submitted`);
}

describe('the workbench, a worker and a supervisor in real Chromium on the demo repository', () => {
  it('creates a case with its client data, is told the consent is not signed and fixes it, submits; the supervisor reviews the field diff and approves', async () => {
    const page = await open(worker);
    expect(await page.textContent('[data-me]')).toContain('陈一禾 S05');
    const id = await createCase(page, '学业压力个案');
    // The worker holds no key: the client section is sealed, and says who can open it.
    expect(await page.textContent('[data-sealed-notice]')).toContain('许慕言');
    await shoot(page, 'form', '#section-consent');
    await consentAndSubmit(page);
    expect(await page.textContent(`[data-record="${id}"]`)).toContain('等待审批：接案审批');

    const review = await open(supervisor);
    expect(await review.textContent('[data-me]')).toContain('许慕言 S04');
    await review.click('text=等待审批');
    const rows = await review.$$eval('[data-waiting]', (els) => els.map((e) => (e as HTMLElement).dataset.waiting));
    expect(rows).toContain(id);
    await shoot(review, 'approvals');
    await review.click(`[data-waiting="${id}"] a`);
    const changes = (await review.textContent('main')) ?? '';
    expect(changes).toContain('标题');
    expect(changes).toContain('学业压力个案');
    expect(changes).toContain('已签署');
    // The supervisor's key opens the client block: the personal data is part of the field diff, on the page only.
    expect(changes).toContain(client.name);
    await shoot(review, 'review');
    await review.click('[data-approve]');
    await review.waitForURL(`${supervisor.origin}/approvals?done=approved`);
    expect(await review.$$eval('[data-waiting]', (els) => els.map((e) => (e as HTMLElement).dataset.waiting))).not.toContain(id);

    const check = await swaJson('check');
    expect(errorsOf(check)).toEqual(baselineErrors);
    const log = (await swaJson('log', id)) as { kind: string; stage: string; by: string }[];
    expect(log.filter((e) => e.kind === 'approved').map((e) => [e.stage, e.by])).toEqual([['intake', 'S04']]);
    expect(log.some((e) => e.kind === 'invalid-approval')).toBe(false);

    await page.goto(`${worker.origin}/`);
    expect(await page.textContent(`[data-record="${id}"]`)).toContain('已批准：接案审批');
    await shoot(page, 'home');
  }, 300_000);

  it('a second case is rejected with a reason, and the worker sees the reason', async () => {
    const page = await open(worker);
    const id = await createCase(page, '亲子沟通个案');
    await consentAndSubmit(page);
    const review = await open(supervisor);
    await review.goto(`${supervisor.origin}/review/${id}`);
    await review.fill('[name="reason"]', '初步评估过于简略，请补充家庭情况');
    await review.click('[data-reject]');
    await review.waitForURL(`${supervisor.origin}/approvals?done=rejected`);
    await page.goto(`${worker.origin}/`);
    expect(await page.textContent(`[data-record="${id}"]`)).toContain('初步评估过于简略，请补充家庭情况');
    await page.click(`[data-record="${id}"] a`);
    expect(await page.textContent('[data-standing]')).toContain('已退回');
  }, 300_000);

  it('wrote no plaintext client value to disk, to either server log, or into any URL', async () => {
    const values = Object.values(client);
    const files = await readdir(demo, { recursive: true, withFileTypes: true });
    for (const file of files.filter((f) => f.isFile())) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      for (const value of values) expect(text.includes(value), `${join(file.parentPath, file.name)} holds a client value`).toBe(false);
    }
    const objects = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: demo, maxBuffer: 512 * 1024 * 1024 }).toString('utf8');
    for (const value of values) expect(objects.includes(value), 'a git object holds a client value').toBe(false);
    const logs = `${worker.log()}\n${supervisor.log()}`;
    expect(logs).toMatch(/POST \/record\/cases\/2026-\d{4}\/submit 303/);
    for (const line of logs.split('\n').filter(Boolean)) expect(line).toMatch(/^(GET|POST) \/[^\s?]* \d{3}$/);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) for (const value of [...values, ...values.map(encodeURIComponent)]) expect(url.includes(value)).toBe(false);
  });
});
