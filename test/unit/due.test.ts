import { describe, expect, it } from 'vitest';
import { dueList } from '../../src/archive/due.ts';
import { checkArchive } from '../../src/check/check-archive.ts';
import { fixtureFiles, paths, replaceOnce, textOf, withFile } from '../helpers/fixture.ts';

const contextOf = async (edit: (files: Awaited<ReturnType<typeof fixtureFiles>>) => Awaited<ReturnType<typeof fixtureFiles>>, today: string) => {
  const { context } = checkArchive(edit(await fixtureFiles()), today);
  if (!context) throw new Error('fixture context');
  return context;
};

const summary = (items: ReturnType<typeof dueList>) => items.map((o) => [o.rule, o.record, o.deadline, o.who.join('/'), o.overdue]);

describe('the due list', () => {
  it('lists a follow-up 90 days after closing: due, then overdue', async () => {
    const noFollowUp = (files: Awaited<ReturnType<typeof fixtureFiles>>) =>
      withFile(files, paths.closedCase, replaceOnce(textOf(files, paths.closedCase), 'followUps:\n  - { date: 2026-10-15, summary: 居家安全情况稳定 }\n', ''));
    const before = await contextOf(noFollowUp, '2026-11-27');
    expect(summary(dueList(before, null))).toEqual([['C-FOLLOW-UP', 'cases/2026-0002', '2026-11-28', 'S06', false]]);
    const after = await contextOf(noFollowUp, '2026-11-29');
    expect(summary(dueList(after, null))).toEqual([['C-FOLLOW-UP', 'cases/2026-0002', '2026-11-28', 'S06', true]]);
  });

  it('lists a report due three days after the last session, and the supervisor\'s comment', async () => {
    const ctx = await contextOf((files) => {
      const group = textOf(files, paths.group)
        .replace('archiveNo: QSN-XZ-001-202606\n', '')
        .replace(/\nsupervisorComment:[\s\S]*?\n---/, '\n---');
      return withFile(files, paths.group, group);
    }, '2026-06-01');
    const items = summary(dueList(ctx, null)).filter(([, record]) => record === 'groups/2026-0001');
    expect(items).toEqual([
      ['GR-SESSION', 'groups/2026-0001', '2026-06-02', 'S04', false],
      ['GR-REPORT-3D', 'groups/2026-0001', '2026-06-02', 'S05', false],
    ]);
  });

  it('lists a past scheduled session without its record', async () => {
    const ctx = await contextOf((files) => {
      const group = replaceOnce(
        replaceOnce(textOf(files, paths.group), '  - { date: 2026-05-30, attendance: 12, volunteers: 2, summary: 回顾收获，颁发结业证书 }\n', ''),
        'archiveNo: QSN-XZ-001-202606\n',
        '',
      ).replace(/\nfeedback:[\s\S]*?\n---/, '\n---');
      return withFile(files, paths.group, group);
    }, '2026-06-03');
    expect(summary(dueList(ctx, null)).filter(([rule]) => rule === 'GR-SESSION')).toEqual([['GR-SESSION', 'groups/2026-0001', '2026-06-01', 'S05', true]]);
  });

  it('lists the quarterly handover of a case closed at a post that cannot store files', async () => {
    const ctx = await contextOf((files) => files.filter((f) => f.path !== paths.handover), '2026-09-29');
    expect(summary(dueList(ctx, null)).filter(([rule]) => rule === 'C-QUARTERLY-HANDOVER')).toEqual([
      ['C-QUARTERLY-HANDOVER', 'cases/2026-0002', '2026-09-30', 'S06', false],
    ]);
  });

  it("lists a supervision follow-up until its owner's next session reviews it, for the supervisor, without a deadline [SV-FOLLOW-UP]", async () => {
    const session = (n: string, date: string, extra: string) =>
      `---\nid: supervision/2026-${n}\ntitle: 个案记录的个别督导\ncategory: QSN\npost: P01\ndate: ${date}\nhours: 1\nsupervisor: S04\nsupervisees: [S05]\nmode: 个别督导\ntopics: [个案记录的写法]\nadvice: [面谈后两天内记录]\n${extra}---\n`;
    const first = session('0001', '2026-09-15', 'followUps:\n  - { action: 补写十月的面谈记录, owner: S05 }\n');
    const next = session('0002', '2026-10-20', 'previousFollowUps:\n  - { action: 补写十月的面谈记录, owner: S05, done: true }\n');
    const open = await contextOf((files) => withFile(files, 'content/supervision/2026/0001.md', first), '2026-10-01');
    expect(summary(dueList(open, null)).filter(([rule]) => rule === 'SV-FOLLOW-UP')).toEqual([['SV-FOLLOW-UP', 'supervision/2026-0001', null, 'S04', false]]);
    expect(dueList(open, null).find((o) => o.rule === 'SV-FOLLOW-UP')?.what).toContain('补写十月的面谈记录');
    // Months later, still no deadline, so never overdue.
    const late = await contextOf((files) => withFile(files, 'content/supervision/2026/0001.md', first), '2027-06-01');
    expect(summary(dueList(late, null)).filter(([rule]) => rule === 'SV-FOLLOW-UP')).toEqual([['SV-FOLLOW-UP', 'supervision/2026-0001', null, 'S04', false]]);
    const reviewed = await contextOf((files) => withFile(withFile(files, 'content/supervision/2026/0001.md', first), 'content/supervision/2026/0002.md', next), '2026-10-21');
    expect(summary(dueList(reviewed, null)).filter(([rule]) => rule === 'SV-FOLLOW-UP')).toEqual([]);
    expect(checkArchive(withFile(withFile(await fixtureFiles(), 'content/supervision/2026/0001.md', first), 'content/supervision/2026/0002.md', next), '2026-10-21').findings.filter((f) => f.record?.startsWith('supervision/'))).toEqual([]);
  });

  it('lists archived records past their retention for the business lead, and deletes nothing', async () => {
    const retention = (today: string) =>
      contextOf((files) => files, today).then((ctx) => summary(dueList(ctx, null)).filter(([rule]) => rule === 'RETENTION'));
    // archive.yaml: cases 15 years, everything else 10, from the archive month.
    expect(await retention('2036-05-31')).toEqual([]);
    expect(await retention('2041-06-02')).toEqual([
      ['RETENTION', 'groups/2026-0001', '2036-06-01', 'S02', true],
      ['RETENTION', 'community/2026-0001', '2036-07-01', 'S02', true],
      ['RETENTION', 'cases/2026-0001', '2041-06-01', 'S02', true],
    ]);
  });
});
