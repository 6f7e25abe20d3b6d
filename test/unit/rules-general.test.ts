import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { checkEdited, fixtureFiles, lineContaining, paths, replaceOnce, summary, textOf, today, withFile } from '../helpers/fixture.ts';

describe('archive numbers [G-ARCHIVE-NO]', () => {
  const edit = (from: string, to: string) => checkEdited(paths.case, (t) => replaceOnce(t, from, to));
  const id = 'cases/2026-0001';

  it.each([
    ['a malformed number', 'QSN-GA-1-2026-06', '格式不对'],
    ['a nature that is not the case nature', 'QSN-XZ-002-202606', '服务性质代码为 GA'],
    ['a category other than the record\'s', 'ZZ-GA-001-202606', '不一致'],
    ['an unknown category', 'XX-GA-001-202606', '不在 archive.yaml 中'],
    ['a sequence of the wrong width', 'QSN-GA-0001-202606', '应为 3 位'],
    ['a month that does not exist', 'QSN-GA-001-202613', '不是有效的年月'],
  ])('%s', async (_name, archiveNo, message) => {
    const { result, text } = await edit('archiveNo: QSN-GA-001-202606', `archiveNo: ${archiveNo}`);
    expect(summary(result)).toEqual([['G-ARCHIVE-NO', 'error', id, lineContaining(text, 'archiveNo:')]]);
    expect(result.findings[0]?.message).toContain(message);
  });

  it('an archive month before the service was complete', async () => {
    const { result, text } = await edit('archiveNo: QSN-GA-001-202606', 'archiveNo: QSN-GA-001-202604');
    expect(summary(result)).toEqual([['G-ARCHIVE-NO', 'error', id, lineContaining(text, 'archiveNo:')]]);
    expect(result.findings[0]?.message).toContain('早于服务完成日期 2026-05-22');
  });

  it('a record category that is not in the code table', async () => {
    const { result, text } = await checkEdited(paths.closedCase, (t) => replaceOnce(t, 'category: ZZ', 'category: LNR'));
    expect(summary(result)).toEqual([['G-ARCHIVE-NO', 'error', 'cases/2026-0002', lineContaining(text, 'category:')]]);
  });

  it('a number used twice: the second holder is reported', async () => {
    const files = await fixtureFiles();
    const copy = replaceOnce(
      replaceOnce(textOf(files, paths.case), 'id: cases/2026-0001', 'id: cases/2026-0003'),
      'title: 初中生学业压力与亲子沟通个案',
      'title: 另一宗个案',
    );
    const result = checkArchive(withFile(files, 'content/cases/2026/0003.md', copy), today);
    expect(summary(result)).toEqual([['G-ARCHIVE-NO', 'error', 'cases/2026-0003', lineContaining(copy, 'archiveNo:')]]);
    expect(result.findings[0]?.message).toContain('已被 cases/2026-0001 使用');
  });
});

describe('staff references [SCHEMA]', () => {
  it('a worker who did not serve the post when the service started', async () => {
    const { result, text } = await checkEdited(paths.case, (t) => replaceOnce(t, 'worker: S05', 'worker: S06'));
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'cases/2026-0001', lineContaining(text, 'worker:')]]);
    expect(result.findings[0]?.message).toContain('不是岗位 P01 的社工');
  });

  it('a worker whose worker role had ended', async () => {
    const { result } = await checkEdited(paths.case, (t) =>
      replaceOnce(t, 'worker: S05', 'worker: S08').replace(/2026-03-02/g, '2026-07-02').replace(/2026-03-0[356]/g, '2026-07-06'),
    );
    expect(result.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('S08 在服务开始之日 2026-07-02 不是岗位 P01 的社工'));
  });
});

describe('consultations', () => {
  const id = 'consultations/2026-0001';
  const edit = (from: string, to: string) => checkEdited(paths.consultation, (t) => replaceOnce(t, from, to));

  it('[C-INQUIRY] an inquiry without its needs analysis', async () => {
    const { result } = await edit('needsAnalysis: 暂无人身安全风险；需要信息支持，无需开案\n', '');
    expect(summary(result)).toEqual([['C-INQUIRY', 'error', id, 2]]);
    expect(result.findings[0]?.message).toContain('需求分析及评估');
  });

  it('[C-INQUIRY] an inquiry closed before it happened', async () => {
    const { result, text } = await edit('closing:\n  date: 2026-09-08', 'closing:\n  date: 2026-09-07');
    expect(summary(result)).toEqual([['C-INQUIRY', 'error', id, lineContaining(text, 'date: 2026-09-07')]]);
  });

  it('[C-HOTLINE] a hotline the organisation does not serve', async () => {
    const { result, text } = await edit('hotline: "12355"', 'hotline: "12399"');
    expect(summary(result)).toEqual([['C-HOTLINE', 'error', id, lineContaining(text, 'hotline:')]]);
  });

  it('[C-HOTLINE] a hotline call without the hotline number', async () => {
    const { result, text } = await edit('hotline: "12355"\n', '');
    expect(summary(result)).toEqual([['C-HOTLINE', 'error', id, lineContaining(text, 'channel:')]]);
  });

  it('[G-FREE] applies to consultations too', async () => {
    const { result, text } = await edit('participantFee: 0', 'participantFee: 20');
    expect(summary(result)).toEqual([['G-FREE', 'error', id, lineContaining(text, 'participantFee')]]);
  });
});

