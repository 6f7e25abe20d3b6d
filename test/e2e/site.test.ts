import { mkdir, mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { blockOpener } from '../../src/privacy/client-block.ts';
import { readIdentities } from '../../src/privacy/identities.ts';
import { openBlocks, openedClients } from '../../src/privacy/open-blocks.ts';
import { checkArchive } from '../../src/check/check-archive.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { serveStatic } from '../../src/site/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const screenshots = join(repoRoot, 'screenshots');
let server: Server;
let browser: Browser;
let base: string;
let clientNames: string[];
let demo: string;

beforeAll(async () => {
  demo = join(await mkdtemp(join(tmpdir(), 'swa-e2e-')), 'demo');
  await generateDemo({ source: repoRoot, out: demo, today: '2026-11-29' });
  const { out } = await buildSite({ cwd: demo, today: '2026-11-29', internal: false });
  const sample = checkArchive(await readArchiveFiles(repoRoot), '2026-11-29');
  // The sample's names are encrypted: the bundled demo key opens them, so the test knows what must not show.
  const opened = openedClients(await openBlocks(sample.parsed, blockOpener(await readIdentities(join(repoRoot, 'sample-keys/demo-escrow.agekey')))));
  clientNames = [...opened.values()].flatMap((client) => ((client as { name?: string }).name ? [(client as { name: string }).name] : []));
  expect(clientNames.length).toBeGreaterThan(10);
  server = await serveStatic(out, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  await mkdir(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

async function open(path: string, width = 1200): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}${path}`);
  return page;
}

/** Types a query into the Pagefind UI and returns the result titles once they settle. */
async function search(page: Page, query: string): Promise<{ titles: string[]; total: number }> {
  await page.fill('.pagefind-ui__search-input', query);
  await page.waitForSelector('.pagefind-ui__result-title', { timeout: 15_000 });
  await page.waitForTimeout(600);
  const message = (await page.textContent('.pagefind-ui__message')) ?? '';
  return { titles: await page.$$eval('.pagefind-ui__result-title', (els) => els.map((e) => e.textContent?.trim() ?? '')), total: Number(/\d+/.exec(message)?.[0] ?? NaN) };
}

describe('the demo repository behind npm start', () => {
  it('holds a rejection and its resubmission, waiting submissions, and exactly the planted violations', async () => {
    const repo = await checkRepository(demo, '2026-11-29');
    expect(repo.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.record])).toEqual([
      ['A-UNAPPROVED-CHANGE', 'cases/2025-0001'],
      ['GR-REPORT-3D', 'groups/2026-0004'],
      ['GR-REPORT-3D', 'groups/2026-0004'],
    ]);
    const timeline = timelineOf(repo.history!, 'cases/2025-0001', repo.findings).map((e) => [e.kind, e.stage, e.by]);
    expect(timeline.slice(0, 4)).toEqual([
      ['submitted', 'intake', 'S07'],
      ['rejected', 'intake', 'S04'],
      ['submitted', 'intake', 'S07'],
      ['approved', 'intake', 'S04'],
    ]);
    expect(repo.history!.ledger.pendingBranches.length).toBeGreaterThan(3);
    // The finance lead's key came in by a roster approval: her approvals carry its valid signature.
    const signed = repo.history!.ledger.approvals.flatMap((a, at) => (repo.history!.signatures.get(a.sha)?.status === 'G' ? [{ a, at }] : []));
    expect(signed.map(({ a, at }) => [repo.history!.approverAt(at), a.stage, repo.history!.invalid.has(a.sha)])).toEqual([
      ['S03', 'funding', false],
      ['S03', 'funding', false],
    ]);
    expect(repo.history!.ledger.approvals.find((a) => a.stage === 'roster')?.files).toEqual(['content/staff.yaml']);
  });
});

describe('the archive site in Chromium', () => {
  it('finds referral cases for 转介, showing archive number or id and title, never a client', async () => {
    const page = await open('/search/');
    const { titles, total } = await search(page, '转介');
    expect(total).toBeGreaterThanOrEqual(3);
    expect(titles.some((t) => t.includes('机构内转介'))).toBe(true);
    expect(titles.some((t) => t.startsWith('JD-GA-001-202608'))).toBe(true);
    const html = await page.content();
    expect(clientNames.length).toBeGreaterThan(5);
    expect(clientNames.filter((name) => html.includes(name))).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'search.png'), fullPage: true });
  }, 60_000);

  it('narrows a search with a filter', async () => {
    const page = await open('/search/');
    const filterName = 'summary.pagefind-ui__filter-name:has-text("类型")';
    let before = await search(page, '社工');
    // The filter panel appears once Pagefind has loaded its filter index. On a loaded machine the
    // first results can come before it and the panel waits for the next search: search again.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await page.waitForSelector(filterName, { timeout: 15_000 }).then(() => true, () => false)) break;
      await page.fill('.pagefind-ui__search-input', '');
      before = await search(page, '社工');
    }
    await page.click(filterName);
    await page.click('label[for="类型-小组"]');
    await page.waitForTimeout(800);
    const message = (await page.textContent('.pagefind-ui__message')) ?? '';
    const after = Number(/\d+/.exec(message)?.[0] ?? NaN);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before.total);
    expect(await page.$$eval('.pagefind-ui__result-title', (els) => els.every((e) => /小组/.test(e.textContent ?? '')))).toBe(true);
  }, 120_000);

  it('shows a record with its approval timeline from git and its completeness checklist', async () => {
    const page = await open('/records/cases-2026-0001/');
    expect(await page.textContent('h1')).toBe('QSN-GA-001-202606 初中生学业压力与亲子沟通个案');
    const timeline = await page.$$eval('section.timeline tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(timeline.some((row) => row.includes('批准「接案审批」') && row.includes('许慕言'))).toBe(true);
    expect(timeline.some((row) => row.includes('批准「存档审批」'))).toBe(true);
    const checklist = await page.$$eval('section.checklist li', (items) => items.map((i) => [i.className, i.textContent?.trim()]));
    expect(checklist).toContainEqual(['present', '✓ 接受个案服务同意书']);
    // C-ARCHIVE-COMPLETE's list (第十条.3), the one swa check and the archive-bag cover use; this case has no referral.
    expect(checklist.map(([, text]) => text?.replace(/^[✓✗] /, ''))).toEqual(['接受个案服务同意书', '个案基本资料表', '接案信息表', '个案服务计划书', '个案记录表（至少一次）', '结案报告', '个案结束评估表', '个案附件清单']);
    await page.screenshot({ path: join(screenshots, 'record.png'), fullPage: true });
  }, 60_000);

  it('shows a supervision record with the records discussed as links, approved by the business lead', async () => {
    const page = await open('/records/supervision-2026-0001/');
    expect(await page.textContent('h1')).toBe('supervision/2026-0001 个案交接与结案材料的个别督导');
    expect(await page.$$eval('main a[href*="/records/cases-2026-"]', (links) => links.map((a) => a.textContent))).toEqual(['cases/2026-0004', 'cases/2026-0006']);
    const timeline = await page.$$eval('section.timeline tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(timeline.some((row) => row.includes('批准「督导记录审阅」') && row.includes('韩素青'))).toBe(true);
  }, 60_000);

  it('prints a record without navigation, each form kept whole on A4', async () => {
    const page = await open('/records/groups-2026-0001/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.site-header', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.$eval('section.form', (el) => getComputedStyle(el).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  }, 60_000);

  it('filters the archive index, and shows the dashboard with waiting approvals', async () => {
    const page = await open('/archive/');
    const visible = () => page.$$eval('#archive-table tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
    const all = await visible();
    await page.selectOption('select[name="category"]', '长者');
    const elders = await visible();
    expect(elders).toBeGreaterThan(0);
    expect(elders).toBeLessThan(all);
    await page.screenshot({ path: join(screenshots, 'archive.png'), fullPage: true });

    const dashboard = await open('/');
    expect(await dashboard.textContent('main')).toMatch(/等待审批（[1-9]\d*）/);
    // Project targets as progress bars, the year's monthly figures as charts, supervision hours per worker and quarter.
    const bars = await dashboard.$$eval('section.targets [role=progressbar]', (els) => els.map((e) => [e.getAttribute('aria-label'), Number(e.getAttribute('aria-valuenow')), (e.firstElementChild as HTMLElement).style.width]));
    expect(bars.length).toBeGreaterThan(10);
    expect(bars.every(([, now, width]) => (now as number) >= 0 && (now as number) <= 100 && width === `${now}%`)).toBe(true);
    expect(await dashboard.textContent('section.targets')).toContain('青少年与职工服务热线项目（虚构）（RX-2026）');
    expect(await dashboard.$$eval('.charts svg[role=img]', (els) => els.map((e) => e.getAttribute('aria-label')))).toContain('督导时数（小时），按月');
    expect(await dashboard.textContent('main')).toMatch(/陈一禾\s*2026Q4\s*1\s*2/);
    await dashboard.screenshot({ path: join(screenshots, 'dashboard.png'), fullPage: true });
  }, 60_000);

  it('separates labels from values in search excerpts', async () => {
    const page = await open('/search/');
    await search(page, '焦虑');
    const excerpts = await page.$$eval('.pagefind-ui__result-excerpt', (els) => els.map((e) => e.textContent ?? ''));
    expect(excerpts.some((e) => /日期：\d{4}-\d{2}-\d{2} /.test(e))).toBe(true);
    expect(excerpts.filter((e) => /日期\d{4}-/.test(e))).toEqual([]);
  }, 60_000);
});

describe('the archive site at phone width (390 px)', () => {
  it('keeps every column of the archive index at least as wide as the longest archive number', async () => {
    const page = await open('/archive/', 390);
    const { numberWidth, cellWidths } = await page.$$eval('#archive-table tbody tr', (rows) => {
      const numbers = rows.map((r) => (r.querySelector('td a') as HTMLElement).getBoundingClientRect().width);
      const cells = rows.flatMap((r) => [...r.querySelectorAll('td')].map((td) => td.getBoundingClientRect().width));
      return { numberWidth: Math.max(...numbers), cellWidths: cells };
    });
    expect(numberWidth).toBeGreaterThan(100);
    expect(Math.min(...cellWidths)).toBeGreaterThanOrEqual(numberWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'archive-390.png'), fullPage: true });
  }, 60_000);

  it('never wraps a navigation link inside its word', async () => {
    const page = await open('/', 390);
    const lines = await page.$$eval('.site-header nav a', (links) => links.map((a) => [a.textContent, a.getClientRects().length, Math.round(a.getBoundingClientRect().height)]));
    const height = lines[0]?.[2] as number;
    expect(lines.map(([text, rects, h]) => [text, rects, h === height])).toEqual(lines.map(([text]) => [text, 1, true]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'dashboard-390.png'), fullPage: true });
    const group = await open('/records/groups-2026-0001/', 390);
    expect(await group.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await group.screenshot({ path: join(screenshots, 'group-390.png'), fullPage: true });
    const desktopGroup = await open('/records/groups-2026-0001/');
    await desktopGroup.screenshot({ path: join(screenshots, 'group.png'), fullPage: true });
  }, 60_000);
});
