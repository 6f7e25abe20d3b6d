import { describe, expect, it } from 'vitest';
import { checkEdited, lineContaining, paths, replaceOnce, summary } from '../helpers/fixture.ts';

const id = 'community/2026-0001';
const edit = (from: string, to: string) => checkEdited(paths.community, (t) => replaceOnce(t, from, to));

describe('community rules', () => {
  it('[CM-NEEDS] no needs assessment before the plan', async () => {
    const { result, text } = await edit(
      'needsAssessment:\n  date: 2026-05-10\n  methods:\n    - 入户走访 30 户长者家庭\n    - 与村委会座谈\n  findings: 长者对慢病管理与电信诈骗防范的需求最突出\n',
      '',
    );
    expect(summary(result)).toEqual([['CM-NEEDS', 'error', id, lineContaining(text, 'plan:')]]);
  });

  it('[CM-NEEDS] a needs assessment dated after the plan', async () => {
    const { result, text } = await edit('needsAssessment:\n  date: 2026-05-10', 'needsAssessment:\n  date: 2026-05-28');
    expect(summary(result)).toEqual([['CM-NEEDS', 'error', id, lineContaining(text, 'date: 2026-05-28')]]);
  });

  it('[CM-EMPLOYER-CONSENT] the employer agreed after the plan went to the supervisor', async () => {
    const { result, text } = await edit('employerConsent:\n  date: 2026-05-20', 'employerConsent:\n  date: 2026-05-26');
    expect(summary(result)).toEqual([['CM-EMPLOYER-CONSENT', 'error', id, lineContaining(text, 'date: 2026-05-26')]]);
  });

  it('[CM-PLAN-LEAD] a plan fewer than 14 days before the activity', async () => {
    const { result, text } = await checkEdited(paths.community, (t) =>
      replaceOnce(replaceOnce(t, 'plan:\n  date: 2026-05-25', 'plan:\n  date: 2026-06-10'), 'employerConsent:\n  date: 2026-05-20', 'employerConsent:\n  date: 2026-06-09'),
    );
    expect(summary(result)).toEqual([['CM-PLAN-LEAD', 'error', id, lineContaining(text, 'date: 2026-06-10')]]);
  });

  it('[CM-EMERGENCY] a plan without an emergency plan', async () => {
    const { result, text } = await edit('  emergencyPlan: 现场配备急救箱与医护志愿者；出现身体不适者由医护处置并联系家属，必要时拨打 120\n', '');
    expect(summary(result)).toEqual([['CM-EMERGENCY', 'error', id, lineContaining(text, 'plan:')]]);
  });

  it('[G-SAFETY] a community plan without safety measures', async () => {
    const { result, text } = await edit('  safetyMeasures:\n    - 分时段入场，控制现场人数\n    - 设置休息区与医护值守\n', '');
    expect(summary(result)).toEqual([['G-SAFETY', 'error', id, lineContaining(text, 'plan:')]]);
  });

  it('[CM-PROCESS] no publicity before the first activity', async () => {
    const { result, text } = await edit('publicity:\n  - { date: 2026-06-05, summary: 村委会广播与张贴海报 }\n', '');
    expect(summary(result)).toEqual([['CM-PROCESS', 'error', id, lineContaining(text, 'activities:')]]);
  });

  it('[CM-PROCESS] an activity without a process evaluation', async () => {
    const { result, text } = await edit('    processEvaluation: 上午人流集中，临时增设一个检测点\n', '');
    expect(summary(result)).toEqual([['CM-PROCESS', 'error', id, lineContaining(text, '- date: 2026-06-20')]]);
  });

  it('[CM-RECORD] an activity without an outcome evaluation', async () => {
    const { result, text } = await edit('    outcomeEvaluation: 问卷显示九成参与者能说出三种常见诈骗手法\n', '');
    expect(summary(result)).toEqual([['CM-RECORD', 'error', id, lineContaining(text, '- date: 2026-06-20')]]);
  });

  it('[GR-FUNDING] employer funding whose finance field says 无', async () => {
    const { result, text } = await edit('  source: 用人单位\n  signer: 罗晓川', '  source: 用人单位\n  signer: 无');
    expect(summary(result)).toEqual([['GR-FUNDING', 'error', id, lineContaining(text, 'signer: 无')]]);
  });

  it('[GR-REPORT-3D] a community report after the deadline', async () => {
    const { result, text } = await edit('report:\n  date: 2026-06-22', 'report:\n  date: 2026-06-25');
    expect(summary(result)).toEqual([['GR-REPORT-3D', 'error', id, lineContaining(text, 'date: 2026-06-25')]]);
  });

  it('[GR-FORMS] an archived community activity without its financial report (CM-AS-GROUP)', async () => {
    const { result, text } = await edit(
      'financialReport:\n  date: 2026-06-22\n  signer: 罗晓川\n  expenses:\n    - { item: 宣传物料, amount: 180 }\n    - { item: 饮用水, amount: 60 }\n',
      '',
    );
    expect(summary(result)).toEqual([
      ['GR-FORMS', 'error', id, lineContaining(text, 'archiveNo:')],
      ['GR-REPORT-3D', 'warning', id, lineContaining(text, 'activities:')],
    ]);
    expect(result.findings[0]?.message).toContain('CM-AS-GROUP');
  });

  it('[CM-RECORD] a scheduled activity whose date has passed without a record is a warning', async () => {
    const { result, text } = await checkEdited(paths.community, (t) =>
      replaceOnce(t, '    - { date: 2026-06-20, theme: 健康义诊与防诈宣传 }\n', '    - { date: 2026-06-20, theme: 健康义诊与防诈宣传 }\n    - { date: 2026-11-20, theme: 回访 }\n')
        .replace(/\nreport:[\s\S]*?\n---/, '\n---')
        .replace('archiveNo: ZZ-SQ-001-202607\n', ''),
    );
    expect(summary(result)).toEqual([['CM-RECORD', 'warning', id, lineContaining(text, 'activities:')]]);
  });

  it('[GR-FUNDING] a financial report signed by someone other than the named finance signer', async () => {
    const { result, text } = await edit('  signer: 罗晓川\n  expenses:', '  signer: 陈一禾\n  expenses:');
    expect(summary(result)).toEqual([['GR-FUNDING', 'error', id, lineContaining(text, 'signer: 陈一禾')]]);
  });
});
