import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { blankDocument, blankPage } from '../../src/print/blank-form.ts';
import { filledPage } from '../../src/print/filled-form.ts';
import { formDefinitions, formNamed, formsOf, printableKinds } from '../../src/print/forms.ts';
import { printable, recordDocument } from '../../src/print/record-document.ts';
import { printHtml } from '../../src/print/render-html.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { fixtureRoot } from '../helpers/fixture.ts';
import { repoRoot } from '../helpers/run-swa.ts';

async function model(internal = false, root = fixtureRoot) {
  const check = checkArchive(await readArchiveFiles(root), '2026-11-29');
  return siteModel(check.context!, null, check.findings, internal);
}

describe('printed forms', () => {
  it('every form of every kind is drawn from fields its schema has, blank and filled', async () => {
    // The fixture has no supervision record; the sample archive has.
    const records = [...(await model()).records, ...(await model(false, repoRoot)).records];
    for (const kind of printableKinds) {
      const record = records.filter(printable).find((r) => r.kind === kind)!;
      expect(formsOf(kind).length).toBeGreaterThan(0);
      for (const form of formsOf(kind)) {
        expect(filledPage(form, record).blocks.length, form.key).toBeGreaterThan(0);
      }
    }
    for (const form of formDefinitions) expect(blankPage(form).blocks.length, form.key).toBeGreaterThan(0);
  });

  it('a blank form leaves space to write in and boxes to tick, from the schema labels', () => {
    const page = blankPage(formNamed('接受个案服务同意书')!);
    expect(page.blocks[0]?.fields).toEqual([
      { label: '已签署', value: null, choices: ['是', '否'] },
      { label: '签署日期', value: null, date: true },
      { label: '签署人', value: null, choices: ['本人', '监护人'] },
    ]);
    expect(page.facts.every((f) => f.value === null)).toBe(true);
    const registration = blankPage(formNamed('registration')!);
    expect(registration.blocks.at(-1)?.table).toMatchObject({ columns: expect.arrayContaining(['姓名', '本人或监护人签名']), rows: [], blankRows: 16 });
  });

  it('a filled attendance sheet shows only the attendance columns of the sessions (点名表)', async () => {
    const group = (await model()).records.filter(printable).find((r) => r.id === 'groups/2026-0001')!;
    const table = filledPage(formNamed('attendance')!, group).blocks[0]?.table;
    expect(table?.columns).toEqual(['日期', '出席人数', '志愿者人数']);
    expect(table?.rows.length).toBeGreaterThan(0);
  });

  it('a de-identified basic-info form has the pseudonym and a note where the personal data would be [G-CONFIDENTIAL]', async () => {
    const site = await model();
    const record = site.records.filter(printable).find((r) => r.id === 'cases/2026-0001')!;
    const client = filledPage(formNamed('basic-info')!, record).blocks[0]!;
    expect(client.fields).toEqual([{ label: '服务对象', value: record.pseudonym }]);
    expect(client.note).toContain('去标识版本');
  });

  it('refuses a form the record does not hold and a cover before archiving', async () => {
    const site = await model();
    const group = site.records.find((r) => r.kind === 'group')!;
    expect(() => recordDocument(site, group, { form: 'consent' })).toThrow(/没有「接受个案服务同意书」/);
    const open = site.records.find((r) => r.kind === 'case' && r.archiveNo === null)!;
    expect(() => recordDocument(site, open, { cover: true })).toThrow(/尚未存档/);
  });

  it('a supervision record (督导记录表, 第六章第四条.1) prints as a form: blank with its head to write in, filled with a signature line for the supervisor and each supervisee and one for the reviewing business lead', async () => {
    const form = formNamed('督导记录表')!;
    expect(formsOf('supervision')).toEqual([form]);
    const blank = blankPage(form);
    expect(blank.facts.map((f) => f.label)).toEqual(['档案编号', '记录编号', '标题', '所属岗位', '督导日期', '时长（小时）', '督导', '被督导社工', '督导方式']);
    expect(blank.facts.find((f) => f.label === '督导方式')).toEqual({ label: '督导方式', value: null, choices: ['个别督导', '小组督导', '现场督导'] });
    expect(blank.facts.find((f) => f.label === '被督导社工')).toEqual({ label: '被督导社工', value: null, lines: 1 });
    expect(blank.signatures).toEqual(['督导', '被督导社工', '机构业务负责人（审阅）']);
    expect(blank.blocks.flatMap((b) => b.heading ?? b.fields.map((f) => f.label))).toEqual(['督导主题', '讨论的记录', '督导意见', '上次跟进事项完成情况', '跟进事项']);

    const site = await model(false, repoRoot);
    const record = site.records.filter(printable).find((r) => r.id === 'supervision/2026-0002')!;
    const filled = filledPage(form, record);
    expect(filled.signatures).toEqual([`督导（${record.workerName}）`, '被督导社工（陈一禾）', '机构业务负责人（审阅）']);
    expect(filled.facts).toEqual(expect.arrayContaining([{ label: '记录编号', value: 'supervision/2026-0002' }, { label: '督导方式', value: '现场督导' }]));
    // A group session (小组督导): every supervisee signs.
    const group = { ...record, meta: record.meta.map((m) => (m.label === '被督导社工' ? { ...m, value: [{ text: '陈一禾', code: 'S05' }, { text: '、' }, { text: '吴桐', code: 'S06' }] } : m)) };
    expect(filledPage(form, group).signatures).toEqual([`督导（${record.workerName}）`, '被督导社工（陈一禾）', '被督导社工（吴桐）', '机构业务负责人（审阅）']);
    expect(filled.blocks.flatMap((b) => b.fields.map((f) => f.value)).join('')).toContain(record.sections.find((s) => s.key === 'advice')!.fields[0]!.value[0]!.text);
  });

  it('has no archive-bag cover for a supervision record, which has no bag of its own', async () => {
    const site = await model(false, repoRoot);
    const record = site.records.find((r) => r.kind === 'supervision')!;
    expect(record.cover).toBeNull();
    expect(() => recordDocument(site, record, { cover: true })).toThrow(/督导记录没有自己的档案袋/);
  });

  it('escapes what it prints, in the HTML and in the CSS of the page head', () => {
    const html = printHtml(blankDocument('<b>"机构"</b>', formNamed('consent')!));
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&quot;机构&quot;&lt;/b&gt;');
    expect(html).toContain('@top-left { content: "\\3c b>\\"机构\\"\\3c /b>"');
  });
});
