import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { fixtureFiles, lineContaining, summary, today, withFile } from '../helpers/fixture.ts';
import { supervisionText, type SupervisionOptions } from '../helpers/records.ts';

/** The fixture archive with supervision records supervision/2026-0001, -0002 … added, checked. */
async function checkWith(...records: SupervisionOptions[]) {
  let files = await fixtureFiles();
  const texts = records.map((o, i) => supervisionText({ id: `supervision/2026-000${i + 1}`, ...o }));
  texts.forEach((text, i) => (files = withFile(files, `content/supervision/2026/000${i + 1}.md`, text)));
  return { result: checkArchive(files, today), texts };
}

const agreed = { action: '整理结案材料', owner: 'S05' };
const later = { date: '2026-10-20' };

describe('supervision records', () => {
  it('two sessions, the second reviewing the first one\'s follow-ups, pass', async () => {
    const { result } = await checkWith(
      { followUps: [agreed], archiveNo: 'QSN-DD-001-202609' },
      { ...later, previousFollowUps: [{ ...agreed, done: true }] },
    );
    expect(result.findings).toEqual([]);
    expect(result.parsed.filter((r) => r.kind === 'supervision').map((r) => r.id)).toEqual(['supervision/2026-0001', 'supervision/2026-0002']);
  });

  it('a record discussed that does not exist [SV-RECORD-EXISTS]', async () => {
    const { result, texts } = await checkWith({ recordsDiscussed: ['cases/2026-0001', 'cases/2026-0099'] });
    expect(summary(result)).toEqual([['SV-RECORD-EXISTS', 'error', 'supervision/2026-0001', lineContaining(texts[0] as string, 'cases/2026-0099')]]);
    expect(result.findings[0]?.message).toContain('cases/2026-0099 不存在');
  });

  it('a supervisor who was still a worker that day; the same person after the roster made them one [SV-SUPERVISOR-ROLE]', async () => {
    // S08 is a worker at P01 until 2026-06-30 and its supervisor from 2026-07-01 (staff.yaml).
    const before = await checkWith({ supervisor: 'S08', date: '2026-05-12' });
    expect(summary(before.result)).toEqual([['SV-SUPERVISOR-ROLE', 'error', 'supervision/2026-0001', lineContaining(before.texts[0] as string, 'supervisor:')]]);
    expect(before.result.findings[0]?.message).toContain('S08 在 2026-05-12 不是岗位 P01 的督导');
    const after = await checkWith({ supervisor: 'S08', date: '2026-07-01' });
    expect(after.result.findings).toEqual([]);
  });

  it('a supervisor of other posts; the business lead where a post has none [SV-SUPERVISOR-ROLE]', async () => {
    const otherPost = await checkWith({ post: 'P02', supervisees: ['S06'], recordsDiscussed: [] });
    expect(summary(otherPost.result).map(([rule]) => rule)).toEqual(['SV-SUPERVISOR-ROLE']);
    const businessLead = await checkWith({ post: 'P02', supervisor: 'S02', supervisees: ['S06'], recordsDiscussed: [] });
    expect(businessLead.result.findings).toEqual([]);
  });

  it('a post staff.yaml does not have: the business lead does not act for it [SV-SUPERVISOR-ROLE]', async () => {
    const { result, texts } = await checkWith({ post: 'P99', supervisor: 'S02', supervisees: ['S06'], recordsDiscussed: [] });
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'supervision/2026-0001', lineContaining(texts[0] as string, 'post:')]]);
    expect(result.findings[0]?.message).toContain('staff.yaml 中没有岗位 P99');
  });

  it('a title that seems to name a person warns, as on every other record [G-CONFIDENTIAL]', async () => {
    let files = await fixtureFiles();
    const text = supervisionText({ id: 'supervision/2026-0001' }).replace(/^title: .*$/m, 'title: 王女士个案的督导');
    files = withFile(files, 'content/supervision/2026/0001.md', text);
    const result = checkArchive(files, today);
    expect(summary(result)).toEqual([['G-CONFIDENTIAL', 'warning', 'supervision/2026-0001', lineContaining(text, 'title:')]]);
  });

  it('the supervisor among the supervisees [SV-SUPERVISOR-ROLE]', async () => {
    const { result, texts } = await checkWith({ supervisees: ['S05', 'S04'] });
    expect(summary(result)).toEqual([['SV-SUPERVISOR-ROLE', 'error', 'supervision/2026-0001', lineContaining(texts[0] as string, '  - S04')]]);
  });

  it('a follow-up the next session does not review [SV-FOLLOW-UP]', async () => {
    const { result, texts } = await checkWith({ followUps: [agreed] }, later);
    expect(summary(result)).toEqual([['SV-FOLLOW-UP', 'error', 'supervision/2026-0002', lineContaining(texts[1] as string, '  - S05')]]);
    expect(result.findings[0]?.message).toContain('上次督导（supervision/2026-0001，2026-09-15）约定 S05 的跟进事项「整理结案材料」未在本次回顾');
  });

  it('a follow-up not done and not carried on warns; carried on, it passes [SV-FOLLOW-UP]', async () => {
    const dropped = await checkWith({ followUps: [agreed] }, { ...later, previousFollowUps: [{ ...agreed, done: false }] });
    expect(summary(dropped.result)).toEqual([['SV-FOLLOW-UP', 'warning', 'supervision/2026-0002', lineContaining(dropped.texts[1] as string, 'done: false')]]);
    const carried = await checkWith({ followUps: [agreed] }, { ...later, previousFollowUps: [{ ...agreed, done: false }], followUps: [agreed] });
    expect(carried.result.findings).toEqual([]);
  });

  it('a reviewed follow-up no earlier session agreed, and a follow-up owned by someone not supervised [SV-FOLLOW-UP]', async () => {
    const { result } = await checkWith({ previousFollowUps: [{ ...agreed, done: true }], followUps: [{ action: '写总结', owner: 'S07' }] });
    expect(result.findings.map((f) => [f.rule, f.message])).toEqual([
      ['SV-FOLLOW-UP', '「整理结案材料」不是 S05 上次督导约定的跟进事项'],
      ['SV-FOLLOW-UP', '跟进事项的负责人 S07 不是本次被督导社工'],
    ]);
  });

  it('an archive number of another nature than 督导 DD [G-ARCHIVE-NO]', async () => {
    const { result } = await checkWith({ archiveNo: 'QSN-GA-001-202609' });
    expect(result.findings.map((f) => [f.rule, f.message])).toEqual([['G-ARCHIVE-NO', '档案编号的服务性质 GA 不对：督导记录的服务性质代码为 DD']]);
  });
});
