import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { siteModel, type RecordView } from '../../src/site/site-model.ts';
import { plainText } from '../../src/site/value-parts.ts';
import { fixtureRoot, withFile } from '../helpers/fixture.ts';
import { supervisionText } from '../helpers/records.ts';

/** The fixture archive's record views, with one supervision session added. */
async function views(): Promise<Map<string, RecordView>> {
  const files = withFile(await readArchiveFiles(fixtureRoot), 'content/supervision/2026/0001.md', supervisionText({ supervisees: ['S05', 'S08'] }));
  const check = checkArchive(files, '2026-12-01');
  return new Map(siteModel(check.context!, null, check.findings, false).records.map((r) => [r.id, r]));
}

const field = (record: RecordView, section: string, label: string) =>
  record.sections.find((s) => s.key === section)?.fields.find((f) => f.label === label);

describe('what a reader sees on a record page', () => {
  it('names staff and posts (codes in small type), never a bare code', async () => {
    const group = (await views()).get('groups/2026-0001')!;
    expect(field(group, 'funding', '财务负责人')?.value).toEqual([{ text: '周嘉禾', code: 'S03' }]);
    expect(group.meta.map((m) => [m.label, plainText(m.value)])).toEqual([
      ['', '小组'],
      ['', '青少年'],
      ['', '已存档'],
      ['负责社工', '陈一禾'],
      ['所属岗位', '东湖街道社工站'],
      ['开始日期', '2026-04-01'],
    ]);
  });

  it('shows the budget and the programme as tables, not one run-on line', async () => {
    const group = (await views()).get('groups/2026-0001')!;
    expect(field(group, 'plan', '财政预算表')?.table).toEqual({
      keys: ['item', 'amount'],
      columns: ['项目', '金额（元）'],
      rows: [
        [[{ text: '文具与手工材料' }], [{ text: '300' }]],
        [[{ text: '小组结业证书印制' }], [{ text: '80' }]],
      ],
    });
    expect(field(group, 'plan', '程序安排表')?.table?.rows.length).toBe(4);
  });

  it('gives an audit a title that does not repeat its id, no empty header slot, the auditor as 抽查人 and a link to what was audited', async () => {
    const audit = (await views()).get('audits/2026-0001')!;
    expect(audit.title).toBe('抽查 groups/2026-0001');
    expect(audit.meta.map((m) => [m.label, m.value])).toEqual([
      ['', [{ text: '抽查' }]],
      ['', [{ text: '已抽查' }]],
      ['抽查对象', [{ text: 'groups/2026-0001', slug: 'groups-2026-0001' }]],
      ['抽查人', [{ text: '韩素青', code: 'S02' }]],
      ['抽查日期', [{ text: '2026-07-15' }]],
    ]);
  });

  it('gives a handover its quarter and post as title, and links the cases handed over', async () => {
    const handover = (await views()).get('handovers/2026-0001')!;
    expect(handover.title).toBe('2026Q3 季度移交（西岭镇社工站）');
    expect(handover.meta.map((m) => m.label)).toEqual(['', '', '移交社工', '接收人', '岗位', '移交日期']);
    expect(field(handover, 'cases', '移交个案')?.value).toEqual([{ text: 'cases/2026-0002', slug: 'cases-2026-0002' }]);
  });

  it('gives a supervision record its supervisor, supervisees, mode and hours in the header, and links the records discussed', async () => {
    const session = (await views()).get('supervision/2026-0001')!;
    expect(session.title).toBe('测试督导');
    expect(session.meta.map((m) => [m.label, plainText(m.value)])).toEqual([
      ['', '督导'],
      ['', '青少年'],
      ['', '已督导'],
      ['督导', '许慕言'],
      ['被督导社工', '陈一禾、唐思远'],
      ['督导方式', '个别督导'],
      ['时长（小时）', '1.5'],
      ['所属岗位', '东湖街道社工站'],
      ['督导日期', '2026-09-15'],
    ]);
    expect(field(session, 'recordsDiscussed', '讨论的记录')?.value).toEqual([{ text: 'cases/2026-0001', slug: 'cases-2026-0001' }]);
    expect(session.nature).toBe('督导');
  });
});