describe('audits and handovers', () => {
  it('[GR-AUDIT] an audit by someone who is not the businessLead', async () => {
    const { result, text } = await checkEdited(paths.audit, (t) => replaceOnce(t, 'auditor: S02', 'auditor: S04'));
    expect(summary(result)).toEqual([['GR-AUDIT', 'error', 'audits/2026-0001', lineContaining(text, 'auditor:')]]);
  });

  it('[GR-AUDIT] an audit of a case, which is not a group or activity', async () => {
    const { result, text } = await checkEdited(paths.audit, (t) => replaceOnce(t, 'target: groups/2026-0001', 'target: cases/2026-0001'));
    expect(summary(result)).toEqual([['GR-AUDIT', 'error', 'audits/2026-0001', lineContaining(text, 'target:')]]);
  });

  it('[C-QUARTERLY-HANDOVER] a case closed in another quarter', async () => {
    const { result, text } = await checkEdited(paths.handover, (t) => replaceOnce(t, 'quarter: 2026Q3', 'quarter: 2026Q4'));
    const closedCase = textOf(await fixtureFiles(), paths.closedCase);
    expect(summary(result)).toEqual([
      // The case now lacks a handover for the quarter it closed in, which has ended.
      ['C-QUARTERLY-HANDOVER', 'warning', 'cases/2026-0002', lineContaining(closedCase, 'closingForm:')],
      ['C-QUARTERLY-HANDOVER', 'error', 'handovers/2026-0001', lineContaining(text, '- cases/2026-0002')],
    ]);
  });

  it('[C-QUARTERLY-HANDOVER] a closed case not handed over is flagged once its quarter has ended', async () => {
    const files = (await fixtureFiles()).filter((f) => f.path !== paths.handover);
    expect(summary(checkArchive(files, '2026-09-30'))).toEqual([]);
    const closingLine = lineContaining(textOf(files, paths.closedCase), 'closingForm:');
    expect(summary(checkArchive(files, '2026-10-01'))).toEqual([['C-QUARTERLY-HANDOVER', 'warning', 'cases/2026-0002', closingLine]]);
  });

  it('[C-QUARTERLY-HANDOVER] a case of another post', async () => {
    const { result, text } = await checkEdited(paths.handover, (t) => replaceOnce(t, '  - cases/2026-0002', '  - cases/2026-0002\n  - cases/2026-0001'));
    expect(summary(result).map(([rule, , , line]) => [rule, line])).toContainEqual(['C-QUARTERLY-HANDOVER', lineContaining(text, '- cases/2026-0001')]);
  });
});

describe('emergency disclosures [G-CONFIDENTIAL]', () => {
  const disclosure = (approver: string) => `disclosures:\n  - { date: 2026-05-10, to: 派出所值班民警, reason: 服务对象有自伤风险, what: 姓名、住址, approvedBy: ${approver} }\nprofile:`;

  it('are approved by the supervisor of the post', async () => {
    const { result } = await checkEdited(paths.case, (t) => replaceOnce(t, 'profile:', disclosure('S04')));
    expect(summary(result)).toEqual([]);
  });

  it('approved by a worker are reported on the approver', async () => {
    const { result, text } = await checkEdited(paths.case, (t) => replaceOnce(t, 'profile:', disclosure('S05')));
    expect(summary(result)).toEqual([['G-CONFIDENTIAL', 'error', 'cases/2026-0001', lineContaining(text, 'approvedBy: S05')]]);
    expect(result.findings[0]?.message).toContain('紧急披露须经督导或机构负责人批准');
  });
});

describe('projects [SCHEMA]', () => {
  it('a record naming a project that archive.yaml does not list', async () => {
    const { result, text } = await checkEdited(paths.case, (t) => replaceOnce(t, 'worker: S05', 'worker: S05\nproject: NO-SUCH'));
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'cases/2026-0001', lineContaining(text, 'project:')]]);
    expect(result.findings[0]?.message).toBe('archive.yaml 中没有项目 NO-SUCH；已有：（无）');
  });
});
