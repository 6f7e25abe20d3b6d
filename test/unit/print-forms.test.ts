import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { blankDocument, blankPage } from '../../src/print/blank-form.ts';
import { filledPage } from '../../src/print/filled-form.ts';
import { formDefinitions, formNamed, formsOf } from '../../src/print/forms.ts';
import { recordDocument } from '../../src/print/record-document.ts';
import { printHtml } from '../../src/print/render-html.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { serviceKinds } from '../../src/schemas/index.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { fixtureRoot } from '../helpers/fixture.ts';

async function model(internal = false) {
  const check = checkArchive(await readArchiveFiles(fixtureRoot), '2026-11-29');
  return siteModel(check.context!, null, check.findings, internal);
}

describe('printed forms', () => {
  it('every form of every kind is drawn from fields its schema has, blank and filled', async () => {
    const { records } = await model();
    for (const kind of serviceKinds) {
      const record = records.find((r) => r.kind === kind)!;
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
    const group = (await model()).records.find((r) => r.id === 'groups/2026-0001')!;
    const table = filledPage(formNamed('attendance')!, group).blocks[0]?.table;
    expect(table?.columns).toEqual(['日期', '出席人数', '志愿者人数']);
    expect(table?.rows.length).toBeGreaterThan(0);
  });

  it('a de-identified basic-info form has the pseudonym and a note where the personal data would be [G-CONFIDENTIAL]', async () => {
    const site = await model();
    const record = site.records.find((r) => r.id === 'cases/2026-0001')!;
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

  it('escapes what it prints, in the HTML and in the CSS of the page head', () => {
    const html = printHtml(blankDocument('<b>"机构"</b>', formNamed('consent')!));
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&quot;机构&quot;&lt;/b&gt;');
    expect(html).toContain('@top-left { content: "\\3c b>\\"机构\\"\\3c /b>"');
  });
});
