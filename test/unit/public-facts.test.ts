import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/approvals/timeline.ts';
import type { Finding } from '../../src/rules/finding.ts';
import { publicFindingMessage, publicTimelineNote } from '../../src/site/public-facts.ts';

const typed = '卡纳瑞王阿姨';

const finding = (rule: string, message: string): Finding => ({ rule, severity: 'error', record: 'cases/2026-0001', file: 'content/cases/2026/0001.md', line: 1, message });

const entry = (kind: TimelineEntry['kind'], stage: string | null): TimelineEntry => ({ time: '2026-03-02T10:00:00Z', kind, stage, by: null, sha: '0123456789abcdef', note: `${typed}` });

describe('what the de-identified site shows of git history [G-CONFIDENTIAL]', () => {
  it('rebuilds a history finding from its rule, commit and date, dropping what a trailer said', () => {
    const message = publicFindingMessage(finding('A-UNAUTHORISED', `合并 0a1b2c3d（2026-03-02）：合并没有写明已知的审批环节（Stage: ${typed}）；此次合并不算审批`));
    expect(message).not.toContain(typed);
    expect(message).toContain('提交 0a1b2c3d');
    expect(message).toContain('2026-03-02');
    expect(message).toMatch(/^审批人在审批当天不担任该环节所需的角色/);
  });

  it('drops an author name from an unapproved change, and keeps content findings as they are', () => {
    expect(publicFindingMessage(finding('A-UNAPPROVED-CHANGE', `cases/2026-0001 在 2026-03-02 经由直接推送（提交 0a1b2c3d，作者 ${typed}）`))).not.toContain(typed);
    expect(publicFindingMessage(finding('G-FREE', '参与费用为 20 元，应为 0'))).toBe('参与费用为 20 元，应为 0');
  });

  it('writes timeline notes from the kind and a known stage only', () => {
    expect(publicTimelineNote(entry('submitted', typed), [])).toBe('提交（未写明已知的环节）');
    expect(publicTimelineNote(entry('rejected', 'intake'), [])).toBe('退回「接案审批」');
    expect(publicTimelineNote(entry('approved', 'intake'), [])).toBe('批准「接案审批」（督导）');
    expect(publicTimelineNote(entry('approved', 'intake'), [], true)).toBe('批准「接案审批」（督导，有名册登记密钥的签名）');
    expect(publicTimelineNote(entry('invalid-approval', 'intake'), ['A-UNAUTHORISED', 'A-UNAUTHORISED'])).toBe('无效的审批「接案审批」：A-UNAUTHORISED');
    expect(publicTimelineNote(entry('unapproved-change', null), [])).toBe('未经审批的改动');
  });
});
