import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { openRepository } from '../../src/approvals/open-repository.ts';
import { reject } from '../../src/approvals/reject.ts';
import { statusOf } from '../../src/approvals/status.ts';
import { submit } from '../../src/approvals/submit.ts';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.severity}:${f.rule}`);

describe('submit, approve, reject on a real repository', () => {
  it('takes a case from intake to service, with a rejection on the way, and keeps check green', async () => {
    const repo = await archiveRepo();
    await repo.write(casePath(), caseText());
    const submitted = await repo.as(staff.worker, at('2026-03-02'), () => submit({ cwd: repo.dir, today: '2026-03-02' }));
    expect(submitted).toMatchObject({ record: 'cases/2026-0001', stage: 'intake', branch: 'submit/cases/2026-0001' });
    expect(repo.git(staff.worker, at('2026-03-02'), 'status', '--porcelain')).toBe('');

    const rejected = await repo.as(staff.supervisor, at('2026-03-02', '15:00:00'), () =>
      reject({ cwd: repo.dir, today: '2026-03-02', branch: submitted.branch, reason: '初步评估过于简略，请补充' }),
    );
    expect(rejected.stage).toBe('intake');

    const approved = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: submitted.branch }));
    expect(approved).toMatchObject({ approved: true, record: 'cases/2026-0001', stage: 'intake' });
    const message = repo.git(staff.supervisor, at('2026-03-03'), 'log', '-1', '--format=%B');
    expect(message).toContain('Record: cases/2026-0001\nStage: intake\nApproved-by: S04\nRole: supervisor\nApproved-head: ');

    await repo.write(casePath(), caseText({ consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'] }));
    const second = await repo.as(staff.worker, at('2026-03-05', '18:00:00'), () => submit({ cwd: repo.dir, today: '2026-03-05' }));
    expect(second.stage).toBe('session');
    await repo.as(staff.supervisor, at('2026-03-06'), () => approve({ cwd: repo.dir, today: '2026-03-06', branch: second.branch }));

    const check = await checkRepository(repo.dir, '2026-03-06');
    expect(rules(check.findings)).toEqual([]);
    const opened = await openRepository(repo.dir, '2026-03-06');
    const record = opened.history.byId.get('cases/2026-0001');
    expect(record).toBeDefined();
    expect(statusOf(opened.history, record!)).toMatchObject({
      approved: [
        { stage: 'intake', by: 'S04', date: '2026-03-03' },
        { stage: 'session', by: 'S04', date: '2026-03-06' },
      ],
      waiting: [],
      next: { action: 'submit', stage: 'session', worker: 'S05' },
    });
    const timeline = timelineOf(opened.history, 'cases/2026-0001', opened.findings).map((e) => [e.kind, e.stage, e.by]);
    expect(timeline).toEqual([
      ['submitted', 'intake', 'S05'],
      ['rejected', 'intake', 'S04'],
      ['approved', 'intake', 'S04'],
      ['first-on-main', null, null],
      ['submitted', 'session', 'S05'],
      ['approved', 'session', 'S04'],
    ]);
    expect(timelineOf(opened.history, 'cases/2026-0001', opened.findings)[1]?.note).toContain('初步评估过于简略，请补充');
  });
});
