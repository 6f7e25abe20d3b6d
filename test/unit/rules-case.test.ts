import { describe, expect, it } from 'vitest';
import { checkEdited, lineContaining, paths, replaceOnce, summary } from '../helpers/fixture.ts';

const id = 'cases/2026-0001';
const edit = (from: string, to: string) => checkEdited(paths.case, (t) => replaceOnce(t, from, to));
/** Moves the consent before the intake, so that an early service breaks C-INTAKE-APPROVAL alone. */
const consentEarly = (t: string) => replaceOnce(t, '  date: 2026-03-03\n  signedBy', '  date: 2026-02-20\n  signedBy');

describe('case rules', () => {
  it('[C-INTAKE-APPROVAL] a session dated before the intake', async () => {
    const { result, text } = await checkEdited(paths.case, (t) =>
      replaceOnce(consentEarly(t), '- { date: 2026-03-10, mode: 面谈', '- { date: 2026-02-27, mode: 面谈'),
    );
    expect(summary(result)).toEqual([['C-INTAKE-APPROVAL', 'error', id, lineContaining(text, '2026-02-27')]]);
    expect(result.findings[0]?.message).toContain('早于接案日期 2026-03-02');
  });

  it('[C-INTAKE-APPROVAL] a plan dated before the intake', async () => {
    const { result, text } = await checkEdited(paths.case, (t) =>
      replaceOnce(consentEarly(t), 'plan:\n  date: 2026-03-06', 'plan:\n  date: 2026-03-01'),
    );
    expect(summary(result)).toEqual([['C-INTAKE-APPROVAL', 'error', id, lineContaining(text, 'date: 2026-03-01')]]);
  });

  it('[G-CONSENT] service without a signed consent', async () => {
    const { result, text } = await edit('consent:\n  signed: true\n  date: 2026-03-03\n  signedBy: 监护人\n', '');
    expect(summary(result)).toEqual([
      ['C-ARCHIVE-COMPLETE', 'error', id, lineContaining(text, 'archiveNo:')],
      ['G-CONSENT', 'error', id, lineContaining(text, 'plan:')],
    ]);
  });

  it('[G-CONSENT] consent signed after the first service', async () => {
    const { result, text } = await edit('  date: 2026-03-03\n  signedBy', '  date: 2026-03-12\n  signedBy');
    expect(summary(result)).toEqual([['G-CONSENT', 'error', id, lineContaining(text, 'date: 2026-03-12')]]);
  });

  it('[G-FREE] a participant fee other than 0', async () => {
    const { result, text } = await edit('participantFee: 0', 'participantFee: 50');
    expect(summary(result)).toEqual([['G-FREE', 'error', id, lineContaining(text, 'participantFee')]]);
  });

  it('[C-ARCHIVE-COMPLETE] an archived case without its closing evaluation', async () => {
    const { result, text } = await edit(
      'closingEvaluation:\n  date: 2026-05-20\n  goalsMet: 完全达成\n  clientFeedback: 觉得自己能应付考试了，和妈妈说话不再吵架\n',
      '',
    );
    expect(summary(result)).toEqual([['C-ARCHIVE-COMPLETE', 'error', id, lineContaining(text, 'archiveNo:')]]);
    expect(result.findings[0]?.message).toContain('个案结束评估表');
  });

  it('[C-ARCHIVE-COMPLETE] an archived case that is not closed', async () => {
    const { result, text } = await edit('closingForm:\n  date: 2026-05-22\n', '');
    const rules = summary(result).map(([rule]) => rule);
    expect(rules).toContain('C-ARCHIVE-COMPLETE');
    expect(summary(result)).toContainEqual(['C-ARCHIVE-COMPLETE', 'error', id, lineContaining(text, 'archiveNo:')]);
  });

  it('[C-ARCHIVE-COMPLETE] a closed, unarchived case missing forms is a warning', async () => {
    const { result, text } = await checkEdited(paths.closedCase, (t) => replaceOnce(t, 'attachments:\n  - { name: 个案记录表, pages: 2 }\n', ''));
    expect(summary(result)).toEqual([['C-ARCHIVE-COMPLETE', 'warning', 'cases/2026-0002', lineContaining(text, 'closingForm:')]]);
  });

  it('[C-REFERRAL] a referral without the client\'s consent', async () => {
    const referral = `referrals:
  - date: 2026-04-01
    type: 机构内
    toWorker: S06
    reason: 家庭搬迁至西岭镇
    needsAssessment: 仍需亲子沟通支持
    clientConsent: false
closingReport:`;
    const { result, text } = await edit('closingReport:', referral);
    expect(summary(result)).toEqual([['C-REFERRAL', 'error', id, lineContaining(text, 'clientConsent: false')]]);
  });

  it('[C-REFERRAL] an external referral without an agency', async () => {
    const referral = `referrals:
  - date: 2026-04-01
    type: 机构间
    reason: 需要专业心理治疗
    needsAssessment: 焦虑症状需医疗评估
    clientConsent: true
closingReport:`;
    const { result, text } = await edit('closingReport:', referral);
    expect(summary(result)).toEqual([['C-REFERRAL', 'error', id, lineContaining(text, '- date: 2026-04-01')]]);
  });

  it('[C-CLOSE-APPROVAL] a closing form without a closing report', async () => {
    const { result, text } = await checkEdited(paths.closedCase, (t) =>
      replaceOnce(t, 'closingReport: { date: 2026-08-28, reason: 目标达成, summary: 隐患已排除 }\n', ''),
    );
    expect(summary(result)).toContainEqual(['C-CLOSE-APPROVAL', 'error', 'cases/2026-0002', lineContaining(text, 'closingForm:')]);
  });

  it('[C-CLOSE-APPROVAL] a session after closing', async () => {
    const { result, text } = await edit('- { date: 2026-05-12, mode: 面谈', '- { date: 2026-05-25, mode: 面谈');
    expect(summary(result)).toEqual([['C-CLOSE-APPROVAL', 'error', id, lineContaining(text, '2026-05-25')]]);
  });

  it('[C-FOLLOW-UP] a follow-up dated before closing', async () => {
    const { result, text } = await edit('- { date: 2026-08-20, summary', '- { date: 2026-05-21, summary');
    expect(summary(result)).toEqual([['C-FOLLOW-UP', 'error', id, lineContaining(text, '2026-05-21')]]);
  });
});
