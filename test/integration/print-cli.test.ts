import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { blockOpener } from '../../src/privacy/client-block.ts';
import { readIdentities } from '../../src/privacy/identities.ts';
import { openBlocks, openedClients } from '../../src/privacy/open-blocks.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { caseArchiveItems } from '../../src/rules/case.ts';
import type { CaseRecord } from '../../src/schemas/case.ts';
import { blankDocument } from '../../src/print/blank-form.ts';
import { formDefinitions } from '../../src/print/forms.ts';
import { printable, recordDocument } from '../../src/print/record-document.ts';
import { printHtml } from '../../src/print/render-html.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { launchChromium } from '../helpers/browser.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';

const run = promisify(execFile);
/** Where the PNGs of the printed pages are kept, to be looked at (README links them). */
const pictures = join(repoRoot, 'docs/print');
const today = '2026-11-29';
const organisation = '明溪社会工作服务中心（虚构）';
const demoKey = join(repoRoot, 'sample-keys/demo-S04.agekey');

let dir: string;
/** The sample's clients' personal values, opened with the bundled demo key: what a public print must never hold. */
let personal: string[];

/** A copy of the sample archive's content/ (no history: the prints need none). */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'swa-print-'));
  await cp(join(repoRoot, 'content'), join(dir, 'content'), { recursive: true });
  await mkdir(pictures, { recursive: true });
  const sample = checkArchive(await readArchiveFiles(repoRoot), today);
  const clients = openedClients(await openBlocks(sample.parsed, blockOpener(await readIdentities(demoKey))));
  const values = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(values) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, f]) => (k === 'relation' ? [] : values(f))) : []);
  personal = [...clients.values()].flatMap(values).filter((v) => v.length >= 4);
  expect(personal.length).toBeGreaterThan(20);
});

interface Printed {
  pages: string[];
  size: string;
}

/** Page count and size (pdfinfo) and each page's text (pdftotext, pages split at form feeds). */
async function readPdf(file: string): Promise<Printed> {
  const info = (await run('pdfinfo', [file])).stdout;
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '';
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
  const pages = text.split('\f').slice(0, count);
  expect(pages).toHaveLength(count);
  return { pages, size };
}

/** Each page as a PNG under docs/print/ (pdftoppm), checked to be A4-shaped. */
async function pictures_(file: string, name: string, pages: number): Promise<string[]> {
  const made: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const prefix = join(pictures, pages === 1 ? name : `${name}-${page}`);
    await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
    const png = await readFile(`${prefix}.png`);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(height / width).toBeCloseTo(297 / 210, 2);
    made.push(`${prefix}.png`);
  }
  return made;
}

/** Blank forms that are handed out and signed as one sheet. */
const signedOnOneSheet = new Set(['consent', 'registration', 'attendance', 'feedback', 'closing-form', 'closing-evaluation']);
const a4 = /^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/;
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function swaPrint(args: string[], out: string): Promise<Printed> {
  const result = await runSwa(['print', ...args, '--root', dir, '--today', today, '--out', out], dir);
  expect(result.stderr.replace(/注意：此 PDF 含服务对象的个人资料.*\n?/, '')).toBe('');
  expect(result.code).toBe(0);
  return readPdf(out);
}

/** Every page carries the organisation's name, the archive number (or its line) and 第 N 页 共 M 页. */
function expectPageHeads(printed: Printed, archiveNo: string | null): void {
  printed.pages.forEach((page, i) => {
    const text = squeeze(page);
    expect(text).toContain(squeeze(organisation));
    expect(text).toContain(archiveNo ? `档案编号：${archiveNo}` : '档案编号：');
    expect(text).toContain(`第${i + 1}页共${printed.pages.length}页`);
  });
}

