import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRecord, openRepository, type OpenRepository } from '../../src/approvals/open-repository.ts';
import { statusOf } from '../../src/approvals/status.ts';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRepository, type RepositoryCheck } from '../../src/check/check-repository.ts';
import { generateRealistic, type RealisticResult } from '../../src/demo/realistic.ts';
import type { Ledger } from '../../src/ledger/ledger.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';

const generate = async (records: number, seed: string) => {
  const out = await mkdtemp(join(tmpdir(), 'swa-realistic-'));
  const result = await generateRealistic({ source: repoRoot, out, records, seed });
  return { out, result, check: await checkRepository(out, result.today) };
};

describe('the realistic demo archive (swa demo --records)', () => {
  let out: string;
  let result: RealisticResult;
  let check: RepositoryCheck;
  let ledger: Ledger;

  beforeAll(async () => {
    ({ out, result, check } = await generate(60, 'test'));
    ledger = check.history!.ledger;
  });

  it('keeps every rule of the rulebook: swa check finds no error on its last day', () => {
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('holds every kind of the mix, hotline calls and visits among the consultations, and quarterly handovers', () => {
    const records = check.history!.records;
    for (const kind of ['case', 'consultation', 'group', 'community', 'handover']) expect(records.some((r) => r.kind === kind), kind).toBe(true);
    const channels = new Set(records.flatMap((r) => (r.kind === 'consultation' ? [r.data.channel === '热线' ? 'hotline' : 'other'] : [])));
    expect(channels).toEqual(new Set(['hotline', 'other']));
    expect(records.some((r) => r.kind === 'case' && r.data.referrals.length > 0 && r.data.archiveNo !== undefined)).toBe(true);
    expect(result.kinds).toMatchObject({ case: 34, consultation: 15, group: 7, community: 4 });
  });

  it('approves every stage of every kind by its own merge, naming the head it reviewed', () => {
    const stages = new Set(ledger.approvals.map((a) => a.stage));
    for (const stage of ['intake', 'session', 'referral', 'closing', 'archive', 'hotline-review', 'plan', 'org-business', 'org-head', 'funding', 'report-supervisor', 'report-business', 'report-head', 'handover']) {
      expect(stages.has(stage as never), stage).toBe(true);
    }
    const { approverAt } = check.history!;
    expect(ledger.approvals.every((a, at) => a.approvedHead === a.mergedHead && a.claimedApprover === approverAt(at) && a.branchAuthorship.length > 0)).toBe(true);
    expect(ledger.unapproved).toEqual([]);
    expect(ledger.approvals.length).toBe(result.approvals);
  });

  // Unsigned approvals: the whole pass kept by the check serves one record, its ledger holding that record's approvals alone.
  it('tells each record\'s status and timeline, read alone, as the whole archive tells them', async () => {
    const whole = check as OpenRepository;
    for (const { id } of whole.history.records.filter((r) => r.kind !== 'audit' && r.kind !== 'handover')) {
      const one = await openRepository(out, result.today, id);
      expect(one.history.ledger.approvals.length, id).toBeLessThan(ledger.approvals.length);
      expect(statusOf(one.history, findRecord(one, id)), id).toEqual(statusOf(whole.history, findRecord(whole, id)));
      expect(timelineOf(one.history, id, one.findings), id).toEqual(timelineOf(whole.history, id, whole.findings));
    }
  }, 60_000);

  it('leaves submissions pending at the end, and has a rejection followed by a resubmission and its approval', () => {
    expect(ledger.pendingBranches.length).toBe(result.pending);
    expect(result.pending).toBeGreaterThan(0);
    const rejection = ledger.rejections[0]!;
    expect(rejection).toBeDefined();
    const resubmitted = ledger.submissions.some((s) => s.record === rejection.record && s.stage === rejection.stage && Date.parse(s.time) > Date.parse(rejection.time));
    expect(resubmitted).toBe(true);
    expect(ledger.approvals.some((a) => a.record === rejection.record && a.stage === rejection.stage && Date.parse(a.time) > Date.parse(rejection.time))).toBe(true);
  });

  it('makes the same history from the same seed', async () => {
    const again = await generate(60, 'test');
    const history = (l: Ledger) => l.approvals.map((a) => `${a.record} ${a.stage} ${a.time}`);
    expect(history(again.check.history!.ledger)).toEqual(history(ledger));
  });

  it('is what swa demo --records makes by default, and the command says which day to check it on', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'swa-realistic-cli-')), 'demo');
    const made = await runSwa(['demo', '--records', '12', '--seed', 'cli', '--out', out], repoRoot);
    expect(made.code).toBe(0);
    const today = /--today (\d{4}-\d{2}-\d{2})/.exec(made.stdout)?.[1];
    expect(today).toBe('2025-12-31');
    const check = await runSwa(['check', '--json', '--today', today as string], out);
    expect(check.code).toBe(0);
    expect((await runSwa(['demo', '--records', '12', '--shape', 'flat', '--out', `${out}-2`], repoRoot)).code).toBe(2);
  });
});
