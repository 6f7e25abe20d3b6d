import { describe, expect, it } from 'vitest';
import { checkEdited, lineContaining, paths, replaceOnce, summary } from '../helpers/fixture.ts';

const id = 'groups/2026-0001';
const edit = (from: string, to: string, on?: string) => checkEdited(paths.group, (t) => replaceOnce(t, from, to), on);

describe('group rules', () => {
  it('[GR-PLAN-LEAD] a plan submitted 10 days before the first session', async () => {
    const { result, text } = await edit('  date: 2026-04-01\n  objectives', '  date: 2026-04-29\n  objectives');
    // The funding application still precedes the plan, so only the lead time is broken.
    expect(summary(result)).toEqual([['GR-PLAN-LEAD', 'error', id, lineContaining(text, 'date: 2026-04-29')]]);
    expect(result.findings[0]?.message).toContain('不晚于 2026-04-25');
  });

  it('[G-SAFETY] a plan without safety measures', async () => {
    const { result, text } = await edit(
      '  safetyMeasures:\n    - 活动室人数不超过 20 人，保持两个出口畅通\n    - 每节至少两名工作人员在场\n',
      '',
    );
    expect(summary(result)).toEqual([['G-SAFETY', 'error', id, lineContaining(text, 'plan:')]]);
  });

  it('[GR-FUNDING] org funds signed by someone who is not the financeLead', async () => {
    const { result, text } = await edit('  requested: 380\n  signer: S03', '  requested: 380\n  signer: S05');
    expect(summary(result)).toEqual([['GR-FUNDING', 'error', id, lineContaining(text, 'signer: S05')]]);
  });

  it('[GR-FUNDING] org funds without the funding application', async () => {
    const { result, text } = await edit('  applicationDate: 2026-04-01\n', '');
    expect(summary(result)).toContainEqual(['GR-FUNDING', 'error', id, lineContaining(text, 'funding:')]);
  });

  it('[GR-FUNDING] no funding, yet the finance field names a person', async () => {
    const { result, text } = await edit('  source: 机构', '  source: 无');
    const rules = summary(result);
    expect(rules.every(([rule]) => rule === 'GR-FUNDING')).toBe(true);
    expect(rules).toContainEqual(['GR-FUNDING', 'error', id, lineContaining(text, 'signer: S03')]);
  });

  it('[GR-FUNDING] employer funds with a financial report that itemises nothing', async () => {
    const { result, text } = await checkEdited(paths.group, (t) =>
      replaceOnce(
        replaceOnce(t, '  source: 机构\n  applicationDate: 2026-04-01\n  requested: 380\n  signer: S03', '  source: 用人单位\n  signer: 陈一禾'),
        '  signer: S03\n  expenses:\n    - { item: 文具与手工材料, amount: 286 }\n    - { item: 小组结业证书印制, amount: 80 }\n',
        '  signer: 陈一禾\n',
      ),
    );
    expect(summary(result)).toEqual([['GR-FUNDING', 'error', id, lineContaining(text, 'financialReport:')]]);
  });

  it('[GR-RECRUIT] recruitment publicity after the group started', async () => {
    const { result, text } = await edit('recruitment:\n  date: 2026-04-20', 'recruitment:\n  date: 2026-05-10');
    expect(summary(result)).toEqual([['GR-RECRUIT', 'error', id, lineContaining(text, 'date: 2026-05-10')]]);
  });

  it('[GR-SESSION] an ended group without the supervisor\'s comment', async () => {
    const { result, text } = await edit(
      'supervisorComment:\n  date: 2026-06-01\n  by: S04\n  comment: 目标达成，程序设计紧凑；建议后续增加家长参与环节\n',
      '',
    );
    expect(summary(result)).toEqual([
      ['GR-FORMS', 'error', id, lineContaining(text, 'archiveNo:')],
      ['GR-SESSION', 'error', id, lineContaining(text, 'sessions:')],
    ]);
  });

  it('[GR-SESSION] a comment by someone who is not the post\'s supervisor', async () => {
    const { result, text } = await edit('  by: S04', '  by: S06');
    expect(summary(result)).toEqual([['GR-SESSION', 'error', id, lineContaining(text, 'by: S06')]]);
  });

  it('[GR-SESSION] a past scheduled session with no record is a warning', async () => {
    const { result, text } = await checkEdited(paths.group, (t) =>
      replaceOnce(
        replaceOnce(t, '  - { date: 2026-05-30, attendance: 12, volunteers: 2, summary: 回顾收获，颁发结业证书 }\n', ''),
        'archiveNo: QSN-XZ-001-202606\n',
        '',
      ).replace(/\nfeedback:[\s\S]*?\n---/, '\n---'),
    );
    // Unarchiving the group also makes the fixture's audit of it invalid; only the group's findings matter here.
    expect(summary(result).filter(([, , record]) => record === id)).toEqual([['GR-SESSION', 'warning', id, lineContaining(text, 'sessions:')]]);
  });

  it('[GR-REPORT-3D] a report dated 5 days after the last session', async () => {
    const { result, text } = await edit('report:\n  date: 2026-06-02', 'report:\n  date: 2026-06-04');
    expect(summary(result)).toEqual([['GR-REPORT-3D', 'error', id, lineContaining(text, 'date: 2026-06-04')]]);
  });

  it('[GR-REPORT-3D] no report 3 days after the end is an overdue warning', async () => {
    const { result, text } = await checkEdited(paths.group, (t) =>
      replaceOnce(replaceOnce(t, 'report:\n  date: 2026-06-02\n  summary: 组员能识别常见情绪并运用至少两种调节方法\n', ''), 'archiveNo: QSN-XZ-001-202606\n', ''),
    );
    expect(summary(result).filter(([, , record]) => record === id)).toEqual([['GR-REPORT-3D', 'warning', id, lineContaining(text, 'sessions:')]]);
    expect(result.findings.find((f) => f.record === id)?.message).toContain('2026-06-02 前完成');
  });

  it('[GR-FORMS] an archived group without its registration form', async () => {
    const { result, text } = await edit('registration:\n  closedOn: 2026-05-06\n  registered: 12\n', '');
    expect(summary(result)).toEqual([['GR-FORMS', 'error', id, lineContaining(text, 'archiveNo:')]]);
    expect(result.findings[0]?.message).toContain('报名表');
  });
});
