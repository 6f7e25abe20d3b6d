import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRecord, openRepository, type OpenRepository } from '../../src/approvals/open-repository.ts';
import { statusOf } from '../../src/approvals/status.ts';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRecord } from '../../src/check/check-record.ts';
import { checkRepository, type RepositoryCheck } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { fileOfRecord } from '../../src/records/record-path.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';

const today = '2026-11-29';

describe('swa check RECORD', () => {
  let demo: string;
  let full: RepositoryCheck;
  beforeAll(async () => {
    demo = join(await mkdtemp(join(tmpdir(), 'swa-check-record-')), 'demo');
    await generateDemo({ source: repoRoot, out: demo, today });
    full = await checkRepository(demo, today);
  }, 120_000);

  // With the whole check's integrity result kept (see IntegrityCache), and without it: then the pass runs over the record's ledger alone.
  it.each([['kept', true] as const, ['judged again', false] as const])('finds for each record of the demo exactly what the whole check finds for it, reading that record alone (integrity %s)', async (_, kept) => {
    if (!kept) await rm(join(demo, '.git', 'swa', 'integrity.json'));
    const ids = full.parsed.map((r) => r.id);
    const noStorage = new Set(full.context?.roster.posts.filter((p) => !p.canStoreFiles).map((p) => p.id));
    expect(ids.length).toBeGreaterThan(30);
    // The demo's planted violations are among them: a record with findings is compared too.
    expect(full.findings.some((f) => f.record !== null && f.severity === 'error')).toBe(true);
    for (const id of ids) {
      const file = fileOfRecord(id);
      const one = await checkRecord(demo, id, today);
      const expected = full.findings.filter((f) => f.record === id || f.file === file || f.file === 'content/staff.yaml' || f.file === 'content/archive.yaml');
      expect(one.findings, id).toEqual(expected);
      expect(one.parsed.length, `${id}: records read`).toBeLessThanOrEqual(1 + full.parsed.filter((r) => r.kind === 'handover').length + 6);
      // Other handovers only where C-QUARTERLY-HANDOVER asks of a closed case at a post that cannot store files.
      const record = full.parsed.find((r) => r.id === id);
      const awaits = record?.kind === 'case' && record.data.closingForm !== undefined && noStorage.has(record.data.post);
      expect(one.parsed.some((r) => r.kind === 'handover' && r.id !== id), `${id}: other handovers read`).toBe(awaits);
    }
    expect(full.parsed.some((r) => r.kind === 'case' && r.data.closingForm !== undefined && noStorage.has(r.data.post))).toBe(true);
    if (!kept) full = await checkRepository(demo, today);
  }, 120_000);

  it('gives swa log and swa status of one record what the whole archive gives them', async () => {
    for (const id of full.parsed.filter((r) => r.kind !== 'audit' && r.kind !== 'handover').map((r) => r.id)) {
      const one = await openRepository(demo, today, id);
      const whole = full as OpenRepository;
      expect(timelineOf(one.history, id, one.findings), id).toEqual(timelineOf(whole.history, id, whole.findings));
      expect(statusOf(one.history, findRecord(one, id)), id).toEqual(statusOf(whole.history, findRecord(whole, id)));
    }
  }, 120_000);

  it('is what swa check does given a record id, and names a record that does not exist', async () => {
    const id = full.findings.find((f) => f.record !== null && f.severity === 'error')?.record as string;
    const run = await runSwa(['check', id, '--json', '--today', today], demo);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ records: 1, findings: full.findings.filter((f) => f.record === id || f.file === fileOfRecord(id) || f.file === 'content/staff.yaml' || f.file === 'content/archive.yaml') });
    const missing = await runSwa(['check', 'cases/2026-0999', '--today', today], demo);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('没有记录 cases/2026-0999');
  }, 60_000);
});