describe('swa print: the paper side of the archive, A4 through headless Chromium', () => {
  it('a blank consent form (接受个案服务同意书): one A4 page with the statement, boxes to tick and signature and date lines', async () => {
    const out = join(dir, 'blank-consent.pdf');
    const printed = await swaPrint(['--blank', 'consent'], out);
    expect(printed.pages).toHaveLength(1);
    expect(printed.size).toMatch(a4);
    expectPageHeads(printed, null);
    const text = squeeze(printed.pages[0] as string);
    for (const words of ['接受个案服务同意书', '除紧急危机情况外', '□本人□监护人', '服务对象或监护人签名', '负责社工签名', '日期：年月日']) expect(text).toContain(words);
    await pictures_(out, 'blank-consent', 1);
  });

  it('a filled group attendance sheet (点名表), internal: a long table breaks between rows, its head repeated on every page', async () => {
    // A year of weekly sessions: more rows than one page holds.
    const file = join(dir, 'content/groups/2026/0001.md');
    const text = await readFile(file, 'utf8');
    const dates = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 4, 9 + 7 * i)).toISOString().slice(0, 10));
    const sessions = dates.map((d, i) => `  - { date: ${d}, attendance: ${10 + (i % 3)}, volunteers: ${i % 2 + 1}, summary: 第${i + 1}节集会 }`).join('\n');
    await writeFile(file, text.replace(/^sessions:\n(?: {2}- .*\n)+/m, `sessions:\n${sessions}\n`));

    const out = join(dir, 'attendance-internal.pdf');
    const printed = await swaPrint(['groups/2026-0001', '--form', 'attendance', '--identity', demoKey], out);
    expect(printed.pages.length).toBeGreaterThanOrEqual(2);
    expect(printed.size).toMatch(a4);
    expectPageHeads(printed, 'QSN-XZ-001-202606');
    for (const page of printed.pages) {
      expect(squeeze(page)).toContain('内部资料');
      expect(page).toMatch(/序号\s+日期\s+出席人数\s+志愿者人数/);
    }
    // Every session once, none cut in two or lost at a page break.
    const all = printed.pages.join('\n');
    for (const d of dates) expect(all.split(d).length - 1).toBe(1);
    expect(squeeze(printed.pages[0] as string)).toContain('小组点名表');
    expect(squeeze(printed.pages.at(-1) as string)).toContain('负责社工签名');
    await pictures_(out, 'attendance-internal', printed.pages.length);
  });

  it('an archive-bag cover (档案袋封面): number, title, worker, dates, retention, and a box for every item C-ARCHIVE-COMPLETE asks for', async () => {
    const out = join(dir, 'cover.pdf');
    const printed = await swaPrint(['cases/2026-0001', '--cover'], out);
    expect(printed.pages).toHaveLength(1);
    expect(printed.size).toMatch(a4);
    expectPageHeads(printed, 'QSN-GA-001-202606');
    const text = squeeze(printed.pages[0] as string);
    for (const words of ['档案袋封面', '初中生学业压力与亲子沟通个案', '陈一禾', '2026-03-02', '2026-05-22', '15年', '2026年06月']) expect(text).toContain(words);
    const { parsed } = checkArchive(await readArchiveFiles(dir), today);
    const record = parsed.find((r) => r.id === 'cases/2026-0001');
    const items = caseArchiveItems(record?.data as CaseRecord);
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const item of items) expect(text).toContain(squeeze(`${item.label}${item.present ? '有' : '缺'}□`));
    await pictures_(out, 'cover', 1);
  });

  it('a supervision record (督导记录表), archived: A4, the archive number and the organisation on every page, signature lines for the supervisor, the supervisee and the reviewing business lead; blank too', async () => {
    const file = join(dir, 'content/supervision/2026/0001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^mode: .*$/m, (line) => `${line}\narchiveNo: QSN-DD-001-202609`));
    const out = join(dir, 'supervision.pdf');
    const printed = await swaPrint(['supervision/2026-0001'], out);
    expect(printed.pages).toHaveLength(1);
    expect(printed.size).toMatch(a4);
    expectPageHeads(printed, 'QSN-DD-001-202609');
    const text = squeeze(printed.pages.join(''));
    for (const words of ['督导记录表', '个别督导', '1.5', 'cases/2026-0004', '交接后与接手社工约定一次三方会谈', '督导（', '被督导社工（陈一禾）签名', '机构业务负责人（审阅）签名']) expect(text).toContain(words);
    await pictures_(out, 'supervision', 1);

    const blank = await swaPrint(['--blank', 'supervision'], join(dir, 'blank-supervision.pdf'));
    expect(blank.size).toMatch(a4);
    expect(blank.pages.length).toBeLessThanOrEqual(2);
    expectPageHeads(blank, null);
    const blankText = squeeze(blank.pages.join(''));
    for (const words of ['督导记录表', '□个别督导□小组督导□现场督导', '督导签名', '被督导社工签名', '机构业务负责人（审阅）签名']) expect(blankText).toContain(words);

    const cover = await runSwa(['print', 'supervision/2026-0001', '--cover', '--root', dir, '--today', today], dir);
    expect(cover.code).toBe(1);
    expect(cover.stderr).toContain('督导记录没有自己的档案袋');
  });

  it('prints a client personal data only with a key: the public print shows the pseudonym, the internal one the name [G-CONFIDENTIAL]', async () => {
    const publicPrint = await swaPrint(['cases/2026-0001'], join(dir, 'case-public.pdf'));
    const internalPrint = await swaPrint(['cases/2026-0001', '--identity', demoKey], join(dir, 'case-internal.pdf'));
    expect(publicPrint.pages.length).toBeGreaterThanOrEqual(12);
    expectPageHeads(publicPrint, 'QSN-GA-001-202606');
    const publicText = squeeze(publicPrint.pages.join(''));
    expect(personal.filter((v) => publicText.includes(squeeze(v)))).toEqual([]);
    expect(publicText).toContain('去标识版本');
    const internalText = squeeze(internalPrint.pages.join(''));
    expect(personal.filter((v) => internalText.includes(squeeze(v))).length).toBeGreaterThan(0);
  });

  it('lists the forms, and says what is wrong with an unknown one or a cover before archiving', async () => {
    const list = await runSwa(['print', '--blank', 'list'], dir);
    expect(list.code).toBe(0);
    for (const words of ['consent', '接受个案服务同意书', 'attendance', '小组 / 活动点名表', 'financial-report']) expect(list.stdout).toContain(words);
    const unknown = await runSwa(['print', '--blank', 'no-such-form', '--root', dir], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('swa print --blank list');
    const open = await runSwa(['print', 'cases/2026-0002', '--cover', '--root', dir, '--today', today], dir);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('尚未存档');
  });

  it('every blank form fits two A4 pages (one for a sheet signed at once), and no printed form of the sample archive is wider than the page', async () => {
    const { context, findings } = checkArchive(await readArchiveFiles(dir), today);
    const model = siteModel(context!, null, findings, false);
    const documents = [
      ...formDefinitions.map((form) => ({ name: `blank ${form.key}`, html: printHtml(blankDocument(organisation, form)), pages: signedOnOneSheet.has(form.key) ? 1 : 2 })),
      ...model.records.filter(printable).map((record) => ({ name: record.id, html: printHtml(recordDocument(model, record, {})), pages: Infinity })),
    ];
    const browser = await launchChromium();
    try {
      // A4 less the 16 mm side margins, at 96 px to the inch.
      const page = await browser.newPage({ viewport: { width: Math.floor(((210 - 32) / 25.4) * 96), height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      const wide: string[] = [];
      const long: string[] = [];
      for (const doc of documents) {
        await page.setContent(doc.html);
        if (await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)) wide.push(doc.name);
        if (doc.pages === Infinity) continue;
        const out = join(dir, 'blank.pdf');
        await writeFile(out, await page.pdf({ preferCSSPageSize: true }));
        if ((await readPdf(out)).pages.length > doc.pages) long.push(doc.name);
      }
      expect(documents.length).toBeGreaterThan(formDefinitions.length + 20);
      expect({ wide, long }).toEqual({ wide: [], long: [] });
    } finally {
      await browser.close();
    }
  });

  it("on a phone's screen (390 px), the print view and the cover keep every label and value wider than a few characters", async () => {
    const { context, findings } = checkArchive(await readArchiveFiles(dir), today);
    const model = siteModel(context!, null, findings, false);
    const record = model.records.find((r) => r.id === 'cases/2026-0001')!;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
      const narrow: string[] = [];
      for (const cover of [false, true]) {
        await page.setContent(printHtml(recordDocument(model, record, { cover })));
        // Every cell of the forms' head and every signature's label: at least four characters wide (10.5 pt).
        const widths = await page.evaluate(() => [...document.querySelectorAll('.facts th, .facts td, .signature .who')].map((e) => [e.textContent ?? '', e.getBoundingClientRect().width] as const));
        expect(widths.length).toBeGreaterThan(10);
        for (const [text, width] of widths) if (width < 56) narrow.push(`${cover ? 'cover' : 'forms'}: ${text.trim()} (${Math.round(width)} px)`);
      }
      expect(narrow).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("the site's print view gives the same pages from the browser's own print, de-identified in the public build", async () => {
    const site = await buildSite({ cwd: dir, today, internal: false, out: join(dir, 'site') });
    const recordPage = await readFile(join(site.out, 'records/cases-2026-0001/index.html'), 'utf8');
    expect(recordPage).toContain('print.html');
    expect(recordPage).toContain('cover.html');
    const supervisionPage = await readFile(join(site.out, 'records/supervision-2026-0002/index.html'), 'utf8');
    expect(supervisionPage).toContain('print.html');
    expect(supervisionPage).not.toContain('cover.html');
    expect(await readFile(join(site.out, 'records/supervision-2026-0002/print.html'), 'utf8')).toContain('督导记录表');
    const printView = await readFile(join(site.out, 'records/cases-2026-0001/print.html'), 'utf8');
    expect(printView).toContain('案主');
    expect(personal.filter((v) => printView.includes(v))).toEqual([]);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(site.out, 'records/cases-2026-0001/print.html')}`);
      const out = join(dir, 'browser-print.pdf');
      await writeFile(out, await page.pdf({ preferCSSPageSize: true }));
      const fromBrowser = await readPdf(out);
      const fromCli = await swaPrint(['cases/2026-0001'], join(dir, 'cli-print.pdf'));
      expect(fromBrowser.size).toMatch(a4);
      expect(fromBrowser.pages.map(squeeze)).toEqual(fromCli.pages.map(squeeze));
    } finally {
      await browser.close();
    }
  });
});
